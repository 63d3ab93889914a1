// shapegen merge: N shard folders -> the dataset one run writes. The
// shards are read and checked first (merge_shards.cpp); then, in a staging
// folder renamed into place at the end, the files of one row are linked
// (hard links where the file system allows, the same relative symbolic link
// where the shard has one, else copies) and the files spanning rows are
// joined (merge_join.cpp), each as its layout's row in the layout table says.
#include "shapegen/merge.hpp"

#include <filesystem>
#include <map>

#include "dataset/layouts/layout.hpp"
#include "dataset/plan.hpp"
#include "merge/merge_join.hpp"
#include "merge/merge_shards.hpp"
#include "shapegen/dataset.hpp"
#include "shapegen/error.hpp"
#include "shapegen/png.hpp"
#include "store/out_lock.hpp"
#include "store/staging.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

fs::path prepared(const fs::path& path) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw IoError(path.parent_path().string() + ": cannot create the folder (" + ec.message() +
                  ")");
  return path;
}

// A shard's file put in place as the shard has it: a link where it can be.
void place_row_file(const fs::path& from, const fs::path& at) {
  std::error_code ec;
  if (fs::is_symlink(from, ec)) {
    fs::create_symlink(fs::read_symlink(from, ec), at, ec);
    if (ec) throw IoError(at.string() + ": cannot create a symbolic link (" + ec.message() + ")");
    return;
  }
  fs::create_hard_link(from, at, ec);
  if (!ec) return;
  ec.clear();  // another file system, or none with hard links: copy
  fs::copy_file(from, at, ec);
  if (ec) throw IoError(at.string() + ": cannot be written (" + ec.message() + ")");
}

// The plan merge needs names, rows and the list of splits from, not which
// split each row is in (the shards' files say that): so no exact-split
// pre-pass over every base sample, which would cost as much as a shard's.
Config recipe_config(const ShardFolder& shard) {
  Config config = Config::defaults();
  config.set_all(parse_preset_text(shard.recipe, (shard.dir / "dataset.ini").string()),
                 (shard.dir / "dataset.ini").string());
  config.set(key_of(output_params(), &OutputSpec::split_mode), name_of(SplitMode::hash), "merge");
  config.check_consistency();
  return config;
}

}  // namespace

void merge_datasets(const MergeOptions& options) {
  const auto say = [&](const std::string& line) {
    if (options.progress) options.progress(line);
  };
  const OutLock lock(options.out_dir);  // held until the swap is done
  check_output_dir(options.out_dir, options.overwrite);
  const fs::path location = fs::absolute(options.out_dir).lexically_normal();
  const std::vector<ShardFolder> shards = read_shards(options.shards, location);
  const DatasetPlan plan(recipe_config(shards.front()));
  for (const ShardFolder& shard : shards) check_shard_is_whole(plan, shard);
  say("checked " + std::to_string(shards.size()) + " shards");

  Staging staging(options.out_dir);
  const fs::path& out = staging.dir();
  // Files spanning rows: their parts, in shard order.
  using layouts::Join;
  std::map<std::string, std::pair<Join, Paths>> parts;
  std::map<std::string, std::vector<std::size_t>> part_shards;  // which shard each part is from
  std::uint64_t linked = 0;
  for (std::size_t i = 0; i < shards.size(); ++i) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(shards[i].dir, ec), end; !ec && it != end;
         it.increment(ec)) {
      std::error_code type_ec;
      if (it->is_directory(type_ec)) continue;
      const std::string rel = it->path().lexically_relative(shards[i].dir).generic_string();
      // The checked shards hold nothing but the layouts' files and tool files,
      // which are left out (a tool makes them again from the merged dataset).
      const auto match = layouts::match_file(plan, rel);
      if (!match || !match->file) continue;
      const Join join = match->file->join;
      if (join == Join::row) {
        place_row_file(it->path(), prepared(out / rel));
        ++linked;
      } else if (join != Join::recipe) {
        auto& [j, paths] = parts[rel];
        j = join;
        paths.push_back(it->path());
        part_shards[rel].push_back(i);
      }
    }
    if (ec)
      throw IoError(shards[i].dir.string() + ": cannot list the shard's files (" + ec.message() +
                    ")");
  }
  say("linked " + std::to_string(linked) + " files of single rows");

  // Each file spanning rows joined as its layout declares.
  for (const auto& [rel, join_paths] : parts) {
    const auto& [join, paths] = join_paths;
    const fs::path to = prepared(out / rel);
    switch (join) {
      case Join::lines:
        join_lines(paths, to);
        break;
      case Join::table:
        join_table(paths, to);
        break;
      case Join::location:
        write_location(paths.front(), to, location);
        break;
      case Join::same:
        place_row_file(paths.front(), to);
        break;
      case Join::coco:
        join_coco(paths, to);
        break;
      case Join::npy:
        join_npy(paths, to);
        break;
      case Join::tar: {
        if (paths.size() == 1) {  // the whole tar lies in one shard: it is that file
          place_row_file(paths.front(), to);
          break;
        }
        const auto& from = part_shards[rel];
        join_tar(paths, to, [&](std::size_t part, const std::string& name) {
          const auto row = plan.row_of_stem(name.substr(0, name.find('.')));
          return row && plan.rows_of(shards[from[part]].shard).contains(*row);
        });
        break;
      }
      case Join::row:
      case Join::recipe:
        break;  // linked above; written below
    }
  }
  write_file_atomic((out / "dataset.ini").string(), shards.front().recipe);
  say("joined " + std::to_string(parts.size()) + " files spanning rows");
  staging.commit();
}

}  // namespace shapegen
