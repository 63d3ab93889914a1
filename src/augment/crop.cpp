// crop: a partial view. The view zooms in about the image centre and slides
// in a random direction until the wanted fraction of the ink stays in frame
// (found by bisection on the coverage Cairo renders), so objects are cut by
// the frame edge. Labels keep the full geometry and mark what left the frame.
#include <algorithm>
#include <cmath>
#include <vector>

#include "augment/ops.hpp"
#include "render/raster.hpp"

namespace shapegen::ops {

namespace {

struct CropParams {
  Range visible, zoom;
};

class Crop : public Op {
 public:
  explicit Crop(const CropParams& p) : p_(p) {}

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    const double zoom = draw(rng, p_.zoom), target = draw(rng, p_.visible);
    const double direction = rng.uniform(0, 360);
    const Point c{scene.width / 2.0, scene.height / 2.0};
    transform_points(scene, [&](Point p) {
      return Point{c.x + (p.x - c.x) * zoom, c.y + (p.y - c.y) * zoom};
    });

    // The ink's coverage is rendered once; moving the scene by whole pixels
    // moves that coverage exactly, so the fraction in frame after any shift
    // is a rectangle sum over a summed-area table.
    const Box ink = scene_ink_box(scene);
    const int x0 = int(std::floor(ink.x0)), y0 = int(std::floor(ink.y0));
    const int cw = scene.objects.empty() ? 0 : int(std::ceil(ink.x1)) - x0 + 1;
    const int ch = scene.objects.empty() ? 0 : int(std::ceil(ink.y1)) - y0 + 1;
    const Image coverage = cw > 0 ? render_ink_coverage(scene, x0, y0, cw, ch) : Image();
    std::vector<double> table(std::size_t(cw + 1) * (ch + 1),
                              0.0);  // sums of coverage[0..x) x [0..y)
    for (int y = 0; y < ch; ++y)
      for (int x = 0; x < cw; ++x)
        table[(y + 1) * (cw + 1) + x + 1] = coverage.at(x, y) + table[y * (cw + 1) + x + 1] +
                                            table[(y + 1) * (cw + 1) + x] - table[y * (cw + 1) + x];
    const double whole = table.back();
    const double ux = std::cos(radians(direction)), uy = std::sin(radians(direction));
    auto visible_after = [&](double t) {
      const int dx = int(std::lround(t * ux)), dy = int(std::lround(t * uy));
      const int a0 = std::clamp(-x0 - dx, 0, cw), a1 = std::clamp(scene.width - x0 - dx, 0, cw);
      const int b0 = std::clamp(-y0 - dy, 0, ch), b1 = std::clamp(scene.height - y0 - dy, 0, ch);
      const double in = table[b1 * (cw + 1) + a1] - table[b0 * (cw + 1) + a1] -
                        table[b1 * (cw + 1) + a0] + table[b0 * (cw + 1) + a0];
      return in / whole;
    };
    double lo = 0, hi = scene.width + scene.height + ink.width() + ink.height();
    double achieved = whole > 0 ? visible_after(0) : 0;
    if (whole > 0 && achieved > target) {
      for (int i = 0; i < 20 && hi - lo > 0.5; ++i) {
        const double mid = (lo + hi) / 2;
        (visible_after(mid) >= target ? lo : hi) = mid;
      }
      achieved = visible_after(lo);
      const Point by{double(std::lround(lo * ux)), double(std::lround(lo * uy))};
      transform_points(scene, [by](Point p) { return translate(p, by); });
      ink_coverage_moved(scene, by);  // the coverage moves along: labels reuse it
    }
    rec.add("zoom", zoom);
    rec.add("target_visible", target);
    rec.add("direction", direction);
    rec.add("shift", lo);
    rec.add("visible", achieved);
  }

 private:
  const CropParams p_;
};

}  // namespace

OpDecl crop_op() {
  using namespace declare;
  using P = CropParams;
  return declare_op<Crop>(
      "crop", OpFamily::geometric, Phase::scene,
      "A partial view: zoom and shift the view so part of the ink leaves the frame.",
      {field(&P::visible, range("visible", "0.5..0.9", {0, 1},
                                "Fraction of all ink that stays in the frame (measured on the "
                                "rendered coverage).")),
       field(&P::zoom,
             range("zoom", "1..1.3", {0.1, 10}, "Zoom about the image centre before shifting."))});
}

}  // namespace shapegen::ops
