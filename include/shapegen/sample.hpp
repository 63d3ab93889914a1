#pragma once
// A Sample is one finished item of a dataset: its image and the labels of
// every object, computed from the same geometry that was drawn.
#include <cstdint>
#include <vector>

#include "shapegen/image.hpp"
#include "shapegen/sampler.hpp"
#include "shapegen/scene.hpp"

namespace shapegen {

struct VertexLabel {
  Point point;
  bool in_frame = false;  // inside [0, width) x [0, height)
  bool visible = false;   // in frame and not hidden
};

struct ObjectLabel {
  Object object;    // the drawn object: class, outline (the polygon), parameters
  Box bbox;         // visible ink, clipped to the frame; all zero when none is visible
  Box bbox_full;    // all ink, ignoring the frame
  std::vector<VertexLabel> vertices;
  double visible_fraction = 1;  // visible ink area / whole ink area
};

struct Sample {
  std::uint64_t index = 0;
  std::uint64_t seed = 0;
  Scene scene;
  Image image;
  std::vector<ObjectLabel> objects;
};

ObjectLabel label_object(const Scene& scene, const Object& object);
Sample make_sample(const Sampler& sampler, std::uint64_t index);

}  // namespace shapegen
