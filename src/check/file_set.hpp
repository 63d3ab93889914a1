#pragma once
// Private: the set of files a dataset's sinks produced, for finding extra
// files on disk. Files named after a row ("labels/train/000042.txt") take
// one bit per row in a family per folder and extension, so the set costs a
// few bits per row rather than a string per file; other files are kept by
// name. A family grows with the rows fed, not with the count dataset.ini
// claims. Thread-safe.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/plan.hpp"

namespace shapegen {

class FileSet {
 public:
  explicit FileSet(const DatasetPlan& plan) : plan_(plan) {}
  void insert(std::string_view file);
  bool contains(std::string_view file) const;
  // The row a file is named after ("images/000042.png" -> 42), if any.
  std::optional<std::uint64_t> row_of(std::string_view file) const;

 private:
  // The family key and row of a file named after a row; row_count() if not.
  std::pair<std::string, std::uint64_t> family_of(std::string_view file) const;

  const DatasetPlan& plan_;
  std::map<std::string, std::vector<bool>, std::less<>> families_;
  std::set<std::string, std::less<>> others_;
  mutable std::mutex lock_;
};

}  // namespace shapegen
