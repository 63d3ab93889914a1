#include "shapegen/dataset.hpp"

#include <algorithm>
#include <filesystem>

#include "dataset/feed.hpp"
#include "dataset/folder_output.hpp"
#include "dataset/plan.hpp"
#include "dataset/staging.hpp"
#include "shapegen/error.hpp"

namespace fs = std::filesystem;

namespace shapegen {

void check_output_dir(const std::string& out_dir, bool overwrite) {
  std::error_code ec;
  const fs::path out(out_dir);
  if (!fs::exists(out, ec)) return;
  if (!fs::is_directory(out, ec))
    throw IoError("--out '" + out_dir + "': exists and is not a folder");
  if (fs::is_empty(out, ec)) return;
  if (!overwrite)
    throw IoError("--out '" + out_dir + "': folder is not empty; pass --overwrite to replace it");
  if (!fs::exists(out / "dataset.ini", ec))
    throw IoError("--out '" + out_dir +
                  "': refusing to replace a folder that is not a shapegen dataset (no "
                  "dataset.ini); choose an empty or new folder");
}

void generate_dataset(const Config& config, const GenerateOptions& options) {
  check_output_dir(options.out_dir, options.overwrite);
  const DatasetPlan plan(config, options.shard, std::max(1, options.jobs));
  Staging staging(options.out_dir);
  FolderOutput out(staging.dir(), fs::absolute(options.out_dir).lexically_normal(), plan.output());
  FeedOptions feed;
  feed.jobs = std::max(1, options.jobs);
  feed.between_batches = [&](std::uint64_t done, std::uint64_t total) {
    if (done > 0 && options.progress) options.progress(done, total);
    if (done < total && options.cancel && options.cancel->load())
      throw IoError("interrupted after " + std::to_string(done) + " of " + std::to_string(total) +
                    " samples; nothing was written to --out '" + options.out_dir + "'");
  };
  feed_rows(plan, out, feed);
  staging.commit();
}

}  // namespace shapegen
