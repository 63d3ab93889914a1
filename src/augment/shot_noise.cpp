// shot_noise: photon (Poisson) noise. A value v is the mean of v/255 * peak
// photons; fewer photons at full scale mean a noisier image.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <vector>

#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

// Means above this take a rounded normal approximation (within a fraction of
// a level there); below it, exact inversion of the Poisson CDF.
constexpr double kNormalAbove = 60;

// Poisson variates by inversion: one uniform draw per value (Knuth's method
// took one per photon), looked up in a table of the CDF of that value's mean,
// or summed on the fly for a level's first value.
class PoissonTables {
 public:
  explicit PoissonTables(double peak) : peak_(peak), cdfs_(kept()) { cdfs_.clear(); }

  double draw(Rng& rng, std::uint8_t level) {
    const double mean = level / 255.0 * peak_;
    if (mean <= 0) return 0;
    if (mean > kNormalAbove)
      return std::max(0.0, std::round(mean + std::sqrt(mean) * rng.normal()));
    const double u = rng.uniform01();
    // A level seen once is inverted on the fly; from its second value on, a
    // table pays (an image holds many levels once, on its antialiased edges).
    if (size_[level] == 0 && seen_[level]++ == 0) return invert(mean, u, nullptr);
    if (size_[level] == 0) build(level, mean);
    const double* cdf = &cdfs_[begin_[level]];
    // The first k with cdf[k] > u: how many entries are <= u, counted by a
    // binary search without branches over the table padded with +inf to a
    // power of two.
    const std::size_t n = size_[level];
    std::size_t k = 0;
    for (std::size_t step = std::bit_ceil(n) / 2; step > 0; step /= 2)
      k = cdf[k + step - 1] <= u ? k + step : k;
    return double(std::min(k, n - 1));
  }

 private:
  // P(X <= k) for k = 0, 1, ... until the tail beyond is below 1e-16, summed
  // in one order, so the table and the search on the fly find the same k:
  // with `table`, every entry is kept and the last k is returned; without,
  // the first k with P(X <= k) > u.
  static std::size_t invert(double mean, double u, std::vector<double>* table) {
    double p = std::exp(-mean), sum = 0;
    for (int k = 0;; ++k) {
      sum += p;
      if (table)
        table->push_back(sum);
      else if (sum > u)
        return std::size_t(k);
      if ((k > mean && p < 1e-17) || sum >= 1) return std::size_t(k);
      p *= mean / (k + 1);
    }
  }

  void build(std::uint8_t level, double mean) {
    begin_[level] = std::uint32_t(cdfs_.size());
    invert(mean, 0, &cdfs_);
    size_[level] = std::uint32_t(cdfs_.size() - begin_[level]);
    cdfs_.resize(begin_[level] + std::bit_ceil(cdfs_.size() - begin_[level]), INFINITY);
  }

  // The tables' storage, kept per thread: its capacity outlives the image.
  static std::vector<double>& kept() {
    thread_local std::vector<double> tables;
    return tables;
  }

  double peak_;
  std::vector<double>& cdfs_;                        // the tables, end to end
  std::array<std::uint32_t, 256> begin_{}, size_{};  // size 0: not built yet
  std::array<std::uint8_t, 256> seen_{};             // values drawn at the level, up to 1
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
      "shot_noise", OpFamily::noise, Phase::pixels, "Poisson (shot) noise.",
      {field(&P::peak, declare::range("peak", "30..200", {1, 1e6},
                                      "Photons at full scale (255); lower is noisier."))});
}

}  // namespace shapegen::ops
