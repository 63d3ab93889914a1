#include "shapegen/config.hpp"

#include <boost/program_options.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

#include "shapegen/catalog.hpp"
#include "shapegen/error.hpp"
#include "shapegen/versions.hpp"

namespace po = boost::program_options;

namespace shapegen {

static std::string unknown_key_message(const Catalog& catalog, const std::string& origin,
                                       const std::string& key) {
  std::string msg = origin + ": unknown key '" + key + "'";
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
    throw ConfigError(origin + ": key '" + key + "': value '" + trim(text) + "' is invalid (" +
                      e.what() + "); allowed: " + decl->allowed());
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
double Config::real(const std::string& key) const { return std::get<double>(at(key)); }
Range Config::range(const std::string& key) const { return std::get<Range>(at(key)); }
const Weights& Config::weights(const std::string& key) const { return std::get<Weights>(at(key)); }
ColorRange Config::color(const std::string& key) const { return std::get<ColorRange>(at(key)); }
bool Config::flag(const std::string& key) const { return std::get<bool>(at(key)); }
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
    const std::string value =
        decl.recorded ? running_version(decl.key) : format_value(at(decl.key));
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

Assignments parse_preset_text(const Catalog& catalog, const std::string& text,
                              const std::string& origin) {
  std::istringstream in(text);
  const po::options_description keys = preset_keys(catalog);
  po::parsed_options parsed(nullptr);
  try {
    parsed = po::parse_config_file(in, keys, /*allow_unregistered=*/true);
  } catch (const po::error& e) {
    throw ConfigError(origin + ": " + e.what());
  }
  Assignments out;
  std::set<std::string> seen;
  for (const auto& opt : parsed.options) {
    if (opt.unregistered) throw ConfigError(unknown_key_message(catalog, origin, opt.string_key));
    if (!seen.insert(opt.string_key).second)
      throw ConfigError(origin + ": key '" + opt.string_key + "' is given twice");
    out.emplace_back(opt.string_key, opt.value.empty() ? "" : opt.value.front());
  }
  return out;
}

Assignments read_preset_file(const Catalog& catalog, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw ConfigError("preset '" + path + "': cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_preset_text(catalog, text.str(), path);
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
