#pragma once
// Private: what a comparison finds, gathered from worker threads. It keeps
// the first kKeptProblems problems in sorted order and counts the rest, so a
// dataset damaged everywhere costs bounded memory and the lines shown do not
// depend on which thread finished first.
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "shapegen/verify.hpp"

namespace shapegen {

class Findings {
 public:
  static constexpr std::size_t kKeptProblems = 1000;

  void problem(std::string text);
  // Keeps the largest pixel difference; equal ones by the smaller `where`.
  void difference(int worst, std::string where);
  std::uint64_t problem_count() const;
  // Moves the sorted problems, their count and the worst difference into `report`.
  void into(VerifyReport& report);

 private:
  mutable std::mutex lock_;
  std::vector<std::string> kept_;  // a max-heap: the largest kept problem is dropped first
  std::uint64_t count_ = 0;
  int worst_ = 0;
  std::string worst_where_;
};

}  // namespace shapegen
