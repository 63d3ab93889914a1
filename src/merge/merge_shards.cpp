#include "merge/merge_shards.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "base/file_check.hpp"
#include "dataset/layouts/layout.hpp"
#include "shapegen/config.hpp"
#include "shapegen/error.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

std::string named(const std::string& name) { return "'" + name + "'"; }

std::string of(const Shard& s) {
  return s.whole() ? std::string("a whole dataset")
                   : "shard " + std::to_string(s.index) + " of " + std::to_string(s.count);
}

// "dataset.seed = 2" for the first line where two recipes differ.
std::string first_difference(const std::string& a, const std::string& b, std::string& in_b) {
  std::istringstream ia(a), ib(b);
  std::string la, lb, section;
  while (true) {
    const bool more_a = bool(std::getline(ia, la)), more_b = bool(std::getline(ib, lb));
    if (!more_a && !more_b) return "";
    if (!more_a) la.clear();
    if (!more_b) lb.clear();
    if (la != lb) {
      const auto key_value = [&](const std::string& line) {
        const std::size_t eq = line.find(" =");
        if (line.empty() || line[0] == '#' || line[0] == '[' || eq == std::string::npos)
          return "'" + line + "'";
        return section + "." + line;
      };
      in_b = key_value(lb);
      return key_value(la);
    }
    if (!la.empty() && la[0] == '[') section = la.substr(1, la.size() - 2);
  }
}

ShardFolder read_one(const std::string& name) {
  ShardFolder f;
  f.name = name;
  f.dir = fs::path(name).lexically_normal();
  if (!f.dir.has_filename() && f.dir.has_parent_path()) f.dir = f.dir.parent_path();
  std::error_code ec;
  if (!fs::is_directory(f.dir, ec)) throw IoError("merge: " + named(name) + ": no such folder");
  const fs::path ini = f.dir / "dataset.ini";
  if (nothing_at(ini))
    throw IoError("merge: " + named(name) +
                  ": not a shapegen dataset (no dataset.ini); give the folders that "
                  "'shapegen generate --shard I/N' wrote");
  // Checked first: a FIFO would block the read, /dev/zero never end it.
  const std::vector<std::uint8_t> bytes =
      read_regular_file(ini, "merge: " + named(name) + ": dataset.ini", kMaxPresetBytes);
  const DatasetIni parts = split_dataset_ini(std::string(bytes.begin(), bytes.end()), ini.string());
  f.recipe = parts.recipe;
  if (parts.record) {
    f.shard = parts.record->shard;
    f.recorded = parts.record->census;
  }
  return f;
}

}  // namespace

std::vector<ShardFolder> read_shards(const std::vector<std::string>& dirs, const fs::path& out) {
  if (dirs.empty()) throw ConfigError("shapegen merge: give the shard folders to join");
  std::vector<ShardFolder> shards;
  for (const std::string& dir : dirs) shards.push_back(read_one(dir));
  std::error_code ec;
  for (const ShardFolder& s : shards)
    if (fs::exists(out, ec) && fs::equivalent(out, s.dir, ec))
      throw ConfigError("merge: --out '" + out.string() + "' is the shard " + named(s.name) +
                        "; write the merged dataset to a new folder");

  const ShardFolder& first = shards.front();
  for (const ShardFolder& s : shards) {
    std::string theirs;
    const std::string ours = first_difference(first.recipe, s.recipe, theirs);
    if (!ours.empty())
      throw ConfigError("merge: " + named(s.name) + " and " + named(first.name) +
                        " are shards of different recipes (" + theirs + " in " + named(s.name) +
                        ", " + ours + " in " + named(first.name) +
                        "); all shards must come from one preset, seed and count");
    if (s.shard.count != first.shard.count)
      throw ConfigError("merge: " + named(s.name) + " is " + of(s.shard) + " but " +
                        named(first.name) + " is " + of(first.shard) +
                        "; give the shards of one 'generate --shard I/N' run with one N");
  }
  std::sort(shards.begin(), shards.end(), [](const ShardFolder& a, const ShardFolder& b) {
    return a.shard.index < b.shard.index;
  });
  for (std::size_t i = 1; i < shards.size(); ++i)
    if (shards[i].shard.index == shards[i - 1].shard.index)
      throw ConfigError("merge: " + named(shards[i - 1].name) + " and " + named(shards[i].name) +
                        " are both " + of(shards[i].shard) +
                        " (overlapping shards); give each shard once");
  const std::uint64_t count = first.shard.count;
  if (shards.size() != count) {
    std::string missing;
    int listed = 0;
    for (std::uint64_t i = 0, k = 0; i < count && listed < 10; ++i) {
      if (k < shards.size() && shards[k].shard.index == i) {
        ++k;
        continue;
      }
      missing += (listed++ ? ", " : "") + std::to_string(i);
    }
    const std::uint64_t absent = count - shards.size();
    throw ConfigError("merge: " + std::to_string(absent) + " of " + std::to_string(count) +
                      " shards missing (shard " + missing + (absent > 10 ? ", ..." : "") +
                      "); give all " + std::to_string(count) + " shard folders");
  }
  return shards;
}

