#pragma once
// Private: how a shard's dataset.ini records the shard. The file is the
// recipe, byte for byte as an unsharded run writes it, followed by
//
//   [shard]
//   # comments
//   index = 2
//   count = 4
//   first_row = 500
//   rows = 250
//   files = 1750
//   bytes = 2831702
//
// files and bytes count what the shard wrote besides dataset.ini and the
// files naming the folder (data.yaml), so merge can tell a whole shard from
// a damaged one without reading every file.
#include <optional>
#include <string>

#include "dataset/output.hpp"
#include "shapegen/shard.hpp"

namespace shapegen {

struct ShardRecord {
  Shard shard;
  RowRange rows;
  FileCensus census;
};

std::string shard_record_text(const ShardRecord& record);

struct DatasetIni {
  std::string recipe;                 // the text before the record
  std::optional<ShardRecord> record;  // none: a whole dataset (or a preset)
};

// Splits a dataset.ini (or preset) text; a malformed record throws
// ConfigError naming `origin`.
DatasetIni split_dataset_ini(const std::string& text, const std::string& origin);

}  // namespace shapegen
