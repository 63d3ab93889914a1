// affine: rotation, scale (uniform and anisotropic), shear, translation and
// flips of the whole scene about the image centre, applied to the vector
// geometry so every label follows exactly.
#include <algorithm>
#include <cmath>

#include "augment/ops.hpp"

namespace shapegen::ops {

namespace {

struct Matrix {  // [a b; c d]
  double a, b, c, d;
  Matrix operator*(const Matrix& m) const {
    return {a * m.a + b * m.c, a * m.b + b * m.d, c * m.a + d * m.c, c * m.b + d * m.d};
  }
};

class Affine : public Op {
 public:
  explicit Affine(const Config& c)
      : rotation_(c.range("affine.rotation")), scale_(c.range("affine.scale")),
        aspect_(c.range("affine.aspect")), shear_x_(c.range("affine.shear_x")),
        shear_y_(c.range("affine.shear_y")), translate_(c.range("affine.translate")),
        flip_h_(c.real("affine.flip_h")), flip_v_(c.real("affine.flip_v")),
        keep_inside_(c.flag("affine.keep_inside")) {}

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    const double rotation = draw(rng, rotation_), scale = draw(rng, scale_), aspect = draw(rng, aspect_);
    const double shear_x = draw(rng, shear_x_), shear_y = draw(rng, shear_y_);
    const double tx = draw(rng, translate_) * scene.width, ty = draw(rng, translate_) * scene.height;
    const bool flip_h = rng.bernoulli(flip_h_), flip_v = rng.bernoulli(flip_v_);
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
    const bool shifted_in = keep_inside_ && shift_into_frame(scene);
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
  // Reverses V1..Vn (V0 stays first) and the outline, so the order stays clockwise.
  static void mirror_order(Object& o) {
    if (o.vertices.size() > 2) std::reverse(o.vertices.begin() + 1, o.vertices.end());
    std::reverse(o.outline.begin() + 1, o.outline.end());
  }
  Range rotation_, scale_, aspect_, shear_x_, shear_y_, translate_;
  double flip_h_, flip_v_;
  bool keep_inside_;
};

}  // namespace

OpDecl affine() {
  using namespace declare;
  return {"affine", "geometric", Phase::scene,
          "Rotation, scale, aspect, shear, translation and flips about the image centre.",
          {range("affine.rotation", "-15..15", {-3600, 3600}, "Rotation, degrees clockwise."),
           range("affine.scale", "0.9..1.1", {0, 10, true, false}, "Uniform scale factor."),
           range("affine.aspect", "1", {0, 10, true, false},
                 "Anisotropic stretch: x scaled by sqrt(aspect), y by 1/sqrt(aspect); circles "
                 "become ellipses, squares rectangles."),
           range("affine.shear_x", "0", {-80, 80}, "Horizontal shear angle, degrees."),
           range("affine.shear_y", "0", {-80, 80}, "Vertical shear angle, degrees."),
           range("affine.translate", "0", {-1, 1},
                 "Translation as a fraction of the width (x) and height (y), drawn per axis."),
           real("affine.flip_h", "0", {0, 1}, "Probability of a horizontal flip."),
           real("affine.flip_v", "0", {0, 1}, "Probability of a vertical flip."),
           boolean("affine.keep_inside", "true",
                   "Shift the result back so all ink stays in the frame (when it fits).")},
          [](const Config& c) { return std::make_unique<Affine>(c); }};
}

}  // namespace shapegen::ops
