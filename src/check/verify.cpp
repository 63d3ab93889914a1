#include "shapegen/verify.hpp"

#include "base/parallel.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "shapegen/config.hpp"
#include "shapegen/dataset.hpp"
#include "shapegen/error.hpp"
#include "dataset/manifest.hpp"
#include "shapegen/png.hpp"
#include "shapegen/generator.hpp"
#include "dataset/split.hpp"
#include "shapegen/versions.hpp"

namespace fs = std::filesystem;

namespace shapegen {

std::string VerifyReport::summary(const std::string& what) const {
  std::string s = what + ": " + std::to_string(checked) + " checked, " + std::to_string(passed) + " passed, " +
                  std::to_string(failed) + " failed";
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

// The first place two JSON values differ, as "objects[0].bbox[2]: 41.5 expected, 41.2 found".
std::string first_difference(const nlohmann::json& expected, const nlohmann::json& found, const std::string& path) {
  if (expected.type() == found.type() && expected.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      const std::string key = path.empty() ? it.key() : path + "." + it.key();
      if (!found.contains(it.key())) return key + ": missing";
      const std::string d = first_difference(*it, found[it.key()], key);
      if (!d.empty()) return d;
    }
    for (auto it = found.begin(); it != found.end(); ++it)
      if (!expected.contains(it.key())) return (path.empty() ? "" : path + ".") + it.key() + ": unexpected field";
    return "";
  }
  if (expected.type() == found.type() && expected.is_array()) {
    if (expected.size() != found.size())
      return path + ": " + std::to_string(expected.size()) + " items expected, " + std::to_string(found.size()) + " found";
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const std::string d = first_difference(expected[i], found[i], path + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return "";
  }
  if (expected == found) return "";
  return (path.empty() ? std::string("value") : path) + ": " + expected.dump() + " expected, " + found.dump() + " found";
}

std::string describe_line_difference(const std::string& expected, const std::string& found) {
  const auto e = nlohmann::json::parse(expected);
  const auto f = nlohmann::json::parse(found, nullptr, /*allow_exceptions=*/false);
  if (f.is_discarded()) return "not valid JSON";
  const std::string d = first_difference(e, f, "");
  return d.empty() ? "formatting differs" : d;
}

std::string shape_text(const Image& img) {
  return std::to_string(img.width) + "x" + std::to_string(img.height) + (img.channels == 3 ? " rgb" : " gray");
}

// Compares one image pair into `report` (under `lock`); writes diff images.
// Returns false when the pair fails.
bool check_image(const Image& expected, const fs::path& actual_path, const std::string& name,
                 const VerifyOptions& options, VerifyReport& report, std::mutex& lock) {
  Image actual;
  std::string problem;
  std::error_code ec;
  if (!fs::exists(actual_path, ec)) {
    problem = name + ": missing";
  } else {
    try {
      actual = decode_png(read_file(actual_path.string()), name);  // errors name the file as reported
    } catch (const Error& e) {
      problem = e.what();
    }
  }
  ImageComparison c;
  if (problem.empty()) {
    c = compare_images(expected, actual, options.tolerance);
    if (!c.same_shape) problem = name + ": " + shape_text(expected) + " expected, " + shape_text(actual) + " found";
    else if (!c.passed) problem = name + ": " + c.describe();
  }
  if (!problem.empty() && !options.diff_dir.empty() && c.same_shape && !actual.pixels.empty()) {
    const fs::path stem = fs::path(options.diff_dir) / fs::path(name).stem();
    write_png(stem.string() + ".expected.png", expected, 6);
    write_png(stem.string() + ".actual.png", actual, 6);
    write_png(stem.string() + ".diff.png", difference_image(expected, actual), 6);
  }
  std::lock_guard<std::mutex> guard(lock);
  if (c.same_shape && c.worst > report.worst) {
    report.worst = c.worst;
    report.worst_where = name + " (" + std::to_string(c.worst_x) + "," + std::to_string(c.worst_y) + ")";
  }
  if (!problem.empty()) report.problems.push_back(problem);
  return problem.empty();
}

// Files in DIR/images that the dataset does not name.
void report_extra_images(const fs::path& dir, const std::set<std::string>& expected, VerifyReport& report) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "images", ec)) {
    if (!entry.is_regular_file()) continue;  // split folders of the YOLO layout
    const std::string name = "images/" + entry.path().filename().string();
    if (!expected.count(name)) report.problems.push_back(name + ": extra file, not part of the dataset");
  }
}

