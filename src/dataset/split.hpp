#pragma once
// Which split (train / val / test) each base sample belongs to. All variants
// of a base sample share its split, so no shape leaks across splits.
#include <cstdint>
#include <string>
#include <vector>

#include "dataset/output_spec.hpp"
#include "scene/sampler.hpp"
#include "shapegen/value.hpp"

namespace shapegen {

class Splitter {
 public:
  // `fractions`: output.split. Exact mode (per-class quotas instead of a
  // hash of each sample's seed) draws the first object's class of every base
  // sample to count classes, on `jobs` threads.
  Splitter(const Weights& fractions, SplitMode mode, std::uint64_t seed, std::uint64_t count,
           const Sampler& sampler, int jobs = 1);
  const std::string& split_of(std::uint64_t base_index) const;
  // The splits with a non-zero fraction, in order train, val, test.
  const std::vector<std::string>& splits() const { return used_; }

 private:
  Weights fractions_;
  std::vector<std::string> used_;
  std::uint64_t seed_;
  std::vector<std::uint8_t> exact_;  // split index per base sample (exact mode)
};

}  // namespace shapegen
