#include "check/dataset_comparer.hpp"

#include <algorithm>
#include <random>

#include "check/checks.hpp"
#include "check/tar_compare.hpp"
#include "check/text_compare.hpp"
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
      produced_(plan),
      failed_rows_(plan.row_count()) {
  exact_.tolerance = Tolerance{};
}

DatasetComparer::~DatasetComparer() {
  std::error_code ec;
  if (!scratch_.empty()) fs::remove_all(scratch_, ec);
}

void DatasetComparer::problem(std::string text, std::optional<std::uint64_t> fails_row) {
  std::lock_guard<std::mutex> guard(lock_);
  report_.problems.push_back(std::move(text));
  if (fails_row) failed_rows_[*fails_row] = true;
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
          const bool ok = check_png_data(image, &data, name, options_, report_, lock_);
          if (!ok && row) {
            std::lock_guard<std::mutex> guard(lock_);
            failed_rows_[*row] = true;
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
                              check == ImageCheck::exact ? exact_ : options_, report_, lock_);
  if (!ok && check == ImageCheck::sample) {
    std::lock_guard<std::mutex> guard(lock_);
    failed_rows_[row] = true;
  }
}

void DatasetComparer::place_image(const std::string& file, const std::string&, const Image& image) {
  produced_.insert(file);
  check_image(image, dir_ / file, file, options_, report_, lock_);
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

VerifyReport DatasetComparer::finish() {
  std::error_code ec;
  const auto options = fs::directory_options::skip_permission_denied;
  for (fs::recursive_directory_iterator it(dir_, options, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;  // folders, broken links
    const std::string rel = it->path().lexically_relative(dir_).generic_string();
    if (!produced_.contains(rel))
      problem(rel + ": extra file, not part of the dataset", std::nullopt);
  }
  if (ec) throw IoError(dir_.string() + ": cannot list the dataset's files (" + ec.message() + ")");
  report_.checked = plan_.rows().size();
  report_.failed = std::uint64_t(std::count(failed_rows_.begin(), failed_rows_.end(), true));
  report_.passed = report_.checked - report_.failed;
  return std::move(report_);
}

}  // namespace shapegen
