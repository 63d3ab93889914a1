#pragma once
// Our own generator and distributions: std::*_distribution differ between
// standard libraries, and every sample must be byte-identical everywhere.
#include <cstdint>
#include <span>
#include <string_view>

namespace shapegen {

// One step of SplitMix64; used to expand seeds and to mix stream keys.
std::uint64_t splitmix64(std::uint64_t& state);

// FNV-1a, for turning a stage name into a stream key.
std::uint64_t hash_name(std::string_view name);

// The seed of sample `index` in a dataset with seed `seed`.
std::uint64_t sample_seed(std::uint64_t seed, std::uint64_t index);

// xoshiro256** seeded through SplitMix64.
class Rng {
 public:
  explicit Rng(std::uint64_t seed);
  // A stream of its own for one stage of one sample, so enabling a stage does
  // not shift the draws of any other stage.
  static Rng stream(std::uint64_t sample_seed, std::string_view stage);

  std::uint64_t next_u64();
  // Uniform in [0, 1) with 53 random bits.
  double uniform01();
  // Uniform in [lo, hi); returns lo when lo == hi.
  double uniform(double lo, double hi);
  // Uniform integer in [lo, hi], unbiased.
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);
  // Standard normal (ziggurat method).
  double normal();
  bool bernoulli(double p);
  // Index i with probability weights[i] / sum(weights); sum must be > 0.
  std::size_t choice(std::span<const double> weights);

 private:
  std::uint64_t s_[4];
};

}  // namespace shapegen
