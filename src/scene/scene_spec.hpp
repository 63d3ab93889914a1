#pragma once
// What the sampler draws from, typed and parsed once: the image, the number
// and placement of objects, their shapes and their style. Each field is
// bound to the key that declares it (params/bind.hpp).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "params/bind.hpp"
#include "shapegen/png.hpp"
#include "shapegen/scene.hpp"
#include "shapes/registry.hpp"

namespace shapegen {

enum class ImageMode { gray, rgb };
constexpr std::array<EnumName<ImageMode>, 2> enum_names(ImageMode) {
  return {{{ImageMode::gray, "gray"}, {ImageMode::rgb, "rgb"}}};
}

struct ImageSpec {
  int width = 0, height = 0;
  ImageMode mode = ImageMode::gray;
  bool antialias = true;
  PngEncoder png_encoder = PngEncoder::libdeflate;  // for the PNG writer
  int png_compression = 0;
  ColorRange background;
};

// shape.vertex_order: the vertices as each class draws them, or from the
// top-most one clockwise on screen (sample/vertex_order.hpp).
enum class VertexOrder { drawn, clockwise_from_top };
constexpr std::array<EnumName<VertexOrder>, 2> enum_names(VertexOrder) {
  return {{{VertexOrder::drawn, "drawn"}, {VertexOrder::clockwise_from_top, "clockwise_from_top"}}};
}

struct ObjectsSpec {
  IntegerRange count;
  double max_overlap = 1;
  double min_visible = 0;
};

// The keys common to every class; each class binds its own (shapes/).
struct ShapeSpec {
  Weighted<ShapeClass> classes;
  Range size, rotation, center_x, center_y;
  bool keep_inside = true;
  std::string labels;                // shape.labels as written
  std::vector<ShapeClass> label_of;  // by class id: the class its labels name
  VertexOrder vertex_order = VertexOrder::drawn;
};

struct StyleSpec {
  Range stroke_width;
  Weighted<FillMode> fill;
  ColorRange foreground, fill_color;
  double min_contrast = 0;
};

struct SceneSpec {
  std::uint64_t seed = 0;  // dataset.seed
  ImageSpec image;
  ObjectsSpec objects;
  ShapeSpec shape;
  StyleSpec style;
  std::vector<ShapeMaker> makers;  // one per shape class, by id, its own keys bound
};

const ParamList<ImageSpec>& image_params();      // image.*
const ParamList<ObjectsSpec>& objects_params();  // objects.*
const ParamList<ShapeSpec>& shape_params();      // shape.* common to every class
const ParamList<StyleSpec>& style_params();      // style.*
// shape.labels and shape.vertex_order, the last keys of [shape]
const ParamList<ShapeSpec>& shape_label_params();
// The declarations of all four, in that order; the shape classes' own keys
// join [shape] (ShapeDecl::kind_keys after shape.classes, keys at its end).
std::vector<OptionDecl> scene_options();

SceneSpec bind_scene_spec(const Config& config);

// Rules across scene keys; each throws ConfigError. The shape classes'
// own rules are in their rows (ShapeDecl::rules).
// shape.labels ("ellipse:circle, rectangle:square") as the class each class's
// labels name, by class id; throws ConfigError naming what is wrong.
std::vector<ShapeClass> parse_label_map(const std::string& text);
// The classes a dataset's label files list (COCO categories, YOLO names): the
// registry's rows up to the last one a drawn class (weight > 0) is labeled
// as, so ids stay the registry's and presets that draw only the first three
// classes list just those.
std::vector<ShapeClass> listed_classes(const ShapeSpec& shape);
void check_something_is_drawn(const StyleSpec& style);

}  // namespace shapegen
