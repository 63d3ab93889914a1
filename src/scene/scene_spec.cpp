#include "scene/scene_spec.hpp"

#include <algorithm>

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
      field(&P::count,
            integer_range("objects.count", "1", {1, 255},
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

// "triangle:1, circle:1, square:1, ellipse:0, rectangle:0": every class in
// the registry with its default weight.
static std::string every_class_once() {
  std::string out;
  for (ShapeClass c : shape_classes())
    out += std::string(out.empty() ? "" : ", ") + class_name(c) + ":" +
           format_real(shape_decl(c).default_weight);
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

// Optional: recipes that keep each class's own order stay as they were.
static OptionDecl vertex_order() {
  return declare::optional(declare::choice(
      "shape.vertex_order", name_of(VertexOrder::drawn), names_of<VertexOrder>(),
      "Order of every object's vertices in every label (and of per-vertex fields such as a "
      "triangle's angles): drawn, as each class draws them (a square's v0 is its top-left "
      "before rotation), or clockwise_from_top: from the top-most vertex (on a tie the left "
      "one), clockwise on screen, so a symmetric shape has one order."));
}

const ParamList<ShapeSpec>& shape_label_params() {
  using namespace declare;
  static const ParamList<ShapeSpec> params = {
      field(&ShapeSpec::labels,
            text("shape.labels", "",
                 "Classes labeled as another class, 'drawn:label' pairs separated by commas (e.g. "
                 "'ellipse:circle, rectangle:square'): every label file names the label; the "
                 "manifest keeps the drawn class as 'shape'. Empty: each class is its own label.")),
      field(&ShapeSpec::vertex_order, vertex_order()),
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
  append(out, declarations(shape_label_params()));
  append(out, declarations(style_params()));
  return out;
}

SceneSpec bind_scene_spec(const Config& config) {
  SceneSpec spec{bind_params(config, run_params()).seed, bind_params(config, image_params()),
                 bind_params(config, objects_params()),  bind_params(config, shape_params()),
                 bind_params(config, style_params()),    {}};
  const ShapeSpec last = bind_params(config, shape_label_params());
  spec.shape.labels = last.labels;
  spec.shape.vertex_order = last.vertex_order;
  spec.shape.label_of = parse_label_map(spec.shape.labels);
  for (ShapeClass c : shape_classes()) spec.makers.push_back(shape_decl(c).bind(config));
  return spec;
}

static std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

static std::string class_list() {
  std::string out;
  for (ShapeClass c : shape_classes()) out += std::string(out.empty() ? "" : ", ") + class_name(c);
  return out;
}

static std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::vector<ShapeClass> parse_label_map(const std::string& text) {
  std::vector<ShapeClass> label_of = shape_classes();
  std::vector<bool> mapped(label_of.size(), false);
  auto fail = [&](const std::string& why) {
    throw ConfigError("key 'shape.labels': value '" + text + "' is invalid (" + why +
                      "); allowed: comma-separated pairs drawn:label of classes {" + class_list() +
                      "}, each drawn class once, a label not itself relabeled and with the same "
                      "vertices, e.g. 'ellipse:circle, rectangle:square'");
  };
  std::size_t at = 0;
  while (at <= text.size() && !trimmed(text).empty()) {
    const std::size_t comma = std::min(text.find(',', at), text.size());
    const std::string pair = trimmed(text.substr(at, comma - at));
    at = comma + 1;
    const std::size_t colon = pair.find(':');
    if (colon == std::string::npos) fail("'" + pair + "' is not drawn:label");
    const std::string from = trimmed(pair.substr(0, colon)), to = trimmed(pair.substr(colon + 1));
    const auto a = value_named<ShapeClass>(from), b = value_named<ShapeClass>(to);
    if (!a) fail("unknown class '" + from + "'");
    if (!b) fail("unknown class '" + to + "'");
    if (mapped[std::size_t(a->id)]) fail("'" + from + "' is mapped twice");
    const ShapeDecl &da = shape_decl(*a), &db = shape_decl(*b);
    if (da.vertex_names != db.vertex_names)
      fail("'" + from + "' has vertices {" + joined(da.vertex_names) + "} but '" + to + "' has {" +
           joined(db.vertex_names) + "}");
    mapped[std::size_t(a->id)] = true;
    label_of[std::size_t(a->id)] = *b;
    if (comma >= text.size()) break;
  }
  for (ShapeClass c : shape_classes()) {
    const ShapeClass label = label_of[std::size_t(c.id)];
    if (label != c && label_of[std::size_t(label.id)] != label)
      fail("'" + std::string(class_name(c)) + "' is labeled '" + class_name(label) +
           "', which is itself labeled '" + class_name(label_of[std::size_t(label.id)]) + "'");
  }
  return label_of;
}

std::vector<ShapeClass> listed_classes(const ShapeSpec& shape) {
  int last = -1;
  for (ShapeClass c : shape_classes())
    if (shape.classes.of(c) > 0) last = std::max(last, shape.label_of[std::size_t(c.id)].id);
  std::vector<ShapeClass> out;
  for (ShapeClass c : shape_classes())
    if (c.id <= last) out.push_back(c);
  return out;
}

void check_something_is_drawn(const StyleSpec& style) {
  if (style.stroke_width.hi <= 0 && style.fill.of(FillMode::filled) == 0)
    throw ConfigError(
        "key 'style.stroke_width': value '0' draws nothing unless style.fill "
        "gives 'filled' a weight; allowed: a width > 0, or filled shapes");
}

}  // namespace shapegen
