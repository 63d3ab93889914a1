#include "base/rng.hpp"

#include <cmath>

namespace shapegen {

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t hash_name(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : name) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t sample_seed(std::uint64_t seed, std::uint64_t index) {
  std::uint64_t state = seed;
  std::uint64_t a = splitmix64(state);
  state = a ^ (index * 0xd1b54a32d192ed03ULL);
  return splitmix64(state);
}

Rng::Rng(std::uint64_t seed) {
  std::uint64_t state = seed;
  for (auto& word : s_) word = splitmix64(state);
}

Rng Rng::stream(std::uint64_t sample_seed, std::string_view stage) {
  std::uint64_t state = sample_seed ^ hash_name(stage);
  return Rng(splitmix64(state));
}

std::int64_t Rng::uniform_int(std::int64_t lo, std::int64_t hi) {
  const std::uint64_t span = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
  if (span == 0) return static_cast<std::int64_t>(next_u64());  // the full 64-bit range
  // Rejection keeps the result unbiased: drop the incomplete top bucket.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % span;
  std::uint64_t x;
  do {
    x = next_u64();
  } while (x >= limit);
  return lo + static_cast<std::int64_t>(x % span);
}

Ziggurat::Ziggurat() {
  const double m = 2147483648.0;  // 2^31
  double d = kR, t = kR;
  const double q = kV / std::exp(-0.5 * d * d);
  k[0] = static_cast<std::uint32_t>(d / q * m);
  k[1] = 0;
  w[0] = q / m;
  w[127] = d / m;
  f[0] = 1.0;
  f[127] = std::exp(-0.5 * d * d);
  for (int i = 126; i >= 1; --i) {
    d = std::sqrt(-2.0 * std::log(kV / d + std::exp(-0.5 * d * d)));
    k[i + 1] = static_cast<std::uint32_t>(d / t * m);
    t = d;
    f[i] = std::exp(-0.5 * d * d);
    w[i] = d / m;
  }
}

double Rng::normal_rest(std::int32_t hz) {
  const Ziggurat& z = ziggurat();
  for (;;) {
    const int iz = hz & 127;
    const double x = hz * z.w[iz];
    if (iz == 0) {  // the tail beyond kR, by Marsaglia's exponential method
      double tx, ty;
      do {
        tx = -std::log(1.0 - uniform01()) / Ziggurat::kR;
        ty = -std::log(1.0 - uniform01());
      } while (ty + ty < tx * tx);
      return hz > 0 ? Ziggurat::kR + tx : -Ziggurat::kR - tx;
    }
    // The wedge between the rectangle and the curve.
    if (z.f[iz] + uniform01() * (z.f[iz - 1] - z.f[iz]) < std::exp(-0.5 * x * x)) return x;
    // Rejected: a new try, as normal() makes it.
    hz = static_cast<std::int32_t>(next_u64() >> 32);
    const std::uint32_t magnitude = hz < 0 ? std::uint32_t(-std::int64_t(hz)) : std::uint32_t(hz);
    if (magnitude < z.k[hz & 127]) return hz * z.w[hz & 127];
  }
}

std::size_t Rng::choice(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double x = uniform01() * total;
  std::size_t last_positive = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] <= 0) continue;
    last_positive = i;
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  return last_positive;  // rounding left x at the very top
}

}  // namespace shapegen
