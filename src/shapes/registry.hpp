#pragma once
// The shape registry: one row per class, each row made in the class's own
// file (triangle.cpp, circle.cpp, square.cpp, ellipse.cpp, rectangle.cpp;
// the rows are listed in registry.cpp). A row holds everything the
// rest of the pipeline knows about a class, so the sampler, the labels, the
// layouts, the preview and sketch iterate the table instead of naming
// classes. A row's index is its class id (shapegen/shape_class.hpp).
//
// Layer: above params (a class binds its own keys), below scene.
#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "base/rng.hpp"
#include "shapegen/catalog.hpp"
#include "shapegen/config.hpp"
#include "shapegen/geometry.hpp"
#include "shapegen/shape_class.hpp"

namespace shapegen {

// Where a class's own label field goes in a manifest object. Fields after
// `class` are words and also fill the labels.csv column of their name.
enum class FieldPlace { after_class, after_rotation };

struct ShapeField {
  const char* name;
  FieldPlace place;
  // Numbers, one per vertex in vertex order (a triangle's angles at V0, V1,
  // V2): reordered with the vertices (shape.vertex_order).
  bool per_vertex = false;
};

// One object as its class draws it: centred on the origin, not yet rotated.
struct ShapeGeometry {
  std::vector<Point> outline;   // closed polygon, as drawn
  std::vector<Point> vertices;  // one per vertex name
  // One per ShapeDecl::fields, in order; trailing ones may be left out (a
  // circle records its aspect only when shape.circle_aspect varies it).
  std::vector<FieldValue> fields;
};

// Draws one object from the object's stream (after its size, rotation and
// style), given its circumscribed radius in px; the class's keys are bound in.
using ShapeMaker = std::function<ShapeGeometry(Rng& rng, double radius)>;

struct ShapeDecl {
  const char* name;                          // in shape.classes and every label
  std::vector<std::string> vertex_names;     // COCO keypoints, in vertex order
  std::vector<std::array<int, 2>> skeleton;  // COCO skeleton: vertex pairs, 0-based
  std::array<double, 3> overlay;             // preview box colour, RGB in 0..1
  bool corners_are_vertices;                 // sketch overshoots the outline's corners
  std::vector<ShapeField> fields;            // its own label fields
  // Its own keys: those weighing its kinds sit right after shape.classes,
  // the others at the end of [shape] (the order of describe and dataset.ini).
  std::vector<OptionDecl> kind_keys, keys;
  std::vector<Catalog::Rule> rules;               // across its keys, checked at load time
  std::function<ShapeMaker(const Config&)> bind;  // reads its keys, once
  // Its weight in shape.classes' default: classes added after the first three
  // take 0, so presets that do not name them draw what they drew before.
  double default_weight = 1;
};

const ShapeDecl& shape_decl(ShapeClass c);
// The largest vertex count of any class: labels.csv's vertex columns.
std::size_t max_vertex_count();
// Edges between consecutive vertices of an n-gon, closing the ring.
std::vector<std::array<int, 2>> ring_skeleton(int n);

// Tests only: adds a throw-away class as the last row while it lives. Keys
// are read once, when the catalog is built, so its keys are not declared.
class ScopedShapeRow {
 public:
  explicit ScopedShapeRow(ShapeDecl row);
  ~ScopedShapeRow();
  ScopedShapeRow(const ScopedShapeRow&) = delete;
  ScopedShapeRow& operator=(const ScopedShapeRow&) = delete;
  ShapeClass shape_class() const { return added_; }

 private:
  ShapeClass added_;
};

}  // namespace shapegen
