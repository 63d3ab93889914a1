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

  // The per-value draws are inline: pixel ops make one per value.
  std::uint64_t next_u64() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, 1) with 53 random bits.
  double uniform01() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
  // Uniform in [lo, hi); returns lo when lo == hi.
  double uniform(double lo, double hi) { return lo == hi ? lo : lo + (hi - lo) * uniform01(); }
  // Uniform integer in [lo, hi], unbiased.
  std::int64_t uniform_int(std::int64_t lo, std::int64_t hi);
  // Standard normal (ziggurat method).
  double normal();
  bool bernoulli(double p) { return uniform01() < p; }
  // Index i with probability weights[i] / sum(weights); sum must be > 0.
  std::size_t choice(std::span<const double> weights);

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  // The rest of a normal draw whose first 32 bits `hz` fell outside its
  // layer's rectangle: the tail, the wedge, and any further tries.
  double normal_rest(std::int32_t hz);
  std::uint64_t s_[4];
};

// Marsaglia & Tsang's ziggurat for the standard normal: 128 layers of equal
// area under the density; most draws need one 32-bit random number and a
// compare. Tables are computed once from the layer geometry (rng.cpp).
struct Ziggurat {
  static constexpr double kR = 3.442619855899;       // start of the tail
  static constexpr double kV = 9.91256303526217e-3;  // area of each layer
  std::uint32_t k[128];                              // acceptance thresholds
  double w[128];                                     // scale from a 32-bit integer to x
  double f[128];                                     // density at each layer edge
  Ziggurat();
};

inline const Ziggurat& ziggurat() {
  static const Ziggurat z;
  return z;
}

inline double Rng::normal() {
  const Ziggurat& z = ziggurat();
  const auto hz = static_cast<std::int32_t>(next_u64() >> 32);
  const int iz = hz & 127;
  const std::uint32_t magnitude = hz < 0 ? std::uint32_t(-std::int64_t(hz)) : std::uint32_t(hz);
  if (magnitude < z.k[iz]) return hz * z.w[iz];  // inside the layer's rectangle: the common case
  return normal_rest(hz);
}

}  // namespace shapegen
