#pragma once
// Private: the FileOutput of verify. Each file a sink would write is
// compared with the one in the dataset folder instead: images within the
// tolerance (label images exactly), text files line by line as they are
// produced. Afterwards every file on disk that no sink produced is extra.
#include <filesystem>
#include <mutex>
#include <vector>

#include "check/file_set.hpp"
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

  // After every row was fed: reports extra files, counts rows passed and
  // failed, and hands over the report.
  VerifyReport finish();

 private:
  void problem(std::string text, std::optional<std::uint64_t> fails_row);

  std::filesystem::path dir_;
  const DatasetPlan& plan_;
  VerifyOptions options_, exact_;
  FileSet produced_;
  std::filesystem::path scratch_;  // made on first use, removed at the end
  std::mutex lock_;
  VerifyReport report_;
  std::vector<bool> failed_rows_;
};

}  // namespace shapegen
