#include "shapegen/verify.hpp"

#include <algorithm>
#include <filesystem>

#include "base/file_check.hpp"
#include "base/printable.hpp"
#include "check/checks.hpp"
#include "check/dataset_comparer.hpp"
#include "check/manifest_reader.hpp"
#include "dataset/feed.hpp"
#include "dataset/plan.hpp"
#include "dataset/shard_record.hpp"
#include "shapegen/config.hpp"
#include "shapegen/error.hpp"
#include "shapegen/shard.hpp"
#include "shapegen/versions.hpp"

namespace fs = std::filesystem;

namespace shapegen {

std::string VerifyReport::summary(const std::string& what) const {
  std::string s = what + ": " + std::to_string(checked) + " checked, " + std::to_string(passed) +
                  " passed, " + std::to_string(failed) + " failed";
  const std::uint64_t count = std::max<std::uint64_t>(problem_count, problems.size());
  if (count > failed) s += ", " + std::to_string(count) + " problems";
  s += "; worst pixel difference " + std::to_string(worst);
  if (worst > 0) s += " at " + worst_where;
  return s;
}

namespace {

// Thrown between batches to stop feeding rows the manifest has no lines for.
struct StopFeeding {
  std::uint64_t rows_fed;
};

// dataset.ini without a shard's record.
std::string read_recipe_text(const fs::path& ini) {
  return split_dataset_ini(read_preset_text(ini.string()), ini.string()).recipe;
}

}  // namespace

// Regenerates every row once, in parallel batches, and feeds it to the same
// sinks generate uses, with a comparer in place of the folder they write.
// The manifest is counted first: dataset.ini may claim 10^9 rows over a
// folder of six, and rows beyond the manifest's lines are not regenerated.
// A shard's dataset.ini records which rows it holds; its manifest's lines
// are those rows.
VerifyReport verify_dataset(const std::string& dir_text, const VerifyOptions& options) {
  const fs::path dir(dir_text);
  const fs::path ini = dir / "dataset.ini";
  if (nothing_at(ini))
    throw IoError(printable(dir_text, 200) + ": no dataset.ini, so not a shapegen dataset");
  std::vector<std::string> notes;
  Shard shard;
  const Config config = load_recipe(ini.string(), {}, &shard);
  for (const auto& [key, value] : parse_preset_text(read_recipe_text(ini), ini.string())) {
    const std::string running = running_version(key);
    if (!running.empty() && value != running)
      notes.push_back("dataset.ini records " + key + " = " + printable(value) + ", running " +
                      running + "; comparing anyway");
  }
  make_diff_dir(options.diff_dir);
  const DatasetPlan plan(config, shard, options.jobs);
  const std::uint64_t rows = plan.rows().size();
  const std::uint64_t lines = count_lines(dir / "manifest.jsonl", rows);
  DatasetComparer comparer(dir, plan, options);
  FeedOptions feed;
  feed.jobs = options.jobs;
  feed.between_batches = [&](std::uint64_t done, std::uint64_t total) {
    comparer.end_batch();
    if (options.progress) options.progress(done, total);
    if (done < total && options.cancel && options.cancel->load())
      throw IoError("verify " + printable(dir_text, 200) + ": interrupted after " +
                    std::to_string(done) + " of " + std::to_string(total) + " samples");
    if (done < total && done >= lines) throw StopFeeding{done};
  };
  std::uint64_t fed = rows;
  try {
    feed_rows(plan, comparer, feed);
  } catch (const StopFeeding& stop) {
    fed = stop.rows_fed;
    comparer.problem("manifest.jsonl: " + std::to_string(lines) + " lines, but dataset.ini makes " +
                         std::to_string(rows) + " rows; " +
                         (fed == 0 ? std::string("no row was")
                                   : "only the first " + std::to_string(fed) + " were") +
                         " regenerated",
                     std::nullopt);
  }
  VerifyReport report = comparer.finish(fed);
  report.notes = std::move(notes);
  return report;
}

}  // namespace shapegen
