#pragma once
// A Sample is one finished item of a dataset: its image and the labels of
// every object, computed from the same geometry that was drawn, plus the
// record of every augmentation op that fired.
#include <cstdint>
#include <optional>
#include <vector>

#include "shapegen/augment.hpp"
#include "shapegen/image.hpp"
#include "shapegen/sampler.hpp"
#include "shapegen/scene.hpp"

namespace shapegen {

struct VertexLabel {
  Point point;
  bool in_frame = false;  // inside [0, width) x [0, height)
  bool visible = false;   // in frame and not hidden by an occluder
};

struct ObjectLabel {
  Object object;    // the drawn object: class, outline (the polygon), parameters
  Box bbox;         // visible ink, clipped to the frame; all zero when none is visible
  Box bbox_full;    // all ink, ignoring the frame and occluders
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

// Sampler + Augmenter: every row of a dataset as a pure function of its index.
class Generator {
 public:
  // keep_masks: fill Sample::visible (for mask outputs).
  explicit Generator(const Config& config, bool keep_masks = false);
  // Base sample `base`, augmented with the streams of `variant`; variant 0 is
  // the original without augmentation. Rows of plain datasets are variant 1,
  // so variant 1 of base i is exactly row i of the same preset without variants.
  Sample make(std::uint64_t base, int variant) const;
  // Row `row` of the dataset (variants: rows base*(K+1) .. base*(K+1)+K).
  Sample make_row(std::uint64_t row) const;
  std::uint64_t row_count() const;
  int variants() const { return variants_; }
  const Sampler& sampler() const { return sampler_; }

 private:
  Sampler sampler_;
  Augmenter augmenter_;
  bool keep_masks_;
  std::uint64_t count_;
  int variants_;
};

}  // namespace shapegen
