// Rectangles: a class of their own for users who label them apart from
// squares (or map them to square with shape.labels). Four corners clockwise
// from the top-left one, the diagonal the size; by default sides 1.3 to 3
// to 1, and with _skew and _taper parallelograms and trapezoids. Weight 0 in
// shape.classes unless a preset asks.
#include "shapes/proportions.hpp"

namespace shapegen {

namespace {

const ParamList<QuadProportions>& rectangle_params() {
  static const ParamList<QuadProportions> params =
      quad_proportions("rectangle", "1.3..3", "0", "0");
  return params;
}

}  // namespace

ShapeDecl rectangle_shape() {
  return {
      .name = "rectangle",
      .vertex_names = {"v0", "v1", "v2", "v3"},
      .skeleton = ring_skeleton(4),
      .overlay = {1, 0.6, 0.1},
      .corners_are_vertices = true,
      .fields = {{"proportions", FieldPlace::after_rotation}},
      .kind_keys = {},
      .keys = declarations(rectangle_params()),
      .rules = {},
      .bind = [](const Config& config) -> ShapeMaker {
        const QuadProportions p = bind_params(config, rectangle_params());
        return [p](Rng& rng, double r) {
          std::vector<double> drawn;
          const std::vector<Point> corners = draw_quad(p, rng, r, drawn);
          return ShapeGeometry{corners, corners, {drawn}};
        };
      },
      .default_weight = 0,
  };
}

}  // namespace shapegen
