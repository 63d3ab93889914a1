#pragma once
// layer: params
// The fully resolved preset: every declared key with a typed, validated value.
// Built from defaults, then a preset file, then command-line overrides; after
// loading, nothing downstream can fail on configuration. A Config works over
// a Catalog (its keys and rules); the functions without one use the preset
// catalog.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "shapegen/value.hpp"

namespace shapegen {

class Catalog;

// (key, text) pairs in the order given, e.g. from a file or the command line.
using Assignments = std::vector<std::pair<std::string, std::string>>;

class Config {
 public:
  // Every key of the preset catalog at its declared default.
  static Config defaults();
  // Every key of `catalog` at its declared default.
  explicit Config(const Catalog& catalog);

  // Parses `text` for `key` and stores it. `origin` names where it came from
  // (a file path or "command line") for the error message.
  void set(const std::string& key, const std::string& text, const std::string& origin);
  void set_all(const Assignments& assignments, const std::string& origin);
  // Checks the catalog's rules that span several keys; throws ConfigError.
  void check_consistency() const;
  const Catalog& catalog() const { return *catalog_; }

  const Value& at(const std::string& key) const;
  // Typed getters by key; code that knows its keys binds them to fields
  // (src/params/bind.hpp) instead, and these serve what iterates the catalog.
  std::int64_t integer(const std::string& key) const;
  Range range(const std::string& key) const;
  const Weights& weights(const std::string& key) const;
  ColorRange color(const std::string& key) const;
  const std::string& choice(const std::string& key) const;
  const std::string& text(const std::string& key) const;

  // The resolved preset as commented INI, every key, in declaration order.
  // Loading it back gives an equal Config.
  std::string to_ini() const;

  bool operator==(const Config&) const = default;

 private:
  const Catalog* catalog_;
  std::map<std::string, Value> values_;
};

// The largest preset file read; a resolved dataset.ini is about 30 KB.
inline constexpr std::uint64_t kMaxPresetBytes = std::uint64_t(1) << 20;

// Reads a preset INI file (Boost.Program_options config syntax) into
// assignments; unknown keys, duplicates and unreadable files (a folder, a
// FIFO, a device, over kMaxPresetBytes) throw ConfigError. A UTF-8 byte
// order mark at the start is skipped.
Assignments read_preset_file(const std::string& path);
// The text of a preset file, after the same checks (ConfigError naming it).
std::string read_preset_text(const std::string& path);
Assignments parse_preset_text(const std::string& text, const std::string& origin);
Assignments read_preset_file(const Catalog& catalog, const std::string& path);
Assignments parse_preset_text(const Catalog& catalog, const std::string& text,
                              const std::string& origin);

// defaults <- preset file <- overrides, then the consistency check.
Config load_config(const std::string& preset_path, const Assignments& overrides);
Config load_config(const Catalog& catalog, const std::string& preset_path,
                   const Assignments& overrides);

}  // namespace shapegen
