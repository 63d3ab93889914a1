// Squares: four corners on the circumscribed circle, clockwise from the
// top-left one. shape.square_aspect, _skew and _taper let a square be drawn
// the way people draw one (a rectangle, a parallelogram, a trapezoid) and
// still be labeled square; what was drawn is recorded as "proportions"
// (only when a key varies, so plain squares keep their labels byte for byte).
#include "shapes/proportions.hpp"

namespace shapegen {

namespace {

const ParamList<QuadProportions>& square_params() {
  static const ParamList<QuadProportions> params = quad_proportions("square", "1", "0", "0");
  return params;
}

}  // namespace

ShapeDecl square_shape() {
  return {
      .name = "square",
      .vertex_names = {"v0", "v1", "v2", "v3"},
      .skeleton = ring_skeleton(4),
      .overlay = {0.3, 0.5, 1},
      .corners_are_vertices = true,
      .fields = {{"proportions", FieldPlace::after_rotation}},
      .kind_keys = {},
      .keys = declarations(square_params()),
      .rules = {},
      .bind = [](const Config& config) -> ShapeMaker {
        const QuadProportions p = bind_params(config, square_params());
        if (plain(p))
          return [](Rng&, double r) {
            const std::vector<Point> corners = square_vertices(r);
            return ShapeGeometry{corners, corners, {}};
          };
        return [p](Rng& rng, double r) {
          std::vector<double> drawn;
          const std::vector<Point> corners = draw_quad(p, rng, r, drawn);
          return ShapeGeometry{corners, corners, {drawn}};
        };
      },
  };
}

}  // namespace shapegen
