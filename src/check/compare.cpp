#include "shapegen/compare.hpp"

#include <algorithm>
#include <cstdlib>

namespace shapegen {

std::string ImageComparison::describe() const {
  if (!same_shape) return "image shapes differ";
  return std::to_string(failing) + " of " + std::to_string(pixels) +
         " pixels over the threshold (worst " + std::to_string(worst) + " at " +
         std::to_string(worst_x) + "," + std::to_string(worst_y) + ")";
}

ImageComparison compare_images(const Image& expected, const Image& actual,
                               const Tolerance& tolerance) {
  ImageComparison c;
  if (expected.width != actual.width || expected.height != actual.height ||
      expected.channels != actual.channels) {
    c.same_shape = c.passed = false;
    return c;
  }
  c.pixels = std::uint64_t(expected.width) * expected.height;
  for (int y = 0; y < expected.height; ++y)
    for (int x = 0; x < expected.width; ++x) {
      int d = 0;
      for (int ch = 0; ch < expected.channels; ++ch)
        d = std::max(d, std::abs(int(expected.at(x, y, ch)) - int(actual.at(x, y, ch))));
      if (d > c.worst) c.worst = d, c.worst_x = x, c.worst_y = y;
      c.failing += d > tolerance.fail;
    }
  c.passed = c.worst <= tolerance.hard_fail &&
             100.0 * double(c.failing) <= tolerance.fail_percent * double(c.pixels);
  return c;
}

Image difference_image(const Image& expected, const Image& actual) {
  Image out(expected.width, expected.height, 3);
  for (int y = 0; y < expected.height; ++y)
    for (int x = 0; x < expected.width; ++x) {
      int d = 0, level = 0;
      for (int ch = 0; ch < expected.channels; ++ch) {
        d = std::max(d, std::abs(int(expected.at(x, y, ch)) - int(actual.at(x, y, ch))));
        level += expected.at(x, y, ch);
      }
      const auto dim = static_cast<std::uint8_t>(level / expected.channels / 4);
      if (d == 0) {
        out.at(x, y, 0) = out.at(x, y, 1) = out.at(x, y, 2) = dim;
      } else {
        out.at(x, y, 0) = static_cast<std::uint8_t>(std::min(255, 128 + 16 * d));
        out.at(x, y, 1) = out.at(x, y, 2) = 0;
      }
    }
  return out;
}

}  // namespace shapegen
