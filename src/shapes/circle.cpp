// Circles: drawn as the polygon within 0.01 px of the true circle; one
// vertex, the centre. shape.circle_aspect makes people's circles, which are
// often ovals, still labeled circle; the aspect drawn is recorded (only when
// the key is not 1, so plain circles keep their labels byte for byte).
#include "shapes/proportions.hpp"

namespace shapegen {

namespace {

const ParamList<OvalProportions>& circle_params() {
  static const ParamList<OvalProportions> params = oval_proportions("circle", "1");
  return params;
}

}  // namespace

ShapeDecl circle_shape() {
  return {
      .name = "circle",
      .vertex_names = {"center"},
      .skeleton = {},
      .overlay = {0.2, 0.9, 0.2},
      .corners_are_vertices = false,  // the outline's corners are segment ends
      .fields = {{"aspect", FieldPlace::after_rotation}},
      .kind_keys = {},
      .keys = declarations(circle_params()),
      .rules = {},
      .bind = [](const Config& config) -> ShapeMaker {
        const OvalProportions p = bind_params(config, circle_params());
        if (plain(p))
          return [](Rng&, double r) {
            return ShapeGeometry{circle_outline(r, 0), {Point{0, 0}}, {}};
          };
        return [p](Rng& rng, double r) {
          std::vector<double> drawn;
          std::vector<Point> outline = draw_oval(p, rng, r, drawn);
          return ShapeGeometry{std::move(outline), {Point{0, 0}}, {drawn}};
        };
      },
  };
}

}  // namespace shapegen
