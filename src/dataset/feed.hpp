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
  // Called before the first batch and after each batch with the rows done so
  // far (every row before them added to every sink, their files complete),
  // the last time with done == total. It may throw to stop (an interrupt).
  std::function<void(std::uint64_t done, std::uint64_t total)> between_batches;
  // --resume: rows an interrupted run already wrote, and its sinks' states
  // (in feed order); `begin_rows` runs once the sinks are made and resumed.
  std::uint64_t start = 0;
  std::vector<std::string> sink_states;
  std::function<void()> begin_rows;
  // Asked after each batch is made, before it goes to the sinks: whether to
  // record a checkpoint once it has (unset: after every batch). The next
  // batch is then made only after the checkpoint, so nothing is written
  // while it is taken.
  std::function<bool()> checkpoint_due;
  // Called after a batch when checkpoint_due said so, before between_batches,
  // with the rows done and a way to get each sink's state. Nothing else is
  // in flight: every file of the rows before `done` is complete, and no file
  // of a later row has been started.
  std::function<void(std::uint64_t done, const std::function<std::vector<std::string>()>& states)>
      checkpoint;
};

// Workers make a batch of rows and put each row's own files while the
// previous batch goes to the sinks in index order (two batches in flight);
// at the end every sink finishes. Filesystem errors surface as IoError
// naming the path.
void feed_rows(const DatasetPlan& plan, FileOutput& out, const FeedOptions& options);

}  // namespace shapegen
