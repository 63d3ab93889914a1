#pragma once
// Private: the dataset layouts written beside the manifest (ImageFolder,
// COCO, YOLO, masks, WebDataset; the table is in layout.cpp). Each is a Sink
// that gets every row and puts its own files into the output; the manifest
// stays the source of truth and every layout points at (or links to) the
// primary image. A layout declares once what it is called and what it needs
// from the generator.
#include <memory>
#include <vector>

#include "dataset/sink.hpp"

namespace shapegen::layouts {

struct LayoutDecl {
  LayoutKind kind;
  const char* name;  // as in output.formats
  bool keep_masks;   // needs Sample::visible, the per-object coverage
  std::unique_ptr<Sink> (*make)(const DatasetPlan& plan, FileOutput& out);
};

LayoutDecl imagefolder();
LayoutDecl coco();
LayoutDecl yolo();
LayoutDecl masks();
LayoutDecl webdataset();  // switched on by output.webdataset_samples, not output.formats

// Every layout, in the order the writer feeds them.
const std::vector<LayoutDecl>& all();
const LayoutDecl& decl(LayoutKind kind);

// The class id of a shape, its row in the shape registry: COCO category
// id - 1, YOLO class, semantic mask value - 1.
int class_index(ShapeClass c);
// COCO's categories as JSON: one per shape class, with keypoints and skeleton.
std::string coco_categories(const std::vector<ShapeClass>& classes = shape_classes());

}  // namespace shapegen::layouts
