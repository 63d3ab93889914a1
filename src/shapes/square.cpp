// Squares: four corners on the circumscribed circle, clockwise from the
// top-left one. No keys or label fields of their own.
#include "shapes/registry.hpp"

namespace shapegen {

ShapeDecl square_shape() {
  return {
      .name = "square",
      .vertex_names = {"v0", "v1", "v2", "v3"},
      .skeleton = ring_skeleton(4),
      .overlay = {0.3, 0.5, 1},
      .corners_are_vertices = true,
      .fields = {},
      .kind_keys = {},
      .keys = {},
      .rules = {},
      .bind = [](const Config&) -> ShapeMaker {
        return [](Rng&, double r) {
          const std::vector<Point> corners = square_vertices(r);
          return ShapeGeometry{corners, corners, {}};
        };
      },
  };
}

}  // namespace shapegen
