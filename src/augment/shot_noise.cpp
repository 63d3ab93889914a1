// shot_noise: photon (Poisson) noise. A value v is the mean of v/255 * peak
// photons; fewer photons at full scale mean a noisier image.
#include <cmath>

#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

// Poisson variate: Knuth's product method for small means, a rounded normal
// approximation above (where it is within a fraction of a level).
double poisson(Rng& rng, double mean) {
  if (mean <= 0) return 0;
  if (mean > 60) return std::max(0.0, std::round(mean + std::sqrt(mean) * rng.normal()));
  const double limit = std::exp(-mean);
  double product = rng.uniform01();
  int k = 0;
  while (product > limit) {
    ++k;
    product *= rng.uniform01();
  }
  return k;
}

struct ShotNoiseParams {
  Range peak;
};

class ShotNoise : public Op {
 public:
  explicit ShotNoise(const ShotNoiseParams& p) : p_(p) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double peak = draw(rng, p_.peak);
    for (auto& v : s.image.pixels) v = to_level(poisson(rng, v / 255.0 * peak) * 255.0 / peak);
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
