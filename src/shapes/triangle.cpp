// Triangles: three vertices on the circumscribed circle, V0 up and V1, V2
// clockwise. Four kinds, each with its own angle rule; the kinds and the
// angle keys are the triangle's own. Labels add its kind and its angles.
#include <array>
#include <cmath>

#include "params/bind.hpp"
#include "shapegen/error.hpp"
#include "shapes/registry.hpp"

namespace shapegen {

namespace {

enum class TriangleKind { equilateral, isosceles, right, scalene };
constexpr std::array<EnumName<TriangleKind>, 4> enum_names(TriangleKind) {
  return {{{TriangleKind::equilateral, "equilateral"},
           {TriangleKind::isosceles, "isosceles"},
           {TriangleKind::right, "right"},
           {TriangleKind::scalene, "scalene"}}};
}

struct TriangleParams {
  Weighted<TriangleKind> kinds;
  Range isosceles_apex, right_acute;
  double scalene_min_angle = 0, scalene_min_difference = 0;
};

// The kinds first: their key sits beside shape.classes (ShapeDecl::kind_keys).
const ParamList<TriangleParams>& triangle_params() {
  using namespace declare;
  using P = TriangleParams;
  static const ParamList<TriangleParams> params = {
      field(&P::kinds,
            weights("shape.triangle_kinds", "equilateral:1, isosceles:1, right:1, scalene:1",
                    names_of<TriangleKind>(), "Relative frequency of each kind of triangle.")),
      field(&P::isosceles_apex, range("shape.isosceles_apex", "30..120", {0, 180, true, true},
                                      "Apex angle of isosceles triangles, degrees.")),
      field(&P::right_acute, range("shape.right_acute", "25..65", {0, 90, true, true},
                                   "One acute angle of right triangles, degrees.")),
      field(&P::scalene_min_angle, real("shape.scalene_min_angle", "25", {0, 60, true, true},
                                        "Smallest interior angle of scalene triangles, degrees.")),
      field(&P::scalene_min_difference,
            real("shape.scalene_min_difference", "10", {0, 30},
                 "Least difference between any two angles of a scalene triangle, degrees.")),
  };
  return params;
}

void check_scalene_angles(const TriangleParams& p) {
  const double m = p.scalene_min_angle, d = p.scalene_min_difference;
  if (3 * m + 3 * d > 180)
    throw ConfigError(
        "keys 'shape.scalene_min_angle' = " + format_real(m) +
        " and 'shape.scalene_min_difference' = " + format_real(d) +
        " allow no scalene triangle; allowed: 3 * (min_angle + min_difference) <= 180");
}

// Interior angles at V0, V1, V2, degrees.
std::array<double, 3> draw_angles(const TriangleParams& p, TriangleKind kind, Rng& rng) {
  switch (kind) {
    case TriangleKind::equilateral:
      return {60, 60, 60};
    case TriangleKind::isosceles: {
      const double a = rng.uniform(p.isosceles_apex.lo, p.isosceles_apex.hi);
      return {a, (180 - a) / 2, (180 - a) / 2};
    }
    case TriangleKind::right: {
      const double a = rng.uniform(p.right_acute.lo, p.right_acute.hi);
      return {90, a, 90 - a};
    }
    case TriangleKind::scalene:
      break;
  }
  // Scalene: rejection sampling over the angle simplex; check_scalene_angles
  // guarantees the fallback triangle satisfies the constraints.
  const double m = p.scalene_min_angle;
  const double d = p.scalene_min_difference;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const double a0 = rng.uniform(m, 180 - 2 * m);
    const double a1 = rng.uniform(m, 180 - 2 * m);
    const double a2 = 180 - a0 - a1;
    if (a2 < m) continue;
    if (std::abs(a0 - a1) < d || std::abs(a1 - a2) < d || std::abs(a0 - a2) < d) continue;
    return {a0, a1, a2};
  }
  return {m, m + d, 180 - 2 * m - d};
}

ShapeMaker bind_triangle(const Config& config) {
  const TriangleParams p = bind_params(config, triangle_params());
  return [p](Rng& rng, double r) {
    const TriangleKind kind = p.kinds.draw(rng);
    const std::array<double, 3> a = draw_angles(p, kind, rng);
    std::vector<Point> vertices = triangle_vertices(r, a[0], a[1], a[2]);
    return ShapeGeometry{
        vertices, vertices, {std::string(name_of(kind)), std::vector<double>(a.begin(), a.end())}};
  };
}

}  // namespace

ShapeDecl triangle_shape() {
  const std::vector<OptionDecl> keys = declarations(triangle_params());
  return {
      .name = "triangle",
      .vertex_names = {"v0", "v1", "v2"},
      .skeleton = ring_skeleton(3),
      .overlay = {1, 0.2, 0.2},
      .corners_are_vertices = true,
      .fields = {{"kind", FieldPlace::after_class}, {"angles", FieldPlace::after_rotation, true}},
      .kind_keys = {keys.front()},
      .keys = {keys.begin() + 1, keys.end()},
      .rules = {[](const Config& c) { check_scalene_angles(bind_params(c, triangle_params())); }},
      .bind = bind_triangle,
  };
}

}  // namespace shapegen
