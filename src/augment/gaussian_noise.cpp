// gaussian_noise: additive sensor noise, v + sigma * N(0, 1) per value.
#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

struct GaussianNoiseParams {
  Range sigma;
};

class GaussianNoise : public Op {
 public:
  explicit GaussianNoise(const GaussianNoiseParams& p) : p_(p) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double sigma = draw(rng, p_.sigma);
    for (auto& v : s.image.pixels) v = to_level(v + sigma * rng.normal());
    rec.add("sigma", sigma);
  }

 private:
  const GaussianNoiseParams p_;
};

}  // namespace

OpDecl gaussian_noise_op() {
  using P = GaussianNoiseParams;
  return declare_op<GaussianNoise>(
      "gaussian_noise", OpFamily::noise, Phase::pixels, "Additive gaussian noise.",
      {field(&P::sigma,
             declare::range("sigma", "3..10", {0, 255}, "Standard deviation, gray levels."))});
}

}  // namespace shapegen::ops
