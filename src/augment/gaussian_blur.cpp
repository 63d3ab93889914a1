// gaussian_blur: out-of-focus softening with a gaussian kernel.
#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

struct GaussianBlurParams {
  Range sigma;
};

class GaussianBlur : public Op {
 public:
  explicit GaussianBlur(const GaussianBlurParams& p) : p_(p) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double sigma = draw(rng, p_.sigma);
    FloatImage img(s.image);
    gaussian_filter(img, sigma);
    img.store(s.image);
    rec.add("sigma", sigma);
  }

 private:
  const GaussianBlurParams p_;
};

}  // namespace

OpDecl gaussian_blur_op() {
  using P = GaussianBlurParams;
  return declare_op<GaussianBlur>(
      "gaussian_blur", OpFamily::convolution, Phase::pixels, "Gaussian blur.",
      {field(&P::sigma, declare::range("sigma", "0.5..1.5", {0, 100}, "Standard deviation, px."))});
}

}  // namespace shapegen::ops
