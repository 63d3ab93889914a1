#pragma once
// layer: scene
// A Sample is one finished item of a dataset: its image and the labels of
// every object, computed from the same geometry that was drawn, plus the
// record of every augmentation op that fired.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "shapegen/image.hpp"
#include "shapegen/scene.hpp"

namespace shapegen {

using RecordValue = std::variant<double, std::string, bool, std::vector<double>>;

// One op that fired on one sample, with every value it drew.
struct OpRecord {
  std::string op;
  std::vector<std::pair<std::string, RecordValue>> values;
  void add(std::string name, RecordValue value) {
    values.emplace_back(std::move(name), std::move(value));
  }
};

struct VertexLabel {
  Point point;
  bool in_frame = false;  // inside [0, width) x [0, height)
  bool visible = false;   // in frame and not hidden by an occluder
};

struct ObjectLabel {
  Object object;  // the drawn object: class, outline (the polygon), parameters
  Box bbox;       // visible ink, clipped to the frame; all zero when none is visible
  Box bbox_full;  // all ink, ignoring the frame and occluders
  std::vector<VertexLabel> vertices;
  double visible_fraction = 1;  // visible ink area / whole ink area
};

struct Sample {
  std::uint64_t index = 0;       // row of the dataset (file name)
  std::uint64_t base_index = 0;  // the base sample this row shows
  std::optional<int> variant;    // set in datasets with variants: 0 = the original
  std::uint64_t seed = 0;        // the base sample's seed
  Scene scene;
  Image image;
  std::vector<ObjectLabel> objects;
  std::vector<OpRecord> augment;  // ops that fired, in order
  // Per object, the coverage (0..255) of its ink that is visible in the frame;
  // filled only when the Generator keeps masks.
  std::vector<Image> visible;
};

}  // namespace shapegen
