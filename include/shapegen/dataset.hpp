#pragma once
// Writes a whole dataset folder:
//   DIR/images/<index>.png   DIR/manifest.jsonl   DIR/labels.csv   DIR/dataset.ini
// Everything is built in a hidden staging folder beside DIR and moved into
// place at the end, so DIR is never half-written.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "shapegen/config.hpp"
#include "shapegen/shard.hpp"

namespace shapegen {

struct GenerateOptions {
  std::string out_dir;
  bool overwrite = false;  // replace an existing shapegen dataset in out_dir
  int jobs = 1;            // worker threads; the output does not depend on it
  Shard shard;             // write only this shard's rows (and record it in dataset.ini)
  std::function<void(std::uint64_t done, std::uint64_t total)> progress;
  // Checked between batches: when it becomes true, generation stops, the
  // staging folder is removed and IoError is thrown; out_dir is untouched.
  const std::atomic<bool>* cancel = nullptr;
};

// Checks that out_dir may be written (throws IoError naming the folder and
// what to do) without writing anything.
void check_output_dir(const std::string& out_dir, bool overwrite);

void generate_dataset(const Config& config, const GenerateOptions& options);

struct MergeOptions {
  std::string out_dir;
  std::vector<std::string> shards;  // dataset folders, one per shard, in any order
  bool overwrite = false;           // replace an existing shapegen dataset in out_dir
  std::function<void(const std::string& line)> progress;
};

// Joins the folders of all N shards of one recipe into the dataset a single
// run writes, byte for byte (YOLO's data.yaml names the new folder): files
// of one row are hard-linked where the file system allows, manifest,
// labels.csv, COCO and WebDataset tars joined. Refuses, with an IoError or
// ConfigError naming the folder and the reason, shards of different
// recipes, overlapping, missing or damaged ones; nothing is written then.
void merge_datasets(const MergeOptions& options);

}  // namespace shapegen
