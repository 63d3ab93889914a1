#pragma once
// layer: scene
// A Scene is plain data: what one sample shows, in vector form, before any
// pixel exists. Geometric ops edit it; the rasterizer draws it; labels are
// computed from it.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shapegen/enum_names.hpp"
#include "shapegen/geometry.hpp"
#include "shapegen/shape_class.hpp"

namespace shapegen {

enum class FillMode { outline, filled, both };
constexpr std::array<EnumName<FillMode>, 3> enum_names(FillMode) {
  return {{{FillMode::outline, "outline"}, {FillMode::filled, "filled"}, {FillMode::both, "both"}}};
}
inline const char* fill_name(FillMode f) { return name_of(f); }

// 8-bit levels; gray colors have r == g == b.
struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
  double luma() const { return 0.299 * r + 0.587 * g + 0.114 * b; }
};

struct Style {
  double stroke_width = 0;
  FillMode fill = FillMode::outline;
  Rgb stroke;      // also the fill of FillMode::filled
  Rgb fill_color;  // fill of FillMode::both
  bool stroked() const { return fill != FillMode::filled && stroke_width > 0; }
  bool has_fill() const { return fill != FillMode::outline; }
  Rgb fill_rgb() const { return fill == FillMode::both ? fill_color : stroke; }
  bool operator==(const Style&) const = default;
};

// A piece of stroke: a polyline drawn with round joins and caps, its width
// given per point (constant unless a hand-drawn style varies it).
struct StrokePath {
  std::vector<Point> points;
  std::vector<double> widths;  // one per point
  bool closed = true;
  // Ink per point in (0, 1]: the stroke color's opacity there (a pen that
  // leaves less ink where it moves fast); empty means full ink everywhere.
  std::vector<double> inks;
  bool aliased = false;  // drawn without antialiasing (jagged edges), mask too

  bool operator==(const StrokePath&) const = default;
};

struct Object {
  ShapeClass shape;  // the class drawn
  // The class its labels name when the preset maps the drawn class to
  // another (shape.labels); unset: the drawn class. See label_class().
  std::optional<ShapeClass> label;
  std::vector<Point> outline;      // closed polygon, exactly as drawn
  std::vector<Point> vertices;     // one per vertex name of its class (circle: its centre)
  std::vector<FieldValue> fields;  // its class's own label fields (a triangle's kind, angles)
  // Stroke pieces when they differ from "the outline, closed, constant width"
  // (hand-drawn gaps, overshoots, dashes, varying width); empty otherwise.
  std::vector<StrokePath> strokes;
  Point center;         // circumcentre
  double size = 0;      // circumscribed diameter, px
  double rotation = 0;  // degrees, clockwise on screen
  Style style;
  bool operator==(const Object&) const = default;
};

// What lies under the objects: a solid color (the default), a linear
// gradient, or a smooth noise texture.
struct Background {
  enum class Kind { solid, gradient, noise } kind = Kind::solid;
  // The textures by name; solid, the default, is no texture and has no name.
  friend constexpr std::array<EnumName<Kind>, 2> enum_names(Kind) {
    return {{{Kind::gradient, "gradient"}, {Kind::noise, "noise"}}};
  }
  Rgb other;          // gradient end color / noise extreme; the solid color is Scene::background
  double angle = 0;   // gradient direction, degrees clockwise from +x
  double scale = 16;  // noise feature size, px
  std::uint64_t seed = 0;  // noise lattice seed
};

struct Scene {
  int width = 0;
  int height = 0;
  bool rgb = false;
  bool antialias = true;
  Rgb background;
  Background texture;
  std::vector<Object> objects;  // in drawing order: later objects lie on top
};

// The class an object's labels name: its label, else the class drawn.
inline ShapeClass label_class(const Object& object) { return object.label.value_or(object.shape); }

// The stroke pieces actually drawn: `strokes`, or the closed outline at the
// style's width. Empty for unstroked objects.
std::vector<StrokePath> ink_strokes(const Object& object);
// Calls f on each piece ink_strokes gives, without copying `strokes`.
template <typename F>
void for_each_ink_stroke(const Object& object, F&& f) {
  if (!object.style.stroked()) return;
  if (!object.strokes.empty()) {
    for (const StrokePath& s : object.strokes) f(s);
    return;
  }
  f(StrokePath{object.outline,
               std::vector<double>(object.outline.size(), object.style.stroke_width),
               true,
               {},
               false});
}
// Box of all ink (fill and stroke), ignoring the frame. Strokes have round
// joins and caps, so ink reaches half the local width beyond each point.
Box ink_box(const Object& object);

// Applies f to every point of the object (outline, vertices, strokes, centre).
template <typename F>
void transform_points(Object& object, F&& f) {
  for (Point& p : object.outline) p = f(p);
  for (Point& p : object.vertices) p = f(p);
  for (StrokePath& s : object.strokes)
    for (Point& p : s.points) p = f(p);
  object.center = f(object.center);
}

template <typename F>
void transform_points(Scene& scene, F&& f) {
  for (Object& o : scene.objects) transform_points(o, f);
}

// Union of the ink boxes of all objects; empty Box for an empty scene.
Box scene_ink_box(const Scene& scene);
// Moves all objects by the smallest shift that brings their ink inside the
// frame, when it fits; returns false (and moves nothing) when it cannot fit.
bool shift_into_frame(Scene& scene);
// Inserts points so no segment is longer than `spacing`.
std::vector<Point> densify(const std::vector<Point>& polyline, double spacing, bool closed);
// The same for a stroke piece; widths and inks are interpolated.
StrokePath densify(const StrokePath& path, double spacing);
// Length of a polyline (closed: including the closing segment).
double path_length(const std::vector<Point>& polyline, bool closed);
// The part of a polyline between arc lengths s0 < s1; on a closed polyline
// s1 may run past the end and wrap around.
std::vector<Point> sub_path(const std::vector<Point>& polyline, bool closed, double s0, double s1);

}  // namespace shapegen
