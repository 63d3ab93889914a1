#pragma once
// Private: what a large run will cost, from one sample made and encoded up
// front, and whether the disk can hold it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "dataset/plan.hpp"

namespace shapegen {

struct RunEstimate {
  std::uint64_t rows = 0;
  double bytes_per_row = 0;    // every file a row adds, all layouts (LayoutDecl::row_bytes)
  double seconds_per_row = 0;  // on all threads
  double bytes() const { return bytes_per_row * double(rows); }
  double seconds() const { return seconds_per_row * double(rows); }
};

// Large runs only (over 100 000 rows or 1 GB of pixels): none otherwise.
std::optional<RunEstimate> estimate_run(const DatasetPlan& plan, std::uint64_t rows, int jobs);
// Bytes free to us where `out` will be (its nearest existing folder).
std::optional<std::uint64_t> free_bytes(const std::filesystem::path& out);
// "about 137 TB (137 KB a row) and 40 years on 2 threads".
std::string describe(const RunEstimate& estimate, int jobs);
std::string format_size(double bytes);

}  // namespace shapegen