// The dataset layouts (COCO, YOLO, masks, ImageFolder) are checked against a
// fresh generation in a temporary folder: label files and masks exactly,
// images within the tolerance, YOLO's data.yaml but for the folder it names.
void verify_layouts(const fs::path& dir, const Config& config, const VerifyOptions& options,
                    VerifyReport& report, std::mutex& lock) {
  std::random_device rd;
  const fs::path tmp = fs::temp_directory_path() / ("shapegen-verify-" + std::to_string(rd()));
  struct Cleanup {
    fs::path path;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
  } cleanup{tmp};
  GenerateOptions generate;
  generate.out_dir = (tmp / "ds").string();
  generate.jobs = options.jobs;
  generate_dataset(config, generate);
  const fs::path fresh = tmp / "ds";
  const std::set<std::string> own = {"manifest.jsonl", "labels.csv", "dataset.ini"};  // checked above
  auto skip = [&](const fs::path& rel) {
    return own.count(rel.string()) || (rel.parent_path() == "images" && rel.extension() == ".png");
  };
  VerifyOptions exact = options;
  exact.tolerance = Tolerance{};
  std::set<std::string> expected;
  for (const auto& entry : fs::recursive_directory_iterator(fresh)) {
    if (!entry.is_regular_file()) continue;
    const fs::path rel = fs::relative(entry.path(), fresh);
    if (skip(rel)) continue;
    expected.insert(rel.string());
    const fs::path found = dir / rel;
    if (rel.extension() == ".png") {
      const bool is_mask = *rel.begin() == "masks";
      check_image(read_png(entry.path().string()), found, rel.string(), is_mask ? exact : options, report, lock);
      continue;
    }
    bool have = false;
    auto want = read_lines(entry.path(), have);
    auto got = read_lines(found, have);
    if (!have) {
      report.problems.push_back(rel.string() + ": missing");
      continue;
    }
    if (rel == "data.yaml") {  // the folder it names may differ
      for (auto* lines : {&want, &got})
        lines->erase(std::remove_if(lines->begin(), lines->end(), [](const std::string& l) { return l.rfind("path:", 0) == 0; }),
                     lines->end());
    }
    if (want != got) {
      std::size_t line = 0;
      while (line < want.size() && line < got.size() && want[line] == got[line]) ++line;
      report.problems.push_back(rel.string() + ": differs from line " + std::to_string(line + 1));
    }
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const fs::path rel = fs::relative(entry.path(), dir);
    if (!skip(rel) && !expected.count(rel.string()))
      report.problems.push_back(rel.string() + ": extra file, not part of the dataset");
  }
}

}  // namespace

