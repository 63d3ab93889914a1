#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>

#include "dataset/feed.hpp"
#include "dataset/layouts/layout.hpp"
#include "dataset/plan.hpp"
#include "shapegen/dataset.hpp"
#include "shapegen/error.hpp"
#include "store/checkpoint.hpp"
#include "store/estimate.hpp"
#include "store/folder_output.hpp"
#include "store/leftovers.hpp"
#include "store/out_lock.hpp"
#include "store/owned_files.hpp"
#include "store/staging.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

std::string shard_text(const Shard& shard) {
  return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Refuses to continue a run of another recipe, naming the keys that differ.
void check_same_recipe(const InterruptedRun& run, const DatasetPlan& plan) {
  if (run.shard != shard_text(plan.shard()))
    throw ConfigError("--resume: the interrupted run " + run.describe() + " makes shard " +
                      run.shard + ", this one " + shard_text(plan.shard()) +
                      "; rerun with its options, or discard it with --overwrite");
  const std::string recorded_text = read_all(run.dir / kRecipeFile);
  if (recorded_text == plan.recipe()) return;
  Assignments recorded, wanted;
  try {
    recorded = parse_preset_text(recorded_text, (run.dir / kRecipeFile).string());
    wanted = parse_preset_text(plan.recipe(), "this run");
  } catch (const Error&) {
  }
  std::map<std::string, std::string> a(recorded.begin(), recorded.end()),
      b(wanted.begin(), wanted.end());
  std::vector<std::string> keys;
  for (const auto& [k, v] : a)
    if (!b.count(k) || b[k] != v) keys.push_back(k);
  for (const auto& [k, v] : b)
    if (!a.count(k)) keys.push_back(k);
  std::string named;
  for (std::size_t i = 0; i < keys.size() && i < 5; ++i) {
    const std::string& k = keys[i];
    named += (i ? ", " : "") + k + " = " + (a.count(k) ? a[k] : "(unset)") + " there, " +
             (b.count(k) ? b[k] : "(unset)") + " here";
  }
  if (keys.size() > 5) named += " and " + std::to_string(keys.size() - 5) + " more";
  if (named.empty()) named = "its recipe text differs";
  throw ConfigError("--resume: the interrupted run " + run.describe() + " has another recipe: " +
                    named + "; rerun with its options, or discard it with --overwrite");
}

// Whether `rest` is "<digits>" or "<digits>-<digits>".
bool is_tmp_suffix(std::string_view rest) {
  const auto digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  const auto dash = rest.find('-');
  if (dash == std::string_view::npos) return digits(rest);
  return digits(rest.substr(0, dash)) && digits(rest.substr(dash + 1));
}

// Temporary files of atomic writes a killed process left (".tmp<pid>-<n>",
// write_file_atomic's names; ".tmp<pid>" of earlier versions).
void remove_partial_writes(const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::path> doomed;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const auto at = name.rfind(".tmp");
    if (at != std::string::npos && is_tmp_suffix(std::string_view(name).substr(at + 4)))
      doomed.push_back(it->path());
  }
  for (const fs::path& p : doomed) fs::remove(p, ec);
}

// The interrupted run to continue, or the refusal that names it.
std::optional<InterruptedRun> take_interrupted(Leftovers left, const GenerateOptions& options) {
  if (left.runs.empty()) return std::nullopt;
  if (options.resume)  // the one that got furthest
    return *std::max_element(left.runs.begin(), left.runs.end(), [](const auto& a, const auto& b) {
      return a.rows_done < b.rows_done;
    });
  if (!options.overwrite)
    throw IoError("--out '" + options.out_dir + "': found an interrupted run in " +
                  left.runs.front().describe() +
                  "; rerun with --resume to continue it, or with --overwrite to discard it");
  std::error_code ec;
  for (const InterruptedRun& run : left.runs) {
    fs::remove_all(run.dir, ec);
    if (options.note) options.note("discarded the interrupted run " + run.describe());
  }
  return std::nullopt;
}

// Large runs: the estimate as a note, and a refusal when it cannot fit.
void check_size(const DatasetPlan& plan, const GenerateOptions& options, std::uint64_t done) {
  const int jobs = std::max(1, options.jobs);
  const auto estimate =
      estimate_run(plan, plan.rows().size() - std::min(done, plan.rows().size()), jobs);
  if (!estimate) return;
  const auto free = free_bytes(options.out_dir);
  if (options.space_check && free && estimate->bytes() > double(*free))
    throw IoError("--out '" + options.out_dir + "': " + std::to_string(estimate->rows) +
                  " rows need " + describe(*estimate, jobs) + ", but only " +
                  format_size(double(*free)) +
                  " are free there; make fewer rows or pass --no-space-check to try anyway");
  if (options.note) options.note("estimate: " + describe(*estimate, jobs));
}

}  // namespace

