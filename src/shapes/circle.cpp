// Circles: drawn as the polygon within 0.01 px of the true circle; one
// vertex, the centre. No keys or label fields of their own.
#include "shapes/registry.hpp"

namespace shapegen {

ShapeDecl circle_shape() {
  return {
      .name = "circle",
      .vertex_names = {"center"},
      .skeleton = {},
      .overlay = {0.2, 0.9, 0.2},
      .corners_are_vertices = false,  // the outline's corners are segment ends
      .fields = {},
      .kind_keys = {},
      .keys = {},
      .rules = {},
      .bind = [](const Config&) -> ShapeMaker {
        return [](Rng&, double r) {
          return ShapeGeometry{circle_outline(r, 0), {Point{0, 0}}, {}};
        };
      },
  };
}

}  // namespace shapegen
