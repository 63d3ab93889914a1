// sharpen: unsharp mask, v + amount * (v - gaussian(v, radius)); enhances edges.
#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

struct SharpenParams {
  Range amount, radius;
};

class Sharpen : public Op {
 public:
  explicit Sharpen(const SharpenParams& p) : p_(p) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double amount = draw(rng, p_.amount), radius = draw(rng, p_.radius);
    FloatImage sharp(s.image);
    FloatImage blurred = sharp;
    gaussian_filter(blurred, radius);
    for (std::size_t i = 0; i < sharp.v.size(); ++i)
      sharp.v[i] += float(amount * (sharp.v[i] - blurred.v[i]));
    sharp.store(s.image);
    rec.add("amount", amount);
    rec.add("radius", radius);
  }

 private:
  const SharpenParams p_;
};

}  // namespace

OpDecl sharpen_op() {
  using namespace declare;
  using P = SharpenParams;
  return declare_op<Sharpen>(
      "sharpen", OpFamily::convolution, Phase::pixels, "Sharpen / enhance with an unsharp mask.",
      {field(&P::amount, range("amount", "0.5..1.5", {0, 20}, "Strength of the mask.")),
       field(&P::radius,
             range("radius", "0.5..1.5", {0.1, 50}, "Gaussian radius (sigma) of the mask, px."))});
}

}  // namespace shapegen::ops
