#include "check/findings.hpp"

#include <algorithm>

namespace shapegen {

void Findings::problem(std::string text) {
  std::lock_guard<std::mutex> guard(lock_);
  ++count_;
  if (kept_.size() == kKeptProblems) {
    if (!(text < kept_.front())) return;
    std::pop_heap(kept_.begin(), kept_.end());
    kept_.pop_back();
  }
  kept_.push_back(std::move(text));
  std::push_heap(kept_.begin(), kept_.end());
}

void Findings::difference(int worst, std::string where) {
  std::lock_guard<std::mutex> guard(lock_);
  if (worst > worst_ || (worst == worst_ && worst > 0 && where < worst_where_)) {
    worst_ = worst;
    worst_where_ = std::move(where);
  }
}

std::uint64_t Findings::problem_count() const {
  std::lock_guard<std::mutex> guard(lock_);
  return count_;
}

void Findings::into(VerifyReport& report) {
  std::lock_guard<std::mutex> guard(lock_);
  std::sort_heap(kept_.begin(), kept_.end());
  report.problems = std::move(kept_);
  report.problem_count = count_;
  report.worst = worst_;
  report.worst_where = std::move(worst_where_);
  kept_.clear();
  count_ = 0;
}

}  // namespace shapegen
