// crop: a partial view. The view zooms in about the image centre and slides
// in a random direction until the wanted fraction of the ink stays in frame
// (found by bisection on coverage that Cairo renders), so objects are cut by
// the frame edge. Labels keep the full geometry and mark what left the frame.
#include <cmath>
#include <numbers>

#include "ops.hpp"
#include "shapegen/raster.hpp"

namespace shapegen::ops {

namespace {

class Crop : public Op {
 public:
  explicit Crop(const Config& c) : visible_(c.range("crop.visible")), zoom_(c.range("crop.zoom")) {}

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    const double zoom = draw(rng, zoom_), target = draw(rng, visible_);
    const double direction = rng.uniform(0, 360);
    const Point c{scene.width / 2.0, scene.height / 2.0};
    transform_points(scene, [&](Point p) { return Point{c.x + (p.x - c.x) * zoom, c.y + (p.y - c.y) * zoom}; });

    const Box ink = scene_ink_box(scene);
    const int x0 = int(std::floor(ink.x0)), y0 = int(std::floor(ink.y0));
    const double whole = scene.objects.empty() ? 0
                         : coverage_area(render_ink_coverage(scene, x0, y0, int(std::ceil(ink.x1)) - x0 + 1,
                                                             int(std::ceil(ink.y1)) - y0 + 1));
    const double ux = std::cos(direction * std::numbers::pi / 180), uy = std::sin(direction * std::numbers::pi / 180);
    // Fraction of the ink inside the frame once the scene moves by t along u.
    auto visible_after = [&](double t) {
      const int dx = int(std::lround(t * ux)), dy = int(std::lround(t * uy));
      return coverage_area(render_ink_coverage(scene, -dx, -dy, scene.width, scene.height)) / whole;
    };
    double lo = 0, hi = scene.width + scene.height + ink.width() + ink.height();
    double achieved = whole > 0 ? visible_after(0) : 0;
    if (whole > 0 && achieved > target) {
      for (int i = 0; i < 16 && hi - lo > 0.5; ++i) {
        const double mid = (lo + hi) / 2;
        (visible_after(mid) >= target ? lo : hi) = mid;
      }
      // Whole-pixel shifts keep the bisection and the final drawing in step.
      const Point by{double(std::lround(lo * ux)), double(std::lround(lo * uy))};
      transform_points(scene, [by](Point p) { return translate(p, by); });
      achieved = visible_after(0);
    }
    rec.add("zoom", zoom);
    rec.add("target_visible", target);
    rec.add("direction", direction);
    rec.add("shift", lo);
    rec.add("visible", achieved);
  }

 private:
  Range visible_, zoom_;
};

}  // namespace

OpDecl crop() {
  using namespace declare;
  return {"crop", "geometric", Phase::scene,
          "A partial view: zoom and shift the view so part of the ink leaves the frame.",
          {range("crop.visible", "0.5..0.9", {0, 1},
                 "Fraction of all ink that stays in the frame (measured on the rendered coverage)."),
           range("crop.zoom", "1..1.3", {0.1, 10}, "Zoom about the image centre before shifting.")},
          [](const Config& c) { return std::make_unique<Crop>(c); }};
}

}  // namespace shapegen::ops
