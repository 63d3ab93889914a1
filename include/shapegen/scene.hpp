#pragma once
// A Scene is plain data: what one sample shows, in vector form, before any
// pixel exists. Geometric ops edit it; the rasterizer draws it; labels are
// computed from it.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "shapegen/geometry.hpp"

namespace shapegen {

enum class ShapeClass { triangle, circle, square };
const char* class_name(ShapeClass c);
inline constexpr ShapeClass kAllClasses[] = {ShapeClass::triangle, ShapeClass::circle,
                                             ShapeClass::square};

enum class FillMode { outline, filled, both };
const char* fill_name(FillMode f);

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
  // How far ink reaches beyond the outline: round joins make the stroke the
  // outline thickened by half its width in every direction.
  double ink_margin() const { return stroked() ? stroke_width / 2 : 0; }
};

struct Object {
  ShapeClass shape = ShapeClass::circle;
  std::string kind;              // triangle kind; empty for circles and squares
  std::array<double, 3> angles{};  // triangle interior angles at V0, V1, V2
  std::vector<Point> outline;    // closed polygon, exactly as drawn
  std::vector<Point> vertices;   // triangle 3, square 4, circle 1 (its centre)
  Point center;                  // circumcentre
  double size = 0;               // circumscribed diameter, px
  double rotation = 0;           // degrees, clockwise on screen
  Style style;
};

struct Scene {
  int width = 0;
  int height = 0;
  bool rgb = false;
  bool antialias = true;
  Rgb background;
  std::vector<Object> objects;  // in drawing order: later objects lie on top
};

}  // namespace shapegen
