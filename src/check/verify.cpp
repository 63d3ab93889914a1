#include "shapegen/verify.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "base/parallel.hpp"
#include "check/checks.hpp"
#include "check/dataset_comparer.hpp"
#include "dataset/feed.hpp"
#include "dataset/plan.hpp"
#include "dataset/shard_record.hpp"
#include "shapegen/config.hpp"
#include "shapegen/error.hpp"
#include "shapegen/png.hpp"
#include "shapegen/shard.hpp"
#include "shapegen/versions.hpp"

namespace fs = std::filesystem;

namespace shapegen {

std::string VerifyReport::summary(const std::string& what) const {
  std::string s = what + ": " + std::to_string(checked) + " checked, " + std::to_string(passed) +
                  " passed, " + std::to_string(failed) + " failed";
  if (problems.size() > failed) s += ", " + std::to_string(problems.size()) + " problems";
  s += "; worst pixel difference " + std::to_string(worst);
  if (worst > 0) s += " at " + worst_where;
  return s;
}

namespace {

std::vector<std::string> read_lines(const fs::path& path, bool& exists) {
  std::vector<std::string> lines;
  std::ifstream in(path);
  exists = bool(in);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Files in DIR/images that the manifest does not name.
void report_extra_images(const fs::path& dir, const std::set<std::string>& expected,
                         VerifyReport& report) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "images", ec)) {
    std::error_code type_ec;
    if (!entry.is_regular_file(type_ec)) continue;  // split folders of the YOLO layout
    const std::string name = "images/" + entry.path().filename().string();
    if (!expected.count(name))
      report.problems.push_back(name + ": extra file, not part of the dataset");
  }
}

// dataset.ini without a shard's record.
std::string read_recipe_text(const fs::path& ini) {
  std::ifstream in(ini, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return split_dataset_ini(text.str(), ini.string()).recipe;
}

void make_diff_dir(const std::string& diff_dir) {
  if (diff_dir.empty()) return;
  std::error_code ec;
  fs::create_directories(diff_dir, ec);
  if (ec)
    throw IoError("--diff-dir '" + diff_dir + "': cannot create the folder (" + ec.message() + ")");
}

}  // namespace

// Regenerates every row once, in parallel batches, and feeds it to the same
// sinks generate uses, with a comparer in place of the folder they write.
VerifyReport verify_dataset(const std::string& dir_text, const VerifyOptions& options) {
  const fs::path dir(dir_text);
  const fs::path ini = dir / "dataset.ini";
  std::error_code ec;
  if (!fs::is_regular_file(ini, ec))
    throw IoError(dir_text + ": no dataset.ini, so not a shapegen dataset");
  std::vector<std::string> notes;
  Shard shard;  // a shard's dataset.ini records which rows it holds
  const Config config = load_recipe(ini.string(), {}, &shard);
  for (const auto& [key, value] : parse_preset_text(read_recipe_text(ini), ini.string())) {
    const std::string running = running_version(key);
    if (!running.empty() && value != running)
      notes.push_back("dataset.ini records " + key + " = " + value + ", running " + running +
                      "; comparing anyway");
  }
  const DatasetPlan plan(config, shard, options.jobs);
  make_diff_dir(options.diff_dir);
  DatasetComparer comparer(dir, plan, options);
  FeedOptions feed;
  feed.jobs = options.jobs;
  feed.between_batches = [&](std::uint64_t done, std::uint64_t total) {
    if (options.progress) options.progress(done, total);
    if (done < total && options.cancel && options.cancel->load())
      throw IoError("verify " + dir_text + ": interrupted after " + std::to_string(done) + " of " +
                    std::to_string(total) + " samples");
  };
  feed_rows(plan, comparer, feed);
  VerifyReport report = comparer.finish();
  report.notes = std::move(notes);
  std::sort(report.problems.begin(), report.problems.end());
  return report;
}

VerifyReport diff_paths(const std::string& a_text, const std::string& b_text,
                        const VerifyOptions& options) {
  const fs::path a(a_text), b(b_text);
  VerifyReport report;
  std::mutex lock;
  make_diff_dir(options.diff_dir);
  std::error_code ec;
  if (fs::is_regular_file(a, ec)) {
    const Image expected = read_png(a.string());  // the reference must be readable
    report.checked = 1;
    const bool ok = check_image(expected, b, b.filename().string(), options, report, lock);
    ++(ok ? report.passed : report.failed);
    return report;
  }
  bool have_a = false, have_b = false;
  const auto lines_a = read_lines(a / "manifest.jsonl", have_a);
  const auto lines_b = read_lines(b / "manifest.jsonl", have_b);
  if (!have_a)
    throw IoError(a_text + ": neither a PNG file nor a dataset folder with manifest.jsonl");
  if (!have_b) report.problems.push_back(b_text + "/manifest.jsonl: missing");
  std::set<std::string> files;
  for (const std::string& line : lines_a) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("file"))
      throw IoError(a_text + "/manifest.jsonl: not a shapegen manifest");
    files.insert(j["file"].get<std::string>());
  }
  parallel_for(lines_a.size(), options.jobs, [&](std::uint64_t i) {
    const std::string file = nlohmann::json::parse(lines_a[i])["file"].get<std::string>();
    Image expected;
    try {
      expected = read_png((a / file).string());
    } catch (const Error& e) {
      std::lock_guard<std::mutex> guard(lock);
      report.problems.push_back(std::string("reference ") + e.what());
      ++report.checked, ++report.failed;
      return;
    }
    bool ok = check_image(expected, b / file, file, options, report, lock);
    std::string label_problem;
    if (have_b && i >= lines_b.size())
      label_problem = "manifest.jsonl: line " + std::to_string(i + 1) + " missing";
    else if (have_b && lines_b[i] != lines_a[i])
      label_problem = "manifest.jsonl line " + std::to_string(i + 1) + " (" + file +
                      "): " + describe_line_difference(lines_a[i], lines_b[i]);
    std::lock_guard<std::mutex> guard(lock);
    if (!label_problem.empty()) report.problems.push_back(label_problem), ok = false;
    ++report.checked;
    ++(ok ? report.passed : report.failed);
  });
  if (lines_b.size() > lines_a.size())
    report.problems.push_back("manifest.jsonl: " + std::to_string(lines_b.size() - lines_a.size()) +
                              " extra lines");
  report_extra_images(b, files, report);
  std::sort(report.problems.begin(), report.problems.end());
  return report;
}

}  // namespace shapegen