void check_output_dir(const std::string& out_dir, bool overwrite) {
  if (out_dir.empty()) throw IoError("--out: value '' is invalid; allowed: a folder path");
  std::error_code ec;
  const fs::path out(out_dir);
  if (!fs::exists(out, ec)) {
    // Not "absent" but unusable, e.g. a symbolic link loop.
    if (ec) throw IoError("--out '" + out_dir + "': cannot be used (" + ec.message() + ")");
    return;
  }
  if (!fs::is_directory(out, ec))
    throw IoError("--out '" + out_dir + "': exists and is not a folder");
  if (fs::is_empty(out, ec)) return;
  if (!overwrite)
    throw IoError("--out '" + out_dir + "': folder is not empty; pass --overwrite to replace it");
  if (!fs::exists(out / "dataset.ini", ec))
    throw IoError("--out '" + out_dir +
                  "': refusing to replace a folder that is not a shapegen dataset (no "
                  "dataset.ini); choose an empty or new folder");
  const ForeignFiles foreign = foreign_files(out);
  if (foreign.count == 0) return;
  std::string names;
  for (const std::string& name : foreign.first) names += (names.empty() ? "" : ", ") + name;
  if (foreign.count > foreign.first.size())
    names += " and " + std::to_string(foreign.count - foreign.first.size()) + " more";
  throw IoError("--out '" + out_dir + "': refusing to replace it: it holds " +
                std::to_string(foreign.count) + " file" + (foreign.count == 1 ? "" : "s") +
                " that are not the dataset's (" + names + "); move them away first");
}

void generate_dataset(const Config& config, const GenerateOptions& options) {
  // One writer per --out, from before anything is read or deleted until the
  // swap is done.
  const OutLock lock(options.out_dir);
  // Leftovers first: a dataset restored from a cut-short swap is checked
  // like any other.
  Leftovers left = tidy_leftovers(options.out_dir);
  if (options.note)
    for (const std::string& line : left.notes) options.note(line);
  check_output_dir(options.out_dir, options.overwrite);
  const DatasetPlan plan(config, options.shard, std::max(1, options.jobs));
  const std::optional<InterruptedRun> interrupted = take_interrupted(std::move(left), options);
  if (interrupted) check_same_recipe(*interrupted, plan);
  check_size(plan, options, interrupted ? interrupted->rows_done : 0);

  std::optional<Staging> staging;
  std::optional<Checkpoint> checkpoint;
  if (interrupted) {
    staging.emplace(options.out_dir, interrupted->dir);
    checkpoint = read_checkpoint(staging->dir());
    if (!checkpoint) {  // killed before its first checkpoint: start it again
      std::error_code ec;
      for (const auto& e : fs::directory_iterator(staging->dir(), ec)) {
        const std::string name = e.path().filename().string();
        if (name != kRunFile && name != kRecipeFile) fs::remove_all(e.path(), ec);
      }
      fs::create_directory(staging->dir() / "images", ec);
    }
    remove_partial_writes(staging->dir());
    if (options.note) options.note("resuming the interrupted run " + interrupted->describe());
  } else {
    staging.emplace(options.out_dir,
                    std::vector<std::pair<std::string, std::string>>{
                        {kRunFile, run_record_text(plan.rows().size(), shard_text(plan.shard()))},
                        {kRecipeFile, plan.recipe()}});
  }

  FolderOutput out(staging->dir(), fs::absolute(options.out_dir).lexically_normal(), plan,
                   checkpoint ? &*checkpoint : nullptr);
  FeedOptions feed;
  feed.jobs = std::max(1, options.jobs);
  if (checkpoint) {
    feed.start = checkpoint->rows_done;
    feed.sink_states = checkpoint->sinks;
  }
  feed.begin_rows = [&] { out.begin_rows(); };
  bool cancelled = false;
  std::uint64_t saved_rows = feed.start;
  auto last = std::chrono::steady_clock::now();
  // About once a second, and at once when Ctrl-C stops a --resume run.
  feed.checkpoint_due = [&] {
    const bool stopping = options.resume && options.cancel && options.cancel->load();
    const auto since = std::chrono::steady_clock::now() - last;
    return stopping || std::chrono::duration<double>(since).count() >= options.checkpoint_seconds;
  };
  feed.checkpoint = [&](std::uint64_t done,
                        const std::function<std::vector<std::string>()>& states) {
    write_checkpoint(staging->dir(), {done, out.census(), out.flush_open(), states()});
    saved_rows = done;
    last = std::chrono::steady_clock::now();
  };
  feed.between_batches = [&](std::uint64_t done, std::uint64_t total) {
    if (options.progress) options.progress(done, total, out.census().bytes);
    if (done < total && options.cancel && options.cancel->load()) {
      cancelled = true;
      std::string what = "interrupted after " + std::to_string(done) + " of " +
                         std::to_string(total) + " samples; ";
      if (options.resume) {
        staging->keep();
        what += "the run is kept in " + staging->dir().string() +
                ": rerun with --resume to continue it (or --overwrite to discard it)";
      } else {
        what += "nothing was written to --out '" + options.out_dir + "'";
      }
      throw IoError(what);
    }
  };
  try {
    feed_rows(plan, out, feed);
  } catch (const IoError& e) {
    // A full or failing disk: keep what a checkpoint vouches for.
    if (cancelled || saved_rows == 0) throw;
    staging->keep();
    throw IoError(std::string(e.what()) + "; the " + std::to_string(saved_rows) + " of " +
                  std::to_string(plan.rows().size()) + " rows done are kept in " +
                  staging->dir().string() +
                  ": fix the cause and rerun with --resume (or --overwrite to discard them)");
  }
  staging->commit();
  if (options.warning && plan.shard().whole())
    for (const layouts::LayoutDecl* d : plan.layouts())
      if (d->warnings)
        for (const std::string& line : d->warnings(plan, options.out_dir)) options.warning(line);
}

}  // namespace shapegen
