#pragma once
// Private helpers for pixel ops: float planes, separable filters, rounding.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "shapegen/image.hpp"

namespace shapegen::ops {

// Interleaved float copy of an image (same layout as Image::pixels).
struct FloatImage {
  int width, height, channels;
  std::vector<float> v;
  explicit FloatImage(const Image& img);
  float& at(int x, int y, int c) { return v[(std::size_t(y) * width + x) * channels + c]; }
  float at(int x, int y, int c) const { return v[(std::size_t(y) * width + x) * channels + c]; }
  // Bilinear sample with edge clamping.
  float sample(double x, double y, int c) const;
  // Back to 8 bits: round to nearest, clamp to 0..255.
  void store(Image& img) const;
};

// Round half up after clamping; for the non-negative values left this equals
// std::lround, without a library call per value. Inline: ops call it per value.
inline std::uint8_t to_level(double v) {
  return static_cast<std::uint8_t>(std::min(std::max(v, 0.0), 255.0) + 0.5);
}

// Separable filters; edges replicate the border pixel.
void gaussian_filter(FloatImage& img, double sigma);
void box_filter(FloatImage& img, int radius);

}  // namespace shapegen::ops
