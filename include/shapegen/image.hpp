#pragma once
// layer: base
// An 8-bit raster: gray (1 channel) or RGB (3 channels), rows top to bottom.
#include <cstdint>
#include <vector>

namespace shapegen {

struct Image {
  int width = 0;
  int height = 0;
  int channels = 1;
  std::vector<std::uint8_t> pixels;  // width * height * channels, interleaved

  Image() = default;
  Image(int w, int h, int c) : width(w), height(h), channels(c), pixels(std::size_t(w) * h * c) {}
  std::uint8_t& at(int x, int y, int c = 0) {
    return pixels[(std::size_t(y) * width + x) * channels + c];
  }
  std::uint8_t at(int x, int y, int c = 0) const {
    return pixels[(std::size_t(y) * width + x) * channels + c];
  }
  bool operator==(const Image&) const = default;
};

}  // namespace shapegen
