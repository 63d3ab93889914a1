// speckle: multiplicative noise, v * (1 + sigma * N(0, 1)); bright ink gets
// noisier than a dark background, as with coherent imaging.
#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

struct SpeckleParams {
  Range sigma;
};

class Speckle : public Op {
 public:
  explicit Speckle(const SpeckleParams& p) : p_(p) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double sigma = draw(rng, p_.sigma);
    for (auto& v : s.image.pixels) v = to_level(v * (1 + sigma * rng.normal()));
    rec.add("sigma", sigma);
  }

 private:
  const SpeckleParams p_;
};

}  // namespace

OpDecl speckle_op() {
  using P = SpeckleParams;
  return declare_op<Speckle>(
      "speckle", OpFamily::noise, Phase::pixels, "Multiplicative (speckle) noise.",
      {field(&P::sigma,
             declare::range("sigma", "0.05..0.15", {0, 10}, "Relative standard deviation."))});
}

}  // namespace shapegen::ops
