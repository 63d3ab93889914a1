// perspective: the scene viewed from an angle. The image plane is tilted
// about an in-plane axis through the image centre and projected by a pinhole
// camera; a homography, so straight edges stay straight.
#include <cmath>

#include "augment/ops.hpp"

namespace shapegen::ops {

namespace {

class Perspective : public Op {
 public:
  explicit Perspective(const Config& c)
      : tilt_(c.range("perspective.tilt")), axis_(c.range("perspective.axis")),
        distance_(c.real("perspective.distance")), keep_inside_(c.flag("perspective.keep_inside")) {}

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    const double tilt = draw(rng, tilt_), axis = draw(rng, axis_);
    const double t = radians(tilt), a = radians(axis);
    // Rodrigues rotation about the unit axis (ux, uy, 0).
    const double ux = std::cos(a), uy = std::sin(a), ct = std::cos(t), st = std::sin(t);
    const double r00 = ct + ux * ux * (1 - ct), r01 = ux * uy * (1 - ct), r10 = r01;
    const double r11 = ct + uy * uy * (1 - ct), r20 = -uy * st, r21 = ux * st;
    // The camera sits `distance` image diagonals from the plane; distance >
    // 0.5 keeps every point of the frame in front of it.
    const double f = distance_ * std::hypot(scene.width, scene.height);
    const Point c{scene.width / 2.0, scene.height / 2.0};
    transform_points(scene, [&](Point p) {
      const double x = p.x - c.x, y = p.y - c.y;
      const double X = r00 * x + r01 * y, Y = r10 * x + r11 * y, Z = r20 * x + r21 * y;
      const double k = f / (f + Z);
      return Point{c.x + k * X, c.y + k * Y};
    });
    const bool shifted_in = keep_inside_ && shift_into_frame(scene);
    rec.add("tilt", tilt);
    rec.add("axis", axis);
    rec.add("shifted_into_frame", shifted_in);
  }

 private:
  Range tilt_, axis_;
  double distance_;
  bool keep_inside_;
};

}  // namespace

OpDecl perspective() {
  using namespace declare;
  return {"perspective", "geometric", Phase::scene,
          "The scene viewed from an angle: a projective warp; straight edges stay straight.",
          {range("perspective.tilt", "10..35", {0, 80}, "Tilt of the image plane, degrees."),
           range("perspective.axis", "0..360", {-3600, 3600},
                 "Direction of the tilt axis in the image, degrees clockwise from +x."),
           real("perspective.distance", "1.2", {0.5, 100, true, false},
                "Camera distance in image diagonals; smaller means stronger foreshortening."),
           boolean("perspective.keep_inside", "true",
                   "Shift the result back so all ink stays in the frame (when it fits).")},
          [](const Config& c) { return std::make_unique<Perspective>(c); }};
}

}  // namespace shapegen::ops
