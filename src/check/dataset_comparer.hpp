#pragma once
// Private: the FileOutput of verify. Each file a sink would write is
// compared with the one in the dataset folder instead: images within the
// tolerance (label images exactly), text files line by line as they are
// produced. Afterwards every file on disk that no sink produced is extra,
// but for the tool files the layouts declare.
// Memory stays flat in the row count: rows are judged batch by batch, and
// problems are kept up to a bound (Findings).
#include <filesystem>
#include <mutex>
#include <optional>
#include <set>

#include "check/file_set.hpp"
#include "check/findings.hpp"
#include "dataset/output.hpp"
#include "dataset/plan.hpp"
#include "shapegen/verify.hpp"

namespace shapegen {

class DatasetComparer : public FileOutput {
 public:
  DatasetComparer(const std::filesystem::path& dir, const DatasetPlan& plan,
                  const VerifyOptions& options);
  ~DatasetComparer() override;

  std::unique_ptr<TextOutput> open_text(const std::string& file, TextCheck check) override;
  void write_image(const std::string& file, const Image& image, ImageCheck check,
                   std::uint64_t row) override;
  void place_image(const std::string& file, const std::string& primary,
                   const Image& image) override;
  std::filesystem::path scratch_path(const std::string& name) override;

  // A problem that is no file's (verify's own remarks).
  void problem(std::string text, std::optional<std::uint64_t> fails_row);
  // Between batches: the rows fed so far are judged; forget them.
  void end_batch();
  // After the first `rows_fed` rows of plan.rows() were fed (all of them
  // but when feeding stopped early): reports extra files, counts rows
  // passed and failed, and hands over the report. When feeding stopped
  // early, only files named after rows that were fed can be judged extra.
  VerifyReport finish(std::uint64_t rows_fed);

 private:
  void report_extra_files(std::uint64_t rows_fed);

  std::filesystem::path dir_;
  const DatasetPlan& plan_;
  VerifyOptions options_, exact_;
  FileSet produced_;
  std::filesystem::path scratch_;  // made on first use, removed at the end
  Findings findings_;
  std::mutex lock_;
  std::set<std::uint64_t> failed_in_batch_;
  std::uint64_t failed_ = 0;
};

}  // namespace shapegen
