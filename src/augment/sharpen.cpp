// sharpen: unsharp mask, v + amount * (v - gaussian(v, radius)); enhances edges.
#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

class Sharpen : public Op {
 public:
  explicit Sharpen(const Config& c) : amount_(c.range("sharpen.amount")), radius_(c.range("sharpen.radius")) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double amount = draw(rng, amount_), radius = draw(rng, radius_);
    FloatImage sharp(s.image);
    FloatImage blurred = sharp;
    gaussian_blur(blurred, radius);
    for (std::size_t i = 0; i < sharp.v.size(); ++i) sharp.v[i] += float(amount * (sharp.v[i] - blurred.v[i]));
    sharp.store(s.image);
    rec.add("amount", amount);
    rec.add("radius", radius);
  }

 private:
  Range amount_, radius_;
};

}  // namespace

OpDecl sharpen() {
  using namespace declare;
  return {"sharpen", "convolution", Phase::pixels, "Sharpen / enhance with an unsharp mask.",
          {range("sharpen.amount", "0.5..1.5", {0, 20}, "Strength of the mask."),
           range("sharpen.radius", "0.5..1.5", {0.1, 50}, "Gaussian radius (sigma) of the mask, px.")},
          [](const Config& c) { return std::make_unique<Sharpen>(c); }};
}

}  // namespace shapegen::ops
