// perspective: the scene viewed from an angle. The image plane is tilted
// about an in-plane axis through the image centre and projected by a pinhole
// camera; a homography, so straight edges stay straight.
#include <cmath>

#include "augment/ops.hpp"

namespace shapegen::ops {

namespace {

struct PerspectiveParams {
  Range tilt, axis;
  double distance = 0;
  bool keep_inside = true;
};

class Perspective : public Op {
 public:
  explicit Perspective(const PerspectiveParams& p) : p_(p) {}

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    const double tilt = draw(rng, p_.tilt), axis = draw(rng, p_.axis);
    const double t = radians(tilt), a = radians(axis);
    // Rodrigues rotation about the unit axis (ux, uy, 0).
    const double ux = std::cos(a), uy = std::sin(a), ct = std::cos(t), st = std::sin(t);
    const double r00 = ct + ux * ux * (1 - ct), r01 = ux * uy * (1 - ct), r10 = r01;
    const double r11 = ct + uy * uy * (1 - ct), r20 = -uy * st, r21 = ux * st;
    // The camera sits `distance` image diagonals from the plane; distance >
    // 0.5 keeps every point of the frame in front of it.
    const double f = p_.distance * std::hypot(scene.width, scene.height);
    const Point c{scene.width / 2.0, scene.height / 2.0};
    transform_points(scene, [&](Point p) {
      const double x = p.x - c.x, y = p.y - c.y;
      const double X = r00 * x + r01 * y, Y = r10 * x + r11 * y, Z = r20 * x + r21 * y;
      const double k = f / (f + Z);
      return Point{c.x + k * X, c.y + k * Y};
    });
    const bool shifted_in = p_.keep_inside && shift_into_frame(scene);
    rec.add("tilt", tilt);
    rec.add("axis", axis);
    rec.add("shifted_into_frame", shifted_in);
  }

 private:
  const PerspectiveParams p_;
};

}  // namespace

OpDecl perspective_op() {
  using namespace declare;
  using P = PerspectiveParams;
  return declare_op<Perspective>(
      "perspective", OpFamily::geometric, Phase::scene,
      "The scene viewed from an angle: a projective warp; straight edges stay straight.",
      {field(&P::tilt, range("tilt", "10..35", {0, 80}, "Tilt of the image plane, degrees.")),
       field(&P::axis,
             range("axis", "0..360", {-3600, 3600},
                   "Direction of the tilt axis in the image, degrees clockwise from +x.")),
       field(&P::distance,
             real("distance", "1.2", {0.5, 100, true, false},
                  "Camera distance in image diagonals; smaller means stronger foreshortening.")),
       field(&P::keep_inside,
             boolean("keep_inside", "true",
                     "Shift the result back so all ink stays in the frame (when it fits)."))});
}

}  // namespace shapegen::ops
