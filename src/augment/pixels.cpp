#include "augment/pixels.hpp"

#include <algorithm>
#include <cmath>

namespace shapegen::ops {

FloatImage::FloatImage(const Image& img)
    : width(img.width),
      height(img.height),
      channels(img.channels),
      v(img.pixels.begin(), img.pixels.end()) {}

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

void FloatImage::store(Image& img) const {
  // Bounds and pointers in locals: a byte store could alias them.
  const float* in = v.data();
  std::uint8_t* out = img.pixels.data();
  const std::size_t n = v.size();
  for (std::size_t i = 0; i < n; ++i) out[i] = to_level(in[i]);
}

// Separable passes of a symmetric kernel. Both work on whole interleaved rows
// (contiguous, so the compiler vectorizes them) padded with edge values.
static void convolve_rows(FloatImage& img, const std::vector<float>& k) {
  const int r = int(k.size() / 2), ch = img.channels, n = img.width * ch;
  std::vector<float> padded(n + 2 * r * ch);
  for (int y = 0; y < img.height; ++y) {
    float* row = &img.v[std::size_t(y) * n];
    for (int i = 0; i < r * ch; ++i) {
      padded[i] = row[i % ch];
      padded[n + r * ch + i] = row[n - ch + i % ch];
    }
    std::copy(row, row + n, padded.begin() + r * ch);
    std::fill(row, row + n, 0.0f);
    for (int t = 0; t <= 2 * r; ++t) {
      const float* src = &padded[t * ch];
      for (int i = 0; i < n; ++i) row[i] += k[t] * src[i];
    }
  }
}

static void convolve_columns(FloatImage& img, const std::vector<float>& k) {
  const int r = int(k.size() / 2), n = img.width * img.channels, h = img.height;
  const std::vector<float> src = img.v;
  for (int y = 0; y < h; ++y) {
    float* out = &img.v[std::size_t(y) * n];
    std::fill(out, out + n, 0.0f);
    for (int t = -r; t <= r; ++t) {
      const float* in = &src[std::size_t(std::clamp(y + t, 0, h - 1)) * n];
      const float weight = k[t + r];
      for (int i = 0; i < n; ++i) out[i] += weight * in[i];
    }
  }
}

static void convolve_separable(FloatImage& img, const std::vector<float>& kernel) {
  convolve_rows(img, kernel);
  convolve_columns(img, kernel);
}

void gaussian_filter(FloatImage& img, double sigma) {
  if (sigma <= 0) return;
  const int r = std::max(1, int(std::ceil(3 * sigma)));
  std::vector<double> weights(2 * r + 1);
  double total = 0;
  for (int k = -r; k <= r; ++k) total += weights[k + r] = std::exp(-k * k / (2 * sigma * sigma));
  std::vector<float> kernel;
  for (double x : weights) kernel.push_back(float(x / total));
  convolve_separable(img, kernel);
}

void box_filter(FloatImage& img, int radius) {
  if (radius <= 0) return;
  convolve_separable(img, std::vector<float>(2 * radius + 1, 1.0f / (2 * radius + 1)));
}

}  // namespace shapegen::ops
