#include "pixels.hpp"

#include <algorithm>
#include <cmath>

namespace shapegen::ops {

FloatImage::FloatImage(const Image& img)
    : width(img.width), height(img.height), channels(img.channels), v(img.pixels.begin(), img.pixels.end()) {}

float FloatImage::sample(double x, double y, int c) const {
  x = std::clamp(x, 0.0, width - 1.0);
  y = std::clamp(y, 0.0, height - 1.0);
  const int x0 = int(x), y0 = int(y);
  const int x1 = std::min(x0 + 1, width - 1), y1 = std::min(y0 + 1, height - 1);
  const double tx = x - x0, ty = y - y0;
  const double top = at(x0, y0, c) * (1 - tx) + at(x1, y0, c) * tx;
  const double bottom = at(x0, y1, c) * (1 - tx) + at(x1, y1, c) * tx;
  return float(top * (1 - ty) + bottom * ty);
}

std::uint8_t to_level(double v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 255.0))); }

void FloatImage::store(Image& img) const {
  for (std::size_t i = 0; i < v.size(); ++i) img.pixels[i] = to_level(v[i]);
}

// One pass of a symmetric 1-D kernel along x (horizontal) or y.
static void convolve_1d(FloatImage& img, const std::vector<double>& kernel, bool horizontal) {
  const int r = int(kernel.size() / 2);
  const std::vector<float> src = img.v;
  const int w = img.width, h = img.height, ch = img.channels;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < ch; ++c) {
        double sum = 0;
        for (int k = -r; k <= r; ++k) {
          const int sx = horizontal ? std::clamp(x + k, 0, w - 1) : x;
          const int sy = horizontal ? y : std::clamp(y + k, 0, h - 1);
          sum += kernel[k + r] * src[(std::size_t(sy) * w + sx) * ch + c];
        }
        img.at(x, y, c) = float(sum);
      }
}

void gaussian_blur(FloatImage& img, double sigma) {
  if (sigma <= 0) return;
  const int r = std::max(1, int(std::ceil(3 * sigma)));
  std::vector<double> kernel(2 * r + 1);
  double total = 0;
  for (int k = -r; k <= r; ++k) total += kernel[k + r] = std::exp(-k * k / (2 * sigma * sigma));
  for (double& x : kernel) x /= total;
  convolve_1d(img, kernel, true);
  convolve_1d(img, kernel, false);
}

void box_blur(FloatImage& img, int radius) {
  if (radius <= 0) return;
  const std::vector<double> kernel(2 * radius + 1, 1.0 / (2 * radius + 1));
  convolve_1d(img, kernel, true);
  convolve_1d(img, kernel, false);
}

}  // namespace shapegen::ops
