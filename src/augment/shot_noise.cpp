// shot_noise: photon (Poisson) noise. A value v is the mean of v/255 * peak
// photons; fewer photons at full scale mean a noisier image.
#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

// Means above this take a rounded normal approximation (within a fraction of
// a level there); below it, exact inversion of the Poisson CDF.
constexpr double kNormalAbove = 60;

// Poisson variates by inversion: one uniform draw per value, looked up in
// the CDF of that value's mean, built the first time an image needs it (an
// image holds few distinct levels; Knuth's method took a draw per photon).
class PoissonTables {
 public:
  explicit PoissonTables(double peak) : peak_(peak) {}

  double draw(Rng& rng, std::uint8_t level) {
    const double mean = level / 255.0 * peak_;
    if (mean <= 0) return 0;
    if (mean > kNormalAbove)
      return std::max(0.0, std::round(mean + std::sqrt(mean) * rng.normal()));
    if (size_[level] == 0) build(level, mean);
    const double* cdf = &cdfs_[begin_[level]];
    const double u = rng.uniform01();
    // The first k with cdf[k] > u: how many entries are <= u, counted by a
    // binary search without branches (the padding is +inf).
    std::size_t k = 0;
    for (std::size_t step = kStride / 2; step > 0; step /= 2)
      k = cdf[k + step - 1] <= u ? k + step : k;
    return double(std::min<std::size_t>(k, size_[level] - 1));
  }

 private:
  // Entries per table: a mean of at most 60 needs fewer than 140.
  static constexpr std::size_t kStride = 256;

  // P(X <= k) for k = 0, 1, ... until the tail beyond is below 1e-16.
  void build(std::uint8_t level, double mean) {
    begin_[level] = std::uint32_t(cdfs_.size());
    double p = std::exp(-mean), sum = 0;
    for (int k = 0;; ++k) {
      sum += p;
      cdfs_.push_back(sum);
      if ((k > mean && p < 1e-17) || sum >= 1) break;
      p *= mean / (k + 1);
    }
    size_[level] = std::uint32_t(cdfs_.size() - begin_[level]);
    cdfs_.resize(begin_[level] + kStride, INFINITY);
  }

  double peak_;
  std::vector<double> cdfs_;                         // tables of kStride entries, end to end
  std::array<std::uint32_t, 256> begin_{}, size_{};  // size 0: not built yet
};

struct ShotNoiseParams {
  Range peak;
};

class ShotNoise : public Op {
 public:
  explicit ShotNoise(const ShotNoiseParams& p) : p_(p) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double peak = draw(rng, p_.peak);
    PoissonTables poisson(peak);
    for (auto& v : s.image.pixels) v = to_level(poisson.draw(rng, v) * 255.0 / peak);
    rec.add("peak", peak);
  }

 private:
  const ShotNoiseParams p_;
};

}  // namespace

OpDecl shot_noise_op() {
  using P = ShotNoiseParams;
  return declare_op<ShotNoise>(
      "shot_noise", "noise", Phase::pixels, "Poisson (shot) noise.",
      {field(&P::peak, declare::range("peak", "30..200", {1, 1e6},
                                      "Photons at full scale (255); lower is noisier."))});
}

}  // namespace shapegen::ops
