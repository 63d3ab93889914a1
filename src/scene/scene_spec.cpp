#include "scene/scene_spec.hpp"

#include <cmath>

#include "params/run_spec.hpp"
#include "shapegen/error.hpp"

namespace shapegen {

const ParamList<ImageSpec>& image_params() {
  using namespace declare;
  using P = ImageSpec;
  static const ParamList<ImageSpec> params = {
      field(&P::width, integer("image.width", "64", 1, 8192, "Image width in pixels.")),
      field(&P::height, integer("image.height", "64", 1, 8192, "Image height in pixels.")),
      field(&P::mode, choice("image.mode", "gray", names_of<ImageMode>(),
                             "Pixel format: 8-bit gray or 8-bit RGB.")),
      field(&P::antialias, boolean("image.antialias", "true",
                                   "Antialiased edges (false: hard 0/1 pixel coverage).")),
      field(&P::png_encoder,
            choice("image.png_encoder", "libdeflate", names_of<PngEncoder>(),
                   "What compresses the PNG files: libdeflate (rows unfiltered, several times "
                   "faster) or zlib (libpng's writer, adaptive row filters). The pixels are the "
                   "same.")),
      field(&P::png_compression, integer("image.png_compression", "1", 0, 9,
                                         "Compression level of the PNG files (0 none, 9 best).")),
      field(&P::background,
            color("image.background", "0", "Background intensity (gray) or color (r, g, b).")),
  };
  return params;
}

const ParamList<ObjectsSpec>& objects_params() {
  using namespace declare;
  using P = ObjectsSpec;
  static const ParamList<ObjectsSpec> params = {
      field(&P::count, range("objects.count", "1", {1, 255},
                             "Objects per image: a whole number or range lo..hi (uniform).")),
      field(&P::max_overlap,
            real("objects.max_overlap", "1", {0, 1},
                 "Largest IoU allowed between the ink boxes of two objects (1: no limit).")),
      field(&P::min_visible,
            real("objects.min_visible", "0", {0, 1},
                 "Least fraction of each object's ink left visible under the objects drawn after "
                 "it; objects that cannot be placed so within 50 tries are left out.")),
  };
  return params;
}

// "triangle:1, circle:1, square:1": every class in the registry, equally often.
static std::string every_class_once() {
  std::string out;
  for (ShapeClass c : shape_classes())
    out += std::string(out.empty() ? "" : ", ") + class_name(c) + ":1";
  return out;
}

const ParamList<ShapeSpec>& shape_params() {
  using namespace declare;
  using P = ShapeSpec;
  static const ParamList<ShapeSpec> params = {
      // First: the classes' kind keys follow it (scene_options).
      field(&P::classes, weights("shape.classes", every_class_once(), names_of<ShapeClass>(),
                                 "Relative frequency of each class.")),
      field(&P::size,
            range("shape.size", "0.5..0.9", {0, 1, true, false},
                  "Diameter of the shape's circumscribed circle, as a fraction of the shorter "
                  "image side. Circles: the diameter; squares: the diagonal.")),
      field(&P::rotation, range("shape.rotation", "0..360", {-3600, 3600},
                                "Rotation in degrees, clockwise on screen.")),
      field(&P::center_x,
            range("shape.center_x", "0..1", {0, 1},
                  "Centre x as a fraction of the width (circumcentre for triangles).")),
      field(&P::center_y,
            range("shape.center_y", "0..1", {0, 1}, "Centre y as a fraction of the height.")),
      field(&P::keep_inside,
            boolean("shape.keep_inside", "true",
                    "Keep the whole shape, stroke included, inside the frame by narrowing the "
                    "centre range where needed.")),
  };
  return params;
}

const ParamList<StyleSpec>& style_params() {
  using namespace declare;
  using P = StyleSpec;
  static const ParamList<StyleSpec> params = {
      field(&P::stroke_width,
            range("style.stroke_width", "2", {0, 1000}, "Stroke width in pixels.")),
      field(&P::fill,
            weights("style.fill", "outline:1, filled:0, both:0", names_of<FillMode>(),
                    "Fill mode: outline only, filled only (no stroke), or filled with a stroke.")),
      field(&P::foreground,
            color("style.foreground", "255",
                  "Stroke color, and the fill color of 'filled' shapes. Gray level or r, g, b.")),
      field(&P::fill_color, color("style.fill_color", "128",
                                  "Fill color of 'both' shapes. Gray level or r, g, b.")),
      field(&P::min_contrast,
            real("style.min_contrast", "0", {0, 255},
                 "Least difference in gray level (luma in rgb mode) between foreground and "
                 "background; colors are redrawn until it holds.")),
  };
  return params;
}

static void append(std::vector<OptionDecl>& out, const std::vector<OptionDecl>& more) {
  out.insert(out.end(), more.begin(), more.end());
}

std::vector<OptionDecl> scene_options() {
  std::vector<OptionDecl> out = declarations(image_params());
  append(out, declarations(objects_params()));
  const std::vector<OptionDecl> shape = declarations(shape_params());
  out.push_back(shape.front());  // shape.classes
  for (ShapeClass c : shape_classes()) append(out, shape_decl(c).kind_keys);
  append(out, {shape.begin() + 1, shape.end()});
  for (ShapeClass c : shape_classes()) append(out, shape_decl(c).keys);
  append(out, declarations(style_params()));
  return out;
}

SceneSpec bind_scene_spec(const Config& config) {
  SceneSpec spec{bind_params(config, run_params()).seed, bind_params(config, image_params()),
                 bind_params(config, objects_params()), bind_params(config, shape_params()),
                 bind_params(config, style_params()), {}};
  for (ShapeClass c : shape_classes()) spec.makers.push_back(shape_decl(c).bind(config));
  return spec;
}

void check_object_count(const ObjectsSpec& objects) {
  const Range count = objects.count;
  if (count.lo != std::floor(count.lo) || count.hi != std::floor(count.hi))
    throw ConfigError("key 'objects.count': value '" + format_value(count) +
                      "' is invalid; allowed: whole numbers (a count or range lo..hi) in [1, 255]");
}

void check_something_is_drawn(const StyleSpec& style) {
  if (style.stroke_width.hi <= 0 && style.fill.of(FillMode::filled) == 0)
    throw ConfigError(
        "key 'style.stroke_width': value '0' draws nothing unless style.fill "
        "gives 'filled' a weight; allowed: a width > 0, or filled shapes");
}

}  // namespace shapegen
