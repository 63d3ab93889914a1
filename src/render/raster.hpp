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

// Crop renders all ink to search its shift, occlude to measure what it
// hides, and the labels of a lone object need that same coverage again. So
// each thread keeps its last render_ink_coverage with a copy of the objects
// it shows (compared whole: any change to them is a miss), and both
// functions above serve a request for the same objects (all of them, or the
// only one) over a window it holds from it instead of drawing again.
// After moving every object of `scene` by a whole-pixel `by` (crop's shift),
// this moves the kept render along; it is dropped when it does not match.
void ink_coverage_moved(const Scene& scene, Point by);

// Sum of a coverage mask, in pixels (255 = one full pixel).
double coverage_area(const Image& mask);

}  // namespace shapegen