namespace {

[[noreturn]] void damaged(const ShardFolder& s, const std::string& why) {
  throw IoError("merge: " + named(s.name) + " (" + of(s.shard) + ") is damaged: " + why +
                "; 'shapegen verify " + s.name + "' tells more");
}

// Lines of a file checked as RegularFile checks it (IoError with the problem).
std::uint64_t count_lines(const fs::path& path, const std::string& name, std::uint64_t max_bytes) {
  RegularFile in(path, name, max_bytes);
  std::uint64_t lines = 0;
  char buffer[1 << 16];
  for (std::streamsize n; (n = in.sgetn(buffer, sizeof buffer)) > 0;)
    lines += std::uint64_t(std::count(buffer, buffer + n, '\n'));
  return lines;
}

}  // namespace

void check_shard_is_whole(const DatasetPlan& plan, const ShardFolder& s) {
  const RowRange range = plan.rows_of(s.shard);

  FileCensus found;
  std::uint64_t images = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(s.dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    const std::string rel = it->path().lexically_relative(s.dir).generic_string();
    // Which layout's file it is, by the layout table.
    const auto match = layouts::match_file(plan, rel);
    // A tool's file beside a layout (a label cache): no part of the shard.
    if (match && !match->file) continue;
    const layouts::Join join = match ? match->file->join : layouts::Join::row;
    if (it->is_directory(type_ec)) {
      // A folder where a file spanning rows belongs: merge would read it.
      if (match && join != layouts::Join::row) damaged(s, rel + ": is a folder, not a file");
      continue;
    }
    // A FIFO, a device, a socket or a link to one or to nothing: merge
    // neither reads nor links it.
    if (!it->is_regular_file(type_ec)) {
      const std::string problem = file_problem(it->path(), rel, UINT64_MAX);
      damaged(s, problem == rel + ": missing" ? rel + ": a broken link" : problem);
    }
    if (!match) damaged(s, "it holds " + rel + ", which is no file of this dataset");
    if (match->row && !range.contains(*match->row))
      damaged(s, "it holds " + rel + " of row " + std::to_string(*match->row) +
                     ", outside its rows " + std::to_string(range.first) + ".." +
                     std::to_string(range.end) + " (the last one excluded)");
    if (match->row && rel == plan.row(*match->row).file) ++images;
    // Files naming the folder, and the recipe with the record, are not in the census.
    if (join == layouts::Join::recipe || join == layouts::Join::location) continue;
    ++found.files;
    found.bytes += it->file_size(type_ec);
  }
  if (ec) throw IoError(s.dir.string() + ": cannot list the shard's files (" + ec.message() + ")");

  const fs::path manifest = s.dir / "manifest.jsonl";
  if (nothing_at(manifest)) damaged(s, "manifest.jsonl is missing");
  std::uint64_t lines = 0;
  try {
    // No larger than all the bytes the shard records: a sparse manifest of
    // a terabyte is refused, not read for minutes.
    lines = count_lines(manifest, "manifest.jsonl", s.recorded ? s.recorded->bytes : UINT64_MAX);
  } catch (const IoError& e) {
    damaged(s, e.what());
  }
  if (lines != range.size())
    damaged(s, "manifest.jsonl has " + std::to_string(lines) + " lines for its " +
                   std::to_string(range.size()) + " rows");
  if (images != range.size())
    for (std::uint64_t r = range.first; r < range.end; ++r)
      if (!fs::is_regular_file(s.dir / plan.row(r).file, ec)) {
        const std::string& file = plan.row(r).file;
        if (nothing_at(s.dir / file)) damaged(s, file + " is missing");
        const std::string problem = file_problem(s.dir / file, file, UINT64_MAX);
        damaged(s, problem == file + ": missing" ? file + ": a broken link" : problem);
      }
  if (s.recorded && found != *s.recorded)
    damaged(s, "it holds " + std::to_string(found.files) + " files of " +
                   std::to_string(found.bytes) + " bytes, its dataset.ini records " +
                   std::to_string(s.recorded->files) + " files of " +
                   std::to_string(s.recorded->bytes) +
                   " bytes (a file missing, truncated or added)");
}

}  // namespace shapegen
