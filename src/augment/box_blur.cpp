// box_blur: the mean over a square window.
#include <cmath>

#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

struct BoxBlurParams {
  Range radius;
};

class BoxBlur : public Op {
 public:
  explicit BoxBlur(const BoxBlurParams& p) : p_(p) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const int radius = int(std::lround(draw(rng, p_.radius)));
    FloatImage img(s.image);
    box_filter(img, radius);
    img.store(s.image);
    rec.add("radius", double(radius));
  }

 private:
  const BoxBlurParams p_;
};

}  // namespace

OpDecl box_blur_op() {
  using P = BoxBlurParams;
  return declare_op<BoxBlur>(
      "box_blur", OpFamily::convolution, Phase::pixels, "Box (mean) blur over a (2r+1)^2 window.",
      {field(&P::radius,
             declare::range("radius", "1..2", {0, 50}, "Window radius r, px (rounded)."))});
}

}  // namespace shapegen::ops
