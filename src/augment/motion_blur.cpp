// motion_blur: the camera or the shape moved during the exposure: each pixel
// is the mean of the image along a line segment centred on it.
#include <cmath>
#include <numbers>

#include "ops.hpp"
#include "pixels.hpp"

namespace shapegen::ops {

namespace {

class MotionBlur : public Op {
 public:
  explicit MotionBlur(const Config& c)
      : length_(c.range("motion_blur.length")), angle_(c.range("motion_blur.angle")) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double length = draw(rng, length_), angle = draw(rng, angle_);
    const double ux = std::cos(angle * std::numbers::pi / 180), uy = std::sin(angle * std::numbers::pi / 180);
    const int taps = std::max(2, int(std::ceil(length * 2)));  // two samples per pixel of travel
    const FloatImage src(s.image);
    FloatImage out = src;
    for (int y = 0; y < src.height; ++y)
      for (int x = 0; x < src.width; ++x)
        for (int c = 0; c < src.channels; ++c) {
          double sum = 0;
          for (int k = 0; k < taps; ++k) {
            const double t = (double(k) / (taps - 1) - 0.5) * length;
            sum += src.sample(x + t * ux, y + t * uy, c);
          }
          out.at(x, y, c) = float(sum / taps);
        }
    out.store(s.image);
    rec.add("length", length);
    rec.add("angle", angle);
  }

 private:
  Range length_, angle_;
};

}  // namespace

OpDecl motion_blur() {
  using namespace declare;
  return {"motion_blur", "convolution", Phase::pixels, "Linear motion blur.",
          {range("motion_blur.length", "3..7", {0, 200}, "Length of the motion, px."),
           range("motion_blur.angle", "0..180", {-3600, 3600}, "Direction of the motion, degrees.")},
          [](const Config& c) { return std::make_unique<MotionBlur>(c); }};
}

}  // namespace shapegen::ops
