// Ellipses: a class of their own for users who label ovals apart from
// circles (or map them to circle with shape.labels). Drawn like a circle of
// aspect shape.ellipse_aspect; one vertex, the centre, so it can share the
// circle's keypoints. Weight 0 in shape.classes unless a preset asks.
#include "shapes/proportions.hpp"

namespace shapegen {

namespace {

const ParamList<OvalProportions>& ellipse_params() {
  static const ParamList<OvalProportions> params = oval_proportions("ellipse", "1.3..3");
  return params;
}

}  // namespace

ShapeDecl ellipse_shape() {
  return {
      .name = "ellipse",
      .vertex_names = {"center"},
      .skeleton = {},
      .overlay = {0.1, 0.85, 0.85},
      .corners_are_vertices = false,
      .fields = {{"aspect", FieldPlace::after_rotation}},
      .kind_keys = {},
      .keys = declarations(ellipse_params()),
      .rules = {},
      .bind = [](const Config& config) -> ShapeMaker {
        const OvalProportions p = bind_params(config, ellipse_params());
        return [p](Rng& rng, double r) {
          std::vector<double> drawn;
          std::vector<Point> outline = draw_oval(p, rng, r, drawn);
          return ShapeGeometry{std::move(outline), {Point{0, 0}}, {drawn}};
        };
      },
      .default_weight = 0,
  };
}

}  // namespace shapegen
