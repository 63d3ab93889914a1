#pragma once
// layer: sample
// Every row of a dataset as a pure function of (config, row): the sampler
// draws the scene, the augmenter transforms it, Cairo renders it, and the
// labels are computed from the geometry that was drawn.
#include <cstdint>
#include <memory>
#include <vector>

#include "shapegen/config.hpp"
#include "shapegen/sample.hpp"

namespace shapegen {

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
  int variants() const;
  // The classes label files list (COCO categories, YOLO names): the
  // registry's rows up to the last one this preset's objects are labeled as.
  std::vector<ShapeClass> label_classes() const;
  // The classes this preset draws (shape.classes weight > 0) that are labeled
  // as `label` (shape.labels; a class unmapped is labeled as itself), by id.
  std::vector<ShapeClass> drawn_as(ShapeClass label) const;
  // True when the preset draws a class it labels as another (shape.labels).
  bool relabels() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace shapegen