VerifyReport verify_dataset(const std::string& dir_text, const VerifyOptions& options) {
  const fs::path dir(dir_text);
  const fs::path ini = dir / "dataset.ini";
  if (!fs::is_regular_file(ini)) throw IoError(dir_text + ": no dataset.ini, so not a shapegen dataset");
  VerifyReport report;
  for (const auto& [key, value] : read_preset_file(ini.string())) {
    const std::string running = running_version(key);
    if (!running.empty() && value != running)
      report.notes.push_back("dataset.ini records " + key + " = " + value + ", running " + running +
                             "; comparing anyway");
  }
  const Config config = load_config(ini.string(), {});
  const Generator generator(config);
  const Splitter splitter(config, Sampler(config));
  const std::uint64_t rows = generator.row_count();
  if (!options.diff_dir.empty()) fs::create_directories(options.diff_dir);

  bool have_manifest = false, have_csv = false;
  const auto manifest = read_lines(dir / "manifest.jsonl", have_manifest);
  const auto csv = read_lines(dir / "labels.csv", have_csv);
  if (!have_manifest) report.problems.push_back("manifest.jsonl: missing");
  if (!have_csv) report.problems.push_back("labels.csv: missing");

  std::mutex lock;
  std::vector<std::string> expected_csv(rows);
  std::set<std::string> expected_files;
  for (std::uint64_t i = 0; i < rows; ++i) expected_files.insert("images/" + sample_stem(i, rows) + ".png");
  parallel_for(rows, options.jobs, [&](std::uint64_t i) {
    const Sample sample = generator.make_row(i);
    const std::string file = "images/" + sample_stem(i, rows) + ".png";
    const std::string split = splitter.split_of(sample.base_index);
    bool ok = check_image(sample.image, dir / file, file, options, report, lock);
    const std::string line = manifest_line(sample, file, split);
    std::string label_problem;
    if (have_manifest && i >= manifest.size()) label_problem = "manifest.jsonl: line " + std::to_string(i + 1) + " missing";
    else if (have_manifest && manifest[i] != line)
      label_problem = "manifest.jsonl line " + std::to_string(i + 1) + " (" + file + "): " + describe_line_difference(line, manifest[i]);
    expected_csv[i] = csv_rows(sample, file, split);
    std::lock_guard<std::mutex> guard(lock);
    if (!label_problem.empty()) report.problems.push_back(label_problem), ok = false;
    ++report.checked;
    ++(ok ? report.passed : report.failed);
  });
  if (have_manifest && manifest.size() > rows)
    report.problems.push_back("manifest.jsonl: " + std::to_string(manifest.size() - rows) +
                              " lines beyond the dataset's " + std::to_string(rows) + " rows");
  if (have_csv) {
    std::string expected = csv_header(), found;
    for (const std::string& rows_text : expected_csv) expected += rows_text;
    for (const std::string& line : csv) found += line + "\n";
    if (expected != found) {
      std::istringstream e(expected), f(found);
      std::string el, fl;
      for (int n = 1;; ++n) {
        const bool more_e = bool(std::getline(e, el)), more_f = bool(std::getline(f, fl));
        if (el != fl || more_e != more_f) {
          report.problems.push_back("labels.csv: line " + std::to_string(n) + " differs");
          break;
        }
      }
    }
  }
  report_extra_images(dir, expected_files, report);
  if (!std::get<NameList>(config.at("output.formats")).names.empty())
    verify_layouts(dir, config, options, report, lock);
  std::sort(report.problems.begin(), report.problems.end());
  return report;
}

VerifyReport diff_paths(const std::string& a_text, const std::string& b_text, const VerifyOptions& options) {
  const fs::path a(a_text), b(b_text);
  VerifyReport report;
  std::mutex lock;
  if (!options.diff_dir.empty()) fs::create_directories(options.diff_dir);
  if (fs::is_regular_file(a)) {
    const Image expected = read_png(a.string());  // the reference must be readable
    report.checked = 1;
    const bool ok = check_image(expected, b, b.filename().string(), options, report, lock);
    ++(ok ? report.passed : report.failed);
    return report;
  }
  bool have_a = false, have_b = false;
  const auto lines_a = read_lines(a / "manifest.jsonl", have_a);
  const auto lines_b = read_lines(b / "manifest.jsonl", have_b);
  if (!have_a) throw IoError(a_text + ": neither a PNG file nor a dataset folder with manifest.jsonl");
  if (!have_b) report.problems.push_back(b_text + "/manifest.jsonl: missing");
  std::set<std::string> files;
  for (const std::string& line : lines_a) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("file")) throw IoError(a_text + "/manifest.jsonl: not a shapegen manifest");
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
    if (have_b && i >= lines_b.size()) label_problem = "manifest.jsonl: line " + std::to_string(i + 1) + " missing";
    else if (have_b && lines_b[i] != lines_a[i])
      label_problem = "manifest.jsonl line " + std::to_string(i + 1) + " (" + file + "): " +
                      describe_line_difference(lines_a[i], lines_b[i]);
    std::lock_guard<std::mutex> guard(lock);
    if (!label_problem.empty()) report.problems.push_back(label_problem), ok = false;
    ++report.checked;
    ++(ok ? report.passed : report.failed);
  });
  if (lines_b.size() > lines_a.size())
    report.problems.push_back("manifest.jsonl: " + std::to_string(lines_b.size() - lines_a.size()) + " extra lines");
  report_extra_images(b, files, report);
  std::sort(report.problems.begin(), report.problems.end());
  return report;
}

}  // namespace shapegen
