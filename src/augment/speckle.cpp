// speckle: multiplicative noise, v * (1 + sigma * N(0, 1)); bright ink gets
// noisier than a dark background, as with coherent imaging.
#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

class Speckle : public Op {
 public:
  explicit Speckle(const Config& c) : sigma_(c.range("speckle.sigma")) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double sigma = draw(rng, sigma_);
    for (auto& v : s.image.pixels) v = to_level(v * (1 + sigma * rng.normal()));
    rec.add("sigma", sigma);
  }

 private:
  Range sigma_;
};

}  // namespace

OpDecl speckle() {
  return {"speckle", "noise", Phase::pixels, "Multiplicative (speckle) noise.",
          {declare::range("speckle.sigma", "0.05..0.15", {0, 10}, "Relative standard deviation.")},
          [](const Config& c) { return std::make_unique<Speckle>(c); }};
}

}  // namespace shapegen::ops
