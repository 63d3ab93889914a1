#pragma once
// The keys of a dataset run that are not about the picture: what the
// dataset is, its size and seed (dataset.*) and the library versions
// recorded in dataset.ini. The layouts written (output.*) are declared by
// the dataset layer, whose layout table names them (dataset/output_spec).
#include <cstdint>
#include <string>
#include <vector>

#include "params/bind.hpp"

namespace shapegen {

struct RunSpec {
  std::string description;
  std::int64_t count = 0;
  std::uint64_t seed = 0;  // sample i draws from sample_seed(seed, i)
  int variants = 0;
};

// dataset.description, dataset.count, dataset.seed, dataset.variants.
const ParamList<RunSpec>& run_params();
// dataset.<library>_version: written for the record, never read back.
std::vector<OptionDecl> recorded_options();

}  // namespace shapegen
