#pragma once
// Private: the one loop that makes a dataset's rows and hands them to the
// sinks, shared by generate (into a folder) and verify (into a comparer).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "dataset/output.hpp"
#include "dataset/plan.hpp"

namespace shapegen {

struct FeedOptions {
  int jobs = 1;  // worker threads; what the sinks get does not depend on it
  // Called before each batch with the rows done so far, and once at the end
  // with done == total. It may throw to stop (an interrupt).
  std::function<void(std::uint64_t done, std::uint64_t total)> between_batches;
  // --resume: rows an interrupted run already wrote, and its sinks' states
  // (in feed order); `begin_rows` runs once the sinks are made and resumed.
  std::uint64_t start = 0;
  std::vector<std::string> sink_states;
  std::function<void()> begin_rows;
  // Called between batches, before between_batches, with the rows done and
  // a way to get each sink's state (only when it records a checkpoint).
  std::function<void(std::uint64_t done, const std::function<std::vector<std::string>()>& states)>
      checkpoint;
};

// Workers make a batch of rows and put each row's own files; then the
// batch goes to the sinks in index order; at the end every sink finishes.
// Filesystem errors surface as IoError naming the path.
void feed_rows(const DatasetPlan& plan, FileOutput& out, const FeedOptions& options);

}  // namespace shapegen
