#pragma once
// layer: store
// Writes a whole dataset folder:
//   DIR/images/<index>.png   DIR/manifest.jsonl   DIR/labels.csv   DIR/dataset.ini
// Everything is built in a hidden staging folder beside DIR and moved into
// place at the end, so DIR is never half-written.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "shapegen/config.hpp"
#include "shapegen/shard.hpp"

namespace shapegen {

struct GenerateOptions {
  std::string out_dir;
  bool overwrite = false;  // replace an existing shapegen dataset in out_dir
  int jobs = 1;            // worker threads; the output does not depend on it
  Shard shard;             // write only this shard's rows (and record it in dataset.ini)
  // Between batches: rows done (of the rows this folder holds), their count,
  // bytes written so far.
  std::function<void(std::uint64_t done, std::uint64_t total, std::uint64_t bytes)> progress;
  // Checked between batches: when it becomes true, generation stops and
  // IoError is thrown; out_dir is untouched. The staging folder is removed,
  // or kept for --resume when `resume` is set.
  const std::atomic<bool>* cancel = nullptr;
  // Continue the interrupted run of this recipe beside out_dir (a dead
  // process's staging folder), or start one that an interrupt keeps.
  bool resume = false;
  // Seconds between checkpoints (each syncs the file system); 0: every batch.
  double checkpoint_seconds = 1.0;
  // Large runs: refuse when the estimate (one sample made up front) is more
  // than the free space where out_dir goes.
  bool space_check = true;
  // Notes for the user (leftovers of dead runs tidied, a run resumed).
  std::function<void(const std::string& line)> note;
  // Warnings about the whole dataset written (ImageFolder: a split lacking a
  // class, which shifts torchvision's class indices).
  std::function<void(const std::string& line)> warning;
};

// Checks that out_dir may be written (throws IoError naming the folder and
// what to do) without writing anything. --overwrite replaces only a
// shapegen dataset holding nothing else: other files are named and refused.
void check_output_dir(const std::string& out_dir, bool overwrite);

void generate_dataset(const Config& config, const GenerateOptions& options);

}  // namespace shapegen
