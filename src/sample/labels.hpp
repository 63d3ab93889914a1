#pragma once
// Labels from the drawn geometry: boxes, vertex visibility, visible fraction
// and per-object masks, with occluders and objects on top hiding ink.
#include "shapegen/image.hpp"
#include "shapegen/sample.hpp"

namespace shapegen {

// Coverage masks of one object over the frame: all its ink, and the part
// nothing covers.
struct ObjectMasks {
  Image ink;
  Image visible;
};

// Labels of one object. `cover` (0..255 per pixel, empty for none) is what
// hides it: occluders and objects drawn on top. With `masks`, its coverage
// masks are rendered and returned too.
ObjectLabel label_object(const Scene& scene, const Object& object, const Image& cover,
                         ObjectMasks* masks = nullptr);
// Labels of every object of the sample's scene, later objects hiding earlier
// ones (z-order = drawing order); fills Sample::objects (and visible).
void label_scene(Sample& sample, const Image& hidden, bool keep_masks);

// The instance mask of a sample made with masks kept: 0 for background, k + 1
// where object k owns the pixel (the object showing the most visible ink
// there; a tie goes to the object drawn first).
Image instance_mask(const Sample& sample);

}  // namespace shapegen
