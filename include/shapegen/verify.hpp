#pragma once
// layer: check
// Regression checks: regenerate a dataset from its dataset.ini and compare it
// with what is on disk (verify), or compare two datasets or two PNG files
// (diff). Images are compared with a Tolerance, labels exactly. Damage of
// any kind — missing, extra, truncated or corrupt files, edited manifest
// lines, wrong sizes — is reported as a problem, never a crash.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "shapegen/compare.hpp"

namespace shapegen {

struct VerifyOptions {
  Tolerance tolerance;
  std::string diff_dir;  // if set: <stem>.expected.png, .actual.png, .diff.png per failing image
  int jobs = 1;
  // Between batches of verify_dataset: rows checked, rows in all.
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
  // When it becomes true verify stops between batches (scratch removed) with IoError.
  const std::atomic<bool>* cancel = nullptr;
};

struct VerifyReport {
  std::uint64_t checked = 0, passed = 0, failed = 0;  // samples (or image pairs)
  int worst = 0;                                      // largest pixel difference seen
  std::string worst_where;                            // "images/000003.png (12,40)"
  std::vector<std::string> problems;                  // one line each, sorted; any means exit 1
  std::uint64_t problem_count = 0;  // all problems; `problems` keeps the first 1000 of them
  std::vector<std::string> notes;   // e.g. library versions that differ
  bool ok() const { return problems.empty(); }
  std::string summary(const std::string& what) const;
};

// Throws Error (exit 2) when the dataset cannot be checked at all: no
// readable dataset.ini. Memory does not grow with the dataset's count: rows
// are regenerated in batches, and only rows the manifest has lines for.
VerifyReport verify_dataset(const std::string& dir, const VerifyOptions& options);
// A and B: two dataset folders (A's manifest lists what to compare) or two PNG files.
VerifyReport diff_paths(const std::string& a, const std::string& b, const VerifyOptions& options);

}  // namespace shapegen
