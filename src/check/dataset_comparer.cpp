#include "check/dataset_comparer.hpp"

#include <algorithm>
#include <random>

#include "base/printable.hpp"
#include "check/checks.hpp"
#include "check/tar_compare.hpp"
#include "check/text_compare.hpp"
#include "dataset/layouts/layout.hpp"
#include "shapegen/error.hpp"
#include "shapegen/png.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

// "ds/" and "ds" name the same folder; relative names need the latter.
fs::path without_trailing_separator(const fs::path& dir) {
  const fs::path normal = dir.lexically_normal();
  return normal.has_filename() || !normal.has_parent_path() ? normal : normal.parent_path();
}

}  // namespace

DatasetComparer::DatasetComparer(const fs::path& dir, const DatasetPlan& plan,
                                 const VerifyOptions& options)
    : dir_(without_trailing_separator(dir)),
      plan_(plan),
      options_(options),
      exact_(options),
      produced_(plan) {
  exact_.tolerance = Tolerance{};
}

DatasetComparer::~DatasetComparer() {
  std::error_code ec;
  if (!scratch_.empty()) fs::remove_all(scratch_, ec);
}

void DatasetComparer::problem(std::string text, std::optional<std::uint64_t> fails_row) {
  findings_.problem(std::move(text));
  if (!fails_row) return;
  std::lock_guard<std::mutex> guard(lock_);
  failed_in_batch_.insert(*fails_row);
}

void DatasetComparer::end_batch() {
  std::lock_guard<std::mutex> guard(lock_);
  failed_ += failed_in_batch_.size();
  failed_in_batch_.clear();
}

std::unique_ptr<TextOutput> DatasetComparer::open_text(const std::string& file, TextCheck check) {
  produced_.insert(file);
  if (check == TextCheck::tar)
    return compare_tar(
        dir_ / file, file,
        [this](std::string text, std::optional<std::uint64_t> row) {
          problem(std::move(text), row);
        },
        [this](const std::string& key) { return plan_.row_of_stem(key); },
        [this](const std::string& expected, const std::string& found, const std::string& name,
               std::optional<std::uint64_t> row) {
          const Image image = decode_png({expected.begin(), expected.end()}, name);
          const std::vector<std::uint8_t> data(found.begin(), found.end());
          const bool ok = check_png_data(image, &data, name, options_, findings_);
          if (!ok && row) {
            std::lock_guard<std::mutex> guard(lock_);
            failed_in_batch_.insert(*row);
          }
          return ok;
        });
  // Line k of the manifest is the k-th row this folder holds (a shard's start later).
  const std::uint64_t first = plan_.rows().first;
  return compare_text(
      dir_ / file, file, check,
      [this, first](std::string text, std::optional<std::uint64_t> line) {
        problem(std::move(text), line ? std::optional(first + *line) : std::nullopt);
      },
      [this, first](std::uint64_t line) { return plan_.row(first + line).file; });
}

void DatasetComparer::write_image(const std::string& file, const Image& image, ImageCheck check,
                                  std::uint64_t row) {
  produced_.insert(file);
  const bool ok = check_image(image, dir_ / file, file,
                              check == ImageCheck::exact ? exact_ : options_, findings_);
  if (!ok && check == ImageCheck::sample) {
    std::lock_guard<std::mutex> guard(lock_);
    failed_in_batch_.insert(row);
  }
}

void DatasetComparer::place_image(const std::string& file, const std::string&, const Image& image) {
  produced_.insert(file);
  check_image(image, dir_ / file, file, options_, findings_);
}

fs::path DatasetComparer::scratch_path(const std::string& name) {
  std::lock_guard<std::mutex> guard(lock_);
  std::error_code ec;
  if (scratch_.empty()) {
    const fs::path tmp = fs::temp_directory_path(ec);
    if (ec) throw IoError("no temporary folder for verify's scratch files (" + ec.message() + ")");
    std::random_device rd;
    scratch_ = tmp / ("shapegen-verify-" + std::to_string(rd()));
  }
  const fs::path path = scratch_ / name;
  fs::create_directories(path.parent_path(), ec);
  if (ec)
    throw IoError(path.parent_path().string() + ": cannot create the folder (" + ec.message() +
                  ")");
  return path;
}

void DatasetComparer::report_extra_files(std::uint64_t rows_fed) {
  std::error_code ec;
  const auto options = fs::directory_options::skip_permission_denied;
  fs::recursive_directory_iterator it(dir_, options, ec);
  for (fs::recursive_directory_iterator end; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    // Links are not followed into folders; a FIFO or a dangling link where
    // no file belongs is extra like any file.
    if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) continue;
    const std::string rel = it->path().lexically_relative(dir_).generic_string();
    if (produced_.contains(rel)) continue;
    // What a tool reading a layout wrote beside it (a label cache) is no damage.
    if (const auto match = layouts::match_file(plan_, rel); match && !match->file) continue;
    // Stopped early, the files of rows not regenerated and those sinks
    // write at the end (dataset.ini, COCO files) were not produced. Rows
    // before a shard's first are extra whenever they are found.
    const auto row = produced_.row_of(rel);
    if (rows_fed < plan_.rows().size() && (!row || *row >= plan_.rows().first + rows_fed)) continue;
    problem(printable(rel, 200) + ": extra file, not part of the dataset", std::nullopt);
  }
  if (ec)
    problem(printable(dir_.string(), 200) + ": cannot list every file (" + ec.message() + ")",
            std::nullopt);
}

VerifyReport DatasetComparer::finish(std::uint64_t rows_fed) {
  report_extra_files(rows_fed);
  end_batch();
  VerifyReport report;
  findings_.into(report);
  report.checked = rows_fed;
  report.failed = failed_;
  report.passed = report.checked - report.failed;
  return report;
}

}  // namespace shapegen
