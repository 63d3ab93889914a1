#pragma once
// layer: dataset
// One keypoint schema for a whole dataset, as trainers want it: K slots,
// K = the largest vertex count of the dataset's label classes, and each
// class's vertices placed in slots so that one flip_idx
// [0, K-1, K-2, ..., 1] maps a horizontal flip right for every class when
// vertices run clockwise from the top (shape.vertex_order): a flip keeps
// vertex 0 and turns vertex j into vertex n - j, so vertex j sits in slot j
// and vertex n - j in slot K - j (n = 3, K = 4: slots 0, 1, 3). An even
// class's middle vertex n/2 is its own mirror and takes slot K/2; with K odd
// no slot but 0 mirrors itself, so it takes slot n/2 and the schema says the
// flip is not exact. Slots a class does not use are written 0, 0, 0 (COCO,
// YOLO pose, ShapeDataset's "keypoints" target).
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "shapegen/config.hpp"
#include "shapegen/sample.hpp"
#include "shapegen/shape_class.hpp"

namespace shapegen {

// The slot of each of n vertices among `slots` (n <= slots). `flip_exact`,
// if given, is set false when flip_idx cannot be right for them.
std::vector<std::size_t> vertex_slots(std::size_t n, std::size_t slots, bool* flip_exact = nullptr);

struct KeypointSchema {
  std::size_t slots = 0;                          // K
  std::vector<ShapeClass> classes;                // the label classes, in row order
  std::vector<std::vector<std::size_t>> slot_of;  // per class of `classes`: each vertex's slot
  bool flip_exact = true;  // every class is placed so that flip_idx() mirrors it
  bool clockwise = false;  // shape.vertex_order = clockwise_from_top
  // flip_idx() is right for a horizontal flip: clockwise order, exact placement.
  bool flip_right() const { return flip_exact && clockwise; }
  std::vector<std::size_t> flip_idx() const;                     // [0, K-1, ..., 1]
  const std::vector<std::size_t>& slots_of(ShapeClass c) const;  // throws for an unlisted class
  // A class's K keypoint names (its vertex names in its slots, "unused_<s>"
  // elsewhere) and its skeleton in slots (0-based).
  std::vector<std::string> names(ShapeClass c) const;
  std::vector<std::array<int, 2>> skeleton(ShapeClass c) const;
};

KeypointSchema keypoint_schema(const std::vector<ShapeClass>& label_classes,
                               bool clockwise = false);
// The schema of a preset: its label classes and its vertex order.
KeypointSchema keypoint_schema(const Config& config);

// One slot of an object: its vertex there with COCO's v (0 not labeled: out
// of the frame, or a slot its class does not use, then x = y = 0; 1 in the
// frame but hidden; 2 visible), the coordinates in pixels, unrounded.
struct KeypointSlot {
  double x = 0, y = 0;
  int v = 0;
};
// The K slots of one object (of a label class of the schema).
std::vector<KeypointSlot> keypoint_slots(const KeypointSchema& schema, const ObjectLabel& label);

// output.keypoint_sigmas ("0.025", or K numbers separated by commas) as K
// OKS sigmas; throws ConfigError naming the key when it is not.
std::vector<double> keypoint_sigmas(const std::string& text, std::size_t slots);

// The rules across keys the schema adds (checked at load time): sigmas of
// the schema's length; YOLO pose only when every drawn class has vertices.
void check_keypoint_config(const Config& config);

}  // namespace shapegen
