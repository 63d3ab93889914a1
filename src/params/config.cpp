#include "shapegen/config.hpp"

#include <boost/program_options.hpp>
#include <set>
#include <sstream>
#include <stdexcept>

#include "base/file_check.hpp"
#include "base/printable.hpp"
#include "shapegen/catalog.hpp"
#include "shapegen/error.hpp"
#include "shapegen/versions.hpp"

namespace po = boost::program_options;

namespace shapegen {

static std::string unknown_key_message(const Catalog& catalog, const std::string& origin,
                                       const std::string& key) {
  std::string msg = origin + ": unknown key '" + printable(key) + "'";
  const std::string hint = catalog.nearest_key(key);
  if (!hint.empty()) msg += " (did you mean '" + hint + "'?)";
  return msg + "; `shapegen describe` lists every key";
}

Config::Config(const Catalog& catalog) : catalog_(&catalog) {
  for (const auto& decl : catalog.options()) values_[decl.key] = decl.parse(decl.default_text);
}

void Config::set(const std::string& key, const std::string& text, const std::string& origin) {
  const OptionDecl* decl = catalog_->find(key);
  if (!decl) throw ConfigError(unknown_key_message(*catalog_, origin, key));
  if (decl->recorded) return;  // written for the record; the running version wins
  try {
    values_[key] = decl->parse(text);
  } catch (const std::invalid_argument& e) {
    throw ConfigError(origin + ": key '" + key + "': value '" + printable(trim(text)) +
                      "' is invalid (" + e.what() + "); allowed: " + decl->allowed());
  }
}

void Config::set_all(const Assignments& assignments, const std::string& origin) {
  for (const auto& [key, text] : assignments) set(key, text, origin);
}

void Config::check_consistency() const { catalog_->check(*this); }

const Value& Config::at(const std::string& key) const {
  const auto it = values_.find(key);
  if (it == values_.end()) throw std::logic_error("undeclared config key " + key);
  return it->second;
}

std::int64_t Config::integer(const std::string& key) const {
  return std::get<std::int64_t>(at(key));
}
Range Config::range(const std::string& key) const { return std::get<Range>(at(key)); }
const Weights& Config::weights(const std::string& key) const { return std::get<Weights>(at(key)); }
ColorRange Config::color(const std::string& key) const { return std::get<ColorRange>(at(key)); }
const std::string& Config::choice(const std::string& key) const {
  return std::get<Choice>(at(key)).value;
}
const std::string& Config::text(const std::string& key) const {
  return std::get<std::string>(at(key));
}

std::string Config::to_ini() const {
  std::ostringstream out;
  out << "# Resolved shapegen preset: every key, with its documentation.\n"
         "# `shapegen generate --preset THIS_FILE` reproduces the dataset byte for byte.\n";
  std::string section;
  for (const auto& decl : catalog_->options()) {
    if (decl.optional && at(decl.key) == decl.parse(decl.default_text)) continue;
    const auto dot = decl.key.find('.');
    const std::string sec = decl.key.substr(0, dot);
    if (sec != section) {
      out << "\n[" << sec << "]\n";
      section = sec;
    }
    std::string value = decl.recorded ? running_version(decl.key) : format_value(at(decl.key));
    if (decl.kind == Kind::text) value = escape_text(value);  // a '#' would start a comment
    out << "# " << decl.doc << " Allowed: " << decl.allowed() << ".\n"
        << decl.key.substr(dot + 1) << (value.empty() ? " =" : " = " + value) << "\n";
  }
  return out.str();
}

// Every declared key as a string-valued option, so Boost.Program_options
// reports which keys it does not know.
static po::options_description preset_keys(const Catalog& catalog) {
  po::options_description desc;
  for (const auto& decl : catalog.options())
    desc.add_options()(decl.key.c_str(), po::value<std::string>());
  return desc;
}

// Checks each line as Boost's parser will read it, so that Boost never
// reports one itself: its message for a line holding "%invalid_line%"
// substitutes the line into itself forever, and a "[]" line makes it read
// before the start of an empty string.
static void check_lines(const std::string& text, const std::string& origin) {
  std::istringstream in(text);
  std::size_t number = 0;
  for (std::string raw; std::getline(in, raw);) {
    ++number;
    const std::string line = trim(raw.substr(0, raw.find('#')));
    if (line.empty() || line.find('=') != std::string::npos) continue;
    if (line.size() > 2 && line.front() == '[' && line.back() == ']') continue;
    throw ConfigError(origin + ": line " + std::to_string(number) + ": '" + printable(line) +
                      "' is neither a [section] nor key = value");
  }
}

Assignments parse_preset_text(const Catalog& catalog, const std::string& text,
                              const std::string& origin) {
  // Editors on some systems start UTF-8 files with a byte order mark.
  const bool bom = text.rfind("\xEF\xBB\xBF", 0) == 0;
  const std::string body = bom ? text.substr(3) : text;
  check_lines(body, origin);
  std::istringstream in(body);
  const po::options_description keys = preset_keys(catalog);
  po::parsed_options parsed(nullptr);
  try {
    parsed = po::parse_config_file(in, keys, /*allow_unregistered=*/true);
  } catch (const po::error&) {
    // Not reached after check_lines; what() could loop (see there).
    throw ConfigError(origin + ": not an INI file of [section] and key = value lines");
  }
  Assignments out;
  std::set<std::string> seen;
  for (const auto& opt : parsed.options) {
    if (opt.unregistered) throw ConfigError(unknown_key_message(catalog, origin, opt.string_key));
    if (!seen.insert(opt.string_key).second)
      throw ConfigError(origin + ": key '" + printable(opt.string_key) + "' is given twice");
    out.emplace_back(opt.string_key, opt.value.empty() ? "" : opt.value.front());
  }
  return out;
}

std::string read_preset_text(const std::string& path) {
  const std::string name = "preset '" + printable(path, 200) + "'";
  if (nothing_at(path)) throw ConfigError(name + ": cannot be read (no such file)");
  std::vector<std::uint8_t> bytes;
  try {
    bytes = read_regular_file(path, name, kMaxPresetBytes);
  } catch (const IoError& e) {
    throw ConfigError(e.what());
  }
  return std::string(bytes.begin(), bytes.end());
}

Assignments read_preset_file(const Catalog& catalog, const std::string& path) {
  return parse_preset_text(catalog, read_preset_text(path), path);
}

Config load_config(const Catalog& catalog, const std::string& preset_path,
                   const Assignments& overrides) {
  Config config(catalog);
  if (!preset_path.empty()) config.set_all(read_preset_file(catalog, preset_path), preset_path);
  config.set_all(overrides, "command line");
  config.check_consistency();
  return config;
}

}  // namespace shapegen
