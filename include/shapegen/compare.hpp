#pragma once
// layer: check
// Image comparison in the terms of image-comparison tools (OpenImageIO's
// idiff): a pixel fails when any channel differs by more than `fail`; the
// comparison passes when at most `fail_percent` % of pixels fail and no
// channel anywhere differs by more than `hard_fail`. The defaults demand
// identical pixels.
#include <cstdint>
#include <string>

#include "shapegen/image.hpp"

namespace shapegen {

struct Tolerance {
  int fail = 0;             // per-pixel threshold, levels
  double fail_percent = 0;  // allowed share of failing pixels, percent
  int hard_fail = 255;      // no channel may differ by more than this
  bool exact() const { return fail == 0 && fail_percent == 0; }
};

struct ImageComparison {
  bool same_shape = true;  // width, height and channels agree
  int worst = 0;           // largest channel difference
  int worst_x = 0, worst_y = 0;
  std::uint64_t failing = 0;  // pixels over `fail`
  std::uint64_t pixels = 0;
  bool passed = true;
  std::string describe() const;  // "3 of 4096 pixels differ by more than 0 (worst 17 at 12,40)"
};

ImageComparison compare_images(const Image& expected, const Image& actual,
                               const Tolerance& tolerance);

// An RGB picture of where two same-shaped images differ: the expected image
// dimmed to a quarter, differing pixels in red, brighter the larger the
// difference (128 + 16 per level), so a one-level change is plain to see.
Image difference_image(const Image& expected, const Image& actual);

}  // namespace shapegen
