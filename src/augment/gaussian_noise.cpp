// gaussian_noise: additive sensor noise, v + sigma * N(0, 1) per value.
#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

class GaussianNoise : public Op {
 public:
  explicit GaussianNoise(const Config& c) : sigma_(c.range("gaussian_noise.sigma")) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double sigma = draw(rng, sigma_);
    for (auto& v : s.image.pixels) v = to_level(v + sigma * rng.normal());
    rec.add("sigma", sigma);
  }

 private:
  Range sigma_;
};

}  // namespace

OpDecl gaussian_noise() {
  return {"gaussian_noise", "noise", Phase::pixels, "Additive gaussian noise.",
          {declare::range("gaussian_noise.sigma", "3..10", {0, 255}, "Standard deviation, gray levels.")},
          [](const Config& c) { return std::make_unique<GaussianNoise>(c); }};
}

}  // namespace shapegen::ops
