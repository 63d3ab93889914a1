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

// One pass of a symmetric 1-D kernel along rows (horizontal) or columns.
// Each line is copied into a buffer padded with its end values, so the inner
// loop has no bounds checks.
static void convolve_1d(FloatImage& img, const std::vector<double>& kernel, bool horizontal) {
  const int r = int(kernel.size() / 2);
  const int w = img.width, h = img.height, ch = img.channels;
  const int length = horizontal ? w : h, lines = horizontal ? h : w;
  const std::size_t step = horizontal ? ch : std::size_t(w) * ch;  // between neighbours on a line
  std::vector<float> k(kernel.begin(), kernel.end());
  std::vector<float> line(length + 2 * r);
  for (int l = 0; l < lines; ++l)
    for (int c = 0; c < ch; ++c) {
      float* first = &img.v[(horizontal ? std::size_t(l) * w * ch : std::size_t(l) * ch) + c];
      for (int i = 0; i < length + 2 * r; ++i) line[i] = first[std::clamp(i - r, 0, length - 1) * step];
      for (int i = 0; i < length; ++i) {
        float sum = 0;
        for (int t = 0; t <= 2 * r; ++t) sum += k[t] * line[i + t];
        first[i * step] = sum;
      }
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
