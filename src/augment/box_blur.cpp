// box_blur: the mean over a square window.
#include <cmath>

#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

class BoxBlur : public Op {
 public:
  explicit BoxBlur(const Config& c) : radius_(c.range("box_blur.radius")) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const int radius = int(std::lround(draw(rng, radius_)));
    FloatImage img(s.image);
    box_blur(img, radius);
    img.store(s.image);
    rec.add("radius", double(radius));
  }

 private:
  Range radius_;
};

}  // namespace

OpDecl box_blur() {
  return {"box_blur", "convolution", Phase::pixels, "Box (mean) blur over a (2r+1)^2 window.",
          {declare::range("box_blur.radius", "1..2", {0, 50}, "Window radius r, px (rounded).")},
          [](const Config& c) { return std::make_unique<BoxBlur>(c); }};
}

}  // namespace shapegen::ops
