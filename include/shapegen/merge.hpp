#pragma once
// layer: merge
// Joins shard folders into the one dataset folder a single run writes.
#include <functional>
#include <string>
#include <vector>

namespace shapegen {

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
