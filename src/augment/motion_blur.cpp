// motion_blur: the camera or the shape moved during the exposure: each pixel
// is the mean of the image along a line segment centred on it.
#include <algorithm>
#include <cmath>
#include <vector>

#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

struct MotionBlurParams {
  Range length, angle;
};

class MotionBlur : public Op {
 public:
  explicit MotionBlur(const MotionBlurParams& p) : p_(p) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double length = draw(rng, p_.length), angle = draw(rng, p_.angle);
    const double ux = std::cos(radians(angle)), uy = std::sin(radians(angle));
    // The segment splatted into a small kernel of whole-pixel taps (bilinear
    // weights, two samples per pixel of travel), then applied to an
    // edge-padded copy: no interpolation or bounds checks per pixel.
    const int samples = std::max(2, int(std::ceil(length * 2)));
    const int reach = int(std::ceil(length / 2)) + 1;
    const int side = 2 * reach + 1;
    std::vector<double> kernel(side * side, 0.0);
    for (int k = 0; k < samples; ++k) {
      const double t = (double(k) / (samples - 1) - 0.5) * length;
      const double x = t * ux + reach, y = t * uy + reach;
      const int x0 = int(std::floor(x)), y0 = int(std::floor(y));
      const double fx = x - x0, fy = y - y0;
      kernel[y0 * side + x0] += (1 - fx) * (1 - fy) / samples;
      kernel[y0 * side + x0 + 1] += fx * (1 - fy) / samples;
      kernel[(y0 + 1) * side + x0] += (1 - fx) * fy / samples;
      kernel[(y0 + 1) * side + x0 + 1] += fx * fy / samples;
    }
    struct Tap {
      int dx, dy;
      float weight;
    };
    std::vector<Tap> taps;
    for (int i = 0; i < side * side; ++i)
      if (kernel[i] > 0) taps.push_back({i % side - reach, i / side - reach, float(kernel[i])});

    const FloatImage src(s.image);
    const int w = src.width, h = src.height, ch = src.channels, pw = w + 2 * reach;
    std::vector<float> padded(std::size_t(pw) * (h + 2 * reach) * ch);
    for (int y = 0; y < h + 2 * reach; ++y)
      for (int x = 0; x < pw; ++x)
        for (int c = 0; c < ch; ++c)
          padded[(std::size_t(y) * pw + x) * ch + c] =
              src.at(std::clamp(x - reach, 0, w - 1), std::clamp(y - reach, 0, h - 1), c);
    // Whole rows at a time: for each tap, add a shifted padded row (contiguous,
    // so it vectorizes).
    FloatImage out = src;
    const int n = w * ch;
    for (int y = 0; y < h; ++y) {
      float* row = &out.v[std::size_t(y) * n];
      std::fill(row, row + n, 0.0f);
      for (const Tap& t : taps) {
        const float* in = &padded[(std::size_t(y + reach + t.dy) * pw + reach + t.dx) * ch];
        for (int i = 0; i < n; ++i) row[i] += t.weight * in[i];
      }
    }
    out.store(s.image);
    rec.add("length", length);
    rec.add("angle", angle);
  }

 private:
  const MotionBlurParams p_;
};

}  // namespace

OpDecl motion_blur_op() {
  using namespace declare;
  using P = MotionBlurParams;
  return declare_op<MotionBlur>(
      "motion_blur", OpFamily::convolution, Phase::pixels, "Linear motion blur.",
      {field(&P::length, range("length", "3..7", {0, 200}, "Length of the motion, px.")),
       field(&P::angle,
             range("angle", "0..180", {-3600, 3600}, "Direction of the motion, degrees."))});
}

}  // namespace shapegen::ops
