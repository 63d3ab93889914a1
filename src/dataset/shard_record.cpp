#include "dataset/shard_record.hpp"

#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include "shapegen/error.hpp"

namespace shapegen {

namespace {

const char* const kHeader = "\n[shard]\n";

}  // namespace

std::string shard_record_text(const ShardRecord& r) {
  const std::string of = std::to_string(r.shard.index) + " of " + std::to_string(r.shard.count);
  std::ostringstream out;
  out << kHeader << "# This folder is shard " << of
      << " of the dataset above (shapegen generate --shard " << r.shard.index << "/"
      << r.shard.count << "): rows " << r.rows.first << " to " << r.rows.end
      << " (the last one excluded).\n"
      << "# 'shapegen merge --out DIR SHARD_DIR...' joins all " << r.shard.count
      << " into the dataset one run writes; files and bytes (all but dataset.ini and data.yaml) "
         "let it check that this shard is whole.\n"
      << "index = " << r.shard.index << "\ncount = " << r.shard.count
      << "\nfirst_row = " << r.rows.first << "\nrows = " << r.rows.size()
      << "\nfiles = " << r.census.files << "\nbytes = " << r.census.bytes << "\n";
  return out.str();
}

DatasetIni split_dataset_ini(const std::string& text, const std::string& origin) {
  DatasetIni ini;
  const std::size_t at = text.find(kHeader);
  if (at == std::string::npos) {
    ini.recipe = text;
    return ini;
  }
  ini.recipe = text.substr(0, at);
  std::map<std::string, std::uint64_t> values;
  std::istringstream in(text.substr(at + std::string(kHeader).size()));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t eq = line.find(" = ");
    std::uint64_t v = 0;
    const std::string key = line.substr(0, eq),
                      value = eq == std::string::npos ? "" : line.substr(eq + 3);
    const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (eq == std::string::npos || ec != std::errc() || p != value.data() + value.size())
      throw ConfigError(origin + ": [shard] line '" + line + "' is not 'key = whole number'");
    values[key] = v;
  }
  for (const char* key : {"index", "count", "first_row", "rows", "files", "bytes"})
    if (!values.count(key)) throw ConfigError(origin + ": [shard] lacks '" + key + "'");
  if (values.size() != 6) throw ConfigError(origin + ": [shard] has unknown keys");
  ShardRecord r;
  r.shard = {values["index"], values["count"]};
  r.rows = {values["first_row"], values["first_row"] + values["rows"]};
  r.census = {values["files"], values["bytes"]};
  if (r.shard.count < 2 || r.shard.index >= r.shard.count)
    throw ConfigError(origin + ": [shard] index " + std::to_string(r.shard.index) + " of " +
                      std::to_string(r.shard.count) + " is no shard");
  ini.record = r;
  return ini;
}

Config load_recipe(const std::string& path, const Assignments& overrides, Shard* recorded) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError("preset '" + path + "': cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  const DatasetIni ini = split_dataset_ini(text.str(), path);
  Config config = Config::defaults();
  config.set_all(parse_preset_text(ini.recipe, path), path);
  config.set_all(overrides, "command line");
  config.check_consistency();
  if (recorded) *recorded = ini.record ? ini.record->shard : Shard{};
  return config;
}

}  // namespace shapegen
