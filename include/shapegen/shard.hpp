#pragma once
// layer: dataset
// Shards: one dataset made by many machines. Shard I of N holds a contiguous
// range of base samples, every variant of each with it, written as a dataset
// folder of its own; `shapegen merge` joins the N folders into exactly the
// dataset one run writes. Engines that already schedule work (Slurm job
// arrays, Kubernetes Indexed Jobs) pick I; shapegen only reads it.
#include <cstdint>
#include <functional>
#include <string>

#include "shapegen/config.hpp"

namespace shapegen {

struct Shard {
  std::uint64_t index = 0;
  std::uint64_t count = 1;  // 1: the whole dataset
  bool whole() const { return count == 1; }
  bool operator==(const Shard&) const = default;
};

// Rows [first, end) of a dataset.
struct RowRange {
  std::uint64_t first = 0;
  std::uint64_t end = 0;
  std::uint64_t size() const { return end - first; }
  bool contains(std::uint64_t row) const { return row >= first && row < end; }
};

// Shard I of N takes base samples [I*B/N, (I+1)*B/N) of B, so shard sizes
// differ by one base sample at most; with N > B some shards are empty. A
// base with K variants is rows base*(K+1) .. base*(K+1)+K.
RowRange shard_rows(const Shard& shard, std::uint64_t bases, std::uint64_t rows_per_base);

// Reads a variable of the environment; nullptr when unset.
using Environment = std::function<const char*(const char*)>;

// The value of --shard: "I/N"; "auto" (a Slurm job array:
// SLURM_ARRAY_TASK_ID less SLURM_ARRAY_TASK_MIN, over SLURM_ARRAY_TASK_STEP,
// of SLURM_ARRAY_TASK_COUNT); "auto/N" (also a Kubernetes Indexed Job:
// JOB_COMPLETION_INDEX of N, N also from SHAPEGEN_SHARD_COUNT). Throws
// ConfigError naming --shard, the value and what is allowed.
Shard parse_shard(const std::string& text, const Environment& env);

// A preset file, or a dataset's dataset.ini: a shard's dataset.ini is the
// recipe followed by a [shard] record, returned in `recorded` (whole for
// anything else). defaults <- file <- overrides, checked as load_config does.
Config load_recipe(const std::string& path, const Assignments& overrides,
                   Shard* recorded = nullptr);

}  // namespace shapegen
