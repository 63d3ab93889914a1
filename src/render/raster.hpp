#pragma once
// The Cairo rasterizer: draws a Scene into pixels, and one object's ink into
// a coverage mask for its labels.
#include "shapegen/image.hpp"
#include "shapegen/scene.hpp"

namespace shapegen {

// The whole scene: background, then objects in order. Gray scenes give a
// 1-channel image, RGB scenes 3 channels.
Image render_scene(const Scene& scene);

// Coverage (0 none .. 255 full) of one object's ink over the window of the
// plane with top-left corner (x0, y0) and size width x height; the window may
// extend beyond the frame. Same path, antialiasing and stroke as render_scene.
Image render_coverage(const Scene& scene, const Object& object, int x0, int y0, int width,
                      int height);

// Coverage of the ink of all objects together, over the same kind of window.
Image render_ink_coverage(const Scene& scene, int x0, int y0, int width, int height);

// Sum of a coverage mask, in pixels (255 = one full pixel).
double coverage_area(const Image& mask);

}  // namespace shapegen
