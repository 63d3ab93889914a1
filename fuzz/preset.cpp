// The preset parser and its round trip: any text either loads or is a
// ConfigError, and a Config that loads writes an INI that loads back to
// the same Config and the same INI (Config -> INI -> Config).
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "shapegen/config.hpp"
#include "shapegen/error.hpp"

using namespace shapegen;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Config defaults = Config::defaults();
  const std::string text(reinterpret_cast<const char*>(data), size);
  Config config = defaults;
  try {
    config.set_all(parse_preset_text(text, "fuzz.ini"), "fuzz.ini");
    config.check_consistency();
  } catch (const ConfigError&) {
    return 0;  // refused with a message: fine
  }
  const std::string ini = config.to_ini();
  Config again = defaults;
  try {
    again.set_all(parse_preset_text(ini, "round trip"), "round trip");
    again.check_consistency();
  } catch (const ConfigError& e) {
    fuzz::require(false, std::string("to_ini() output does not load: ") + e.what());
  }
  fuzz::require(again == config, "Config -> INI -> Config changed a value");
  fuzz::require(again.to_ini() == ini, "INI -> Config -> INI changed the text");
  return 0;
}
