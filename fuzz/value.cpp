// The value syntax: "key=text" parses text against the declaration of key
// (an unknown key picks a declaration by hash, so every input tests one).
// Parsing either gives a value or throws std::invalid_argument, and a
// value's canonical text parses back to the same value.
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

#include "fuzz_check.hpp"
#include "shapegen/catalog.hpp"

using namespace shapegen;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t equals = input.find('=');
  const std::string key = input.substr(0, equals);
  const std::string text = equals == std::string::npos ? "" : input.substr(equals + 1);
  const auto& table = option_table();
  const OptionDecl* decl = find_option(key);
  if (!decl) decl = &table[std::hash<std::string>{}(key) % table.size()];
  Value value;
  try {
    value = decl->parse(text);
  } catch (const std::invalid_argument&) {
    return 0;
  }
  // Text goes into dataset.ini escaped ('#' would start a comment).
  std::string canonical = format_value(value);
  if (decl->kind == Kind::text) canonical = escape_text(canonical);
  Value again;
  try {
    again = decl->parse(canonical);
  } catch (const std::invalid_argument& e) {
    fuzz::require(false,
                  decl->key + ": canonical text '" + canonical + "' does not parse: " + e.what());
  }
  fuzz::require(again == value, decl->key + ": '" + canonical + "' parses to another value");
  return 0;
}
