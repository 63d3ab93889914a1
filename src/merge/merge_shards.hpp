#pragma once
// Private: the shard folders merge is given, read and checked before
// anything is written: each is a shapegen dataset, all are of one recipe,
// together they are shards 0..N-1 of N exactly once, and each is whole
// ("verify-lite": its files and bytes match what its dataset.ini records,
// manifest.jsonl has a line per row, every row has its image, no file
// belongs to a row outside the shard). Every refusal is one line naming the
// folder and the reason.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "dataset/plan.hpp"
#include "dataset/shard_record.hpp"

namespace shapegen {

struct ShardFolder {
  std::filesystem::path dir;
  std::string name;                    // as given, for messages
  std::string recipe;                  // dataset.ini without the record
  Shard shard;                         // a whole dataset is shard 0 of 1
  std::optional<FileCensus> recorded;  // what the shard says it wrote
};

// The shards sorted by index: datasets of one recipe, shards 0..N-1 of N
// once each; throws ConfigError (recipe, coverage) or IoError (not a
// dataset). `out`: the merged folder, which must not be one of them.
std::vector<ShardFolder> read_shards(const std::vector<std::string>& dirs,
                                     const std::filesystem::path& out);

// Throws IoError naming the shard when it is not whole (see above).
void check_shard_is_whole(const DatasetPlan& plan, const ShardFolder& shard);

}  // namespace shapegen
