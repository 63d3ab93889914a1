// gaussian_blur: out-of-focus softening with a gaussian kernel.
#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

class GaussianBlur : public Op {
 public:
  explicit GaussianBlur(const Config& c) : sigma_(c.range("gaussian_blur.sigma")) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double sigma = draw(rng, sigma_);
    FloatImage img(s.image);
    gaussian_blur(img, sigma);
    img.store(s.image);
    rec.add("sigma", sigma);
  }

 private:
  Range sigma_;
};

}  // namespace

OpDecl gaussian_blur() {
  return {"gaussian_blur", "convolution", Phase::pixels, "Gaussian blur.",
          {declare::range("gaussian_blur.sigma", "0.5..1.5", {0, 100}, "Standard deviation, px.")},
          [](const Config& c) { return std::make_unique<GaussianBlur>(c); }};
}

}  // namespace shapegen::ops
