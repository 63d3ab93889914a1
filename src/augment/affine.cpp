// affine: rotation, scale (uniform and anisotropic), shear, translation and
// flips of the whole scene about the image centre, applied to the vector
// geometry so every label follows exactly.
#include <algorithm>
#include <cmath>

#include "augment/ops.hpp"
#include "shapes/registry.hpp"

namespace shapegen::ops {

namespace {

struct Matrix {  // [a b; c d]
  double a, b, c, d;
  Matrix operator*(const Matrix& m) const {
    return {a * m.a + b * m.c, a * m.b + b * m.d, c * m.a + d * m.c, c * m.b + d * m.d};
  }
};

struct AffineParams {
  Range rotation, scale, aspect, shear_x, shear_y, translate;
  double flip_h = 0, flip_v = 0;
  bool keep_inside = true;
};

class Affine : public Op {
 public:
  explicit Affine(const AffineParams& p) : p_(p) {}

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    const double rotation = draw(rng, p_.rotation), scale = draw(rng, p_.scale);
    const double aspect = draw(rng, p_.aspect);
    const double shear_x = draw(rng, p_.shear_x), shear_y = draw(rng, p_.shear_y);
    const double tx = draw(rng, p_.translate) * scene.width;
    const double ty = draw(rng, p_.translate) * scene.height;
    const bool flip_h = rng.bernoulli(p_.flip_h), flip_v = rng.bernoulli(p_.flip_v);
    const double cr = std::cos(radians(rotation)), sr = std::sin(radians(rotation));
    const Matrix rotate{cr, -sr, sr, cr};
    const Matrix shear{1, std::tan(radians(shear_x)), std::tan(radians(shear_y)), 1};
    const double sa = std::sqrt(aspect);
    const Matrix stretch{scale * sa * (flip_h ? -1 : 1), 0, 0, scale / sa * (flip_v ? -1 : 1)};
    const Matrix m = rotate * shear * stretch;
    const Point c{scene.width / 2.0, scene.height / 2.0};
    transform_points(scene, [&](Point p) {
      const double x = p.x - c.x, y = p.y - c.y;
      return Point{c.x + m.a * x + m.b * y + tx, c.y + m.c * x + m.d * y + ty};
    });
    // A mirror image (flip, or shear past 45+45 degrees) reverses the winding;
    // keep the vertex order clockwise on screen.
    if (m.a * m.d - m.b * m.c < 0)
      for (Object& o : scene.objects) mirror_order(o);
    const bool shifted_in = p_.keep_inside && shift_into_frame(scene);
    rec.add("rotation", rotation);
    rec.add("scale", scale);
    rec.add("aspect", aspect);
    rec.add("shear_x", shear_x);
    rec.add("shear_y", shear_y);
    rec.add("translate", std::vector<double>{tx, ty});
    rec.add("flip_h", flip_h);
    rec.add("flip_v", flip_v);
    rec.add("shifted_into_frame", shifted_in);
  }

 private:
  // Reverses V1..Vn (V0 stays first) and the outline, so the order stays
  // clockwise; per-vertex fields (a triangle's angles) stay with their vertices.
  static void mirror_order(Object& o) {
    if (o.vertices.size() > 2) {
      std::reverse(o.vertices.begin() + 1, o.vertices.end());
      const std::vector<ShapeField>& fields = shape_decl(o.shape).fields;
      for (std::size_t i = 0; i < fields.size() && i < o.fields.size(); ++i) {
        auto* numbers = std::get_if<std::vector<double>>(&o.fields[i]);
        if (fields[i].per_vertex && numbers && numbers->size() == o.vertices.size())
          std::reverse(numbers->begin() + 1, numbers->end());
      }
    }
    std::reverse(o.outline.begin() + 1, o.outline.end());
  }
  const AffineParams p_;
};

}  // namespace

OpDecl affine_op() {
  using namespace declare;
  using P = AffineParams;
  return declare_op<Affine>(
      "affine", OpFamily::geometric, Phase::scene,
      "Rotation, scale, aspect, shear, translation and flips about the image centre.",
      {field(&P::rotation,
             range("rotation", "-15..15", {-3600, 3600}, "Rotation, degrees clockwise.")),
       field(&P::scale, range("scale", "0.9..1.1", {0, 10, true, false}, "Uniform scale factor.")),
       field(&P::aspect,
             range("aspect", "1", {0, 10, true, false},
                   "Anisotropic stretch: x scaled by sqrt(aspect), y by 1/sqrt(aspect); circles "
                   "become ellipses, squares rectangles.")),
       field(&P::shear_x, range("shear_x", "0", {-80, 80}, "Horizontal shear angle, degrees.")),
       field(&P::shear_y, range("shear_y", "0", {-80, 80}, "Vertical shear angle, degrees.")),
       field(&P::translate,
             range("translate", "0", {-1, 1},
                   "Translation as a fraction of the width (x) and height (y), drawn per axis.")),
       field(&P::flip_h, real("flip_h", "0", {0, 1}, "Probability of a horizontal flip.")),
       field(&P::flip_v, real("flip_v", "0", {0, 1}, "Probability of a vertical flip.")),
       field(&P::keep_inside,
             boolean("keep_inside", "true",
                     "Shift the result back so all ink stays in the frame (when it fits)."))});
}

}  // namespace shapegen::ops
