// diff: B compared with the reference A, two PNG files or two dataset
// folders. A's manifest names the images; both manifests are read in
// batches of lines with their bounds (manifest_reader), so neither a huge
// manifest nor a hostile line decides how much memory diff takes.
#include <fstream>
#include <set>

#include "base/file_check.hpp"
#include "base/parallel.hpp"
#include "base/printable.hpp"
#include "check/checks.hpp"
#include "check/manifest_reader.hpp"
#include "shapegen/error.hpp"
#include "shapegen/png.hpp"
#include "shapegen/verify.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

constexpr std::size_t kBatchLines = 256;

// A manifest opened for reading, or the reason it cannot be.
struct Manifest {
  std::ifstream in;
  std::string problem;
  Manifest(const fs::path& path, const std::string& name) {
    problem = file_problem(path, name, UINT64_MAX);
    if (problem.empty()) in.open(path, std::ios::binary);
    if (problem.empty() && !in) problem = name + ": cannot be read";
  }
  bool usable() const { return problem.empty(); }
};

// One line of A and the line of B at the same place.
struct LinePair {
  std::uint64_t number = 0;  // 1-based
  std::string a, b;
  LineRead a_read = LineRead::end, b_read = LineRead::end;
  std::string file;  // the image A names; empty when A's line names none
};

// Files in B/images that A's manifest does not name.
void report_extra_images(const fs::path& dir, const std::set<std::string>& expected,
                         Findings& findings) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / "images", ec)) {
    std::error_code type_ec;
    if (entry.is_directory(type_ec)) continue;  // split folders of the YOLO layout
    const std::string name = "images/" + entry.path().filename().string();
    if (!expected.count(name))
      findings.problem(printable(name, 200) + ": extra file, not part of the dataset");
  }
}

VerifyReport diff_files(const fs::path& a, const fs::path& b, const VerifyOptions& options) {
  const Image expected = read_png(a.string());  // the reference must be readable
  Findings findings;
  VerifyReport report;
  report.checked = 1;
  const bool ok = check_image(expected, b, b.filename().string(), options, findings);
  ++(ok ? report.passed : report.failed);
  findings.into(report);  // problems and the worst difference; the counts stay
  return report;
}

// Checks one pair of lines: A's image against B's, and the lines themselves.
bool check_pair(const LinePair& pair, const fs::path& a, const fs::path& b, bool have_b,
                const VerifyOptions& options, Findings& findings) {
  const std::string at = "manifest.jsonl line " + std::to_string(pair.number);
  if (pair.file.empty()) return false;  // reported when A's line was read
  Image expected;
  try {
    expected = read_png((a / pair.file).string());
  } catch (const std::exception& e) {
    findings.problem("reference " + printable(e.what(), 200));
    return false;
  }
  const std::string name = printable(pair.file, 200);
  bool ok = check_image(expected, b / pair.file, name, options, findings);
  if (!have_b) return false;
  if (pair.b_read == LineRead::end) {
    findings.problem("manifest.jsonl: line " + std::to_string(pair.number) + " missing");
    return false;
  }
  if (pair.b_read == LineRead::too_long) {
    findings.problem(at + " (" + name + "): far longer than the reference line");
    return false;
  }
  if (pair.b != pair.a) {
    findings.problem(at + " (" + name + "): " + describe_line_difference(pair.a, pair.b));
    ok = false;
  }
  return ok;
}

}  // namespace

VerifyReport diff_paths(const std::string& a_text, const std::string& b_text,
                        const VerifyOptions& options) {
  const fs::path a(a_text), b(b_text);
  make_diff_dir(options.diff_dir);
  std::error_code ec;
  if (fs::is_regular_file(a, ec)) return diff_files(a, b, options);

  Manifest ma(a / "manifest.jsonl", a_text + "/manifest.jsonl");
  if (!ma.usable())
    throw IoError(printable(a_text, 200) +
                  ": neither a PNG file nor a dataset folder with manifest.jsonl (" +
                  printable(ma.problem, 200) + ")");
  Manifest mb(b / "manifest.jsonl", b_text + "/manifest.jsonl");
  Findings findings;
  if (!mb.usable()) findings.problem(printable(mb.problem, 300));

  VerifyReport report;
  std::set<std::string> files;  // A's images: as many as A really has lines
  std::vector<LinePair> batch;
  std::uint64_t number = 0;
  for (bool more = true; more;) {
    batch.clear();
    while (batch.size() < kBatchLines) {
      LinePair pair;
      pair.a_read = read_line(ma.in, pair.a, kMaxManifestLine);
      if (pair.a_read == LineRead::end) {
        more = false;
        break;
      }
      pair.number = ++number;
      std::string why = "longer than " + std::to_string(kMaxManifestLine) + " bytes";
      if (pair.a_read == LineRead::line) {
        if (auto file = manifest_line_file(pair.a, why)) pair.file = std::move(*file);
      }
      if (pair.file.empty())
        findings.problem("reference " + printable(a_text, 200) + "/manifest.jsonl line " +
                         std::to_string(pair.number) + ": " + why);
      else
        files.insert(pair.file);
      // B's line may be longer than A's (an added field), within reason.
      if (mb.usable()) pair.b_read = read_line(mb.in, pair.b, 2 * pair.a.size() + (1u << 20));
      batch.push_back(std::move(pair));
    }
    std::vector<char> ok(batch.size());
    parallel_for(batch.size(), options.jobs, [&](std::uint64_t i) {
      ok[i] = check_pair(batch[i], a, b, mb.usable(), options, findings);
    });
    for (char passed : ok) ++(passed ? report.passed : report.failed);
    report.checked += batch.size();
  }
  if (mb.usable()) {
    std::uint64_t extra = 0;
    for (std::string line; read_line(mb.in, line, 0) != LineRead::end;) ++extra;
    if (extra > 0) findings.problem("manifest.jsonl: " + std::to_string(extra) + " extra lines");
  }
  report_extra_images(b, files, findings);
  findings.into(report);
  return report;
}

}  // namespace shapegen
