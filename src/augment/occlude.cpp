// occlude: a rectangle, ellipse or polygon laid over the objects, filled with
// the background, a random intensity, or noise. Its placement is searched so
// that the hidden fraction of the ink (measured on Cairo's coverage) lands in
// the target range. The occluder's coverage is added to RasterState::hidden,
// from which visible_fraction, visible bboxes and vertex flags follow.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "augment/ops.hpp"
#include "augment/pixels.hpp"
#include "render/raster.hpp"

namespace shapegen::ops {

namespace {

constexpr int kPlacementTries = 16;

// An occluder's coverage over the part of the frame it can touch.
struct Window {
  int x0 = 0, y0 = 0;
  Image mask;
};

Window render_window(const Scene& scene, const Object& occluder) {
  const Box b = intersect(inflate(extents(occluder.outline), 1), Box{0, 0, double(scene.width), double(scene.height)});
  Window w;
  if (b.empty()) return w;
  w.x0 = int(std::floor(b.x0));
  w.y0 = int(std::floor(b.y0));
  w.mask = render_coverage(scene, occluder, w.x0, w.y0, int(std::ceil(b.x1)) - w.x0, int(std::ceil(b.y1)) - w.y0);
  return w;
}

class Occlude : public Op {
 public:
  explicit Occlude(const Config& c)
      : shapes_(c.weights("occlude.shape")), fills_(c.weights("occlude.fill")),
        size_(c.range("occlude.size")), hidden_(c.range("occlude.hidden")) {}

  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const Scene& scene = s.scene;
    const std::string shape = shapes_.names[rng.choice(shapes_.weights)];
    const std::string fill = fills_.names[rng.choice(fills_.weights)];
    const double size = draw(rng, size_) * std::min(scene.width, scene.height);
    const double target_lo = hidden_.lo, target_hi = hidden_.hi;
    const Image ink = render_ink_coverage(scene, 0, 0, scene.width, scene.height);
    const double ink_area = coverage_area(ink);
    Box around = intersect(scene_ink_box(scene), Box{0, 0, double(scene.width), double(scene.height)});
    if (around.empty()) around = {0, 0, double(scene.width), double(scene.height)};

    // Keep the placement whose hidden fraction is nearest the target range.
    // Coverage is rendered only over the occluder's own window.
    Object best;
    Window best_window;
    double best_hidden = 0, best_miss = INFINITY;
    for (int attempt = 0; attempt < kPlacementTries && best_miss > 0; ++attempt) {
      Object occluder = make_occluder(shape, size, rng);
      const Point at{rng.uniform(around.x0, around.x1), rng.uniform(around.y0, around.y1)};
      transform_points(occluder, [at](Point p) { return translate(p, at); });
      Window window = render_window(scene, occluder);
      double hidden_area = 0;
      for (int y = 0; y < window.mask.height; ++y)
        for (int x = 0; x < window.mask.width; ++x)
          hidden_area += ink.at(window.x0 + x, window.y0 + y) * window.mask.at(x, y) / (255.0 * 255.0);
      const double hidden = ink_area > 0 ? hidden_area / ink_area : 0;
      const double miss = hidden < target_lo ? target_lo - hidden : hidden > target_hi ? hidden - target_hi : 0;
      if (miss < best_miss) {
        best_miss = miss;
        best_hidden = hidden;
        best = std::move(occluder);
        best_window = std::move(window);
      }
    }
    paint(s, best_window, fill, rng);
    if (s.hidden.pixels.empty()) s.hidden = Image(scene.width, scene.height, 1);
    const Image& m = best_window.mask;
    for (int y = 0; y < m.height; ++y)
      for (int x = 0; x < m.width; ++x) {
        std::uint8_t& h = s.hidden.at(best_window.x0 + x, best_window.y0 + y);
        h = std::max(h, m.at(x, y));
      }

    const Box box = extents(best.outline);
    rec.add("shape", shape);
    rec.add("fill", fill);
    rec.add("size", size);
    rec.add("bbox", std::vector<double>{box.x0, box.y0, box.x1, box.y1});
    rec.add("hidden", best_hidden);
  }

 private:
  // An occluder centred on the origin, as a filled object.
  static Object make_occluder(const std::string& shape, double size, Rng& rng) {
    Object o;
    o.style.fill = FillMode::filled;
    const double angle = rng.uniform(0, 360), aspect = rng.uniform(0.4, 1.0);
    if (shape == "polygon") {
      const int n = int(rng.uniform_int(5, 8));
      for (int i = 0; i < n; ++i) {
        const double a = 2 * std::numbers::pi * (i + rng.uniform(0.2, 0.8)) / n;
        const double r = size / 2 * rng.uniform(0.5, 1.0);
        o.outline.push_back({r * std::cos(a), r * std::sin(a)});
      }
    } else if (shape == "ellipse") {
      o.outline = circle_outline(size / 2, 0);
      for (Point& p : o.outline) p.y *= aspect;
    } else {
      o.outline = {{-size / 2, -size * aspect / 2}, {size / 2, -size * aspect / 2},
                   {size / 2, size * aspect / 2}, {-size / 2, size * aspect / 2}};
    }
    for (Point& p : o.outline) p = rotate(p, angle);
    return o;
  }

  static void paint(RasterState& s, const Window& window, const std::string& fill, Rng& rng) {
    Image& img = s.image;
    const Image& mask = window.mask;
    Image background;
    if (fill == "background") {
      Scene empty = s.scene;
      empty.objects.clear();
      background = render_scene(empty);
    }
    std::uint8_t level[3];
    for (auto& l : level) l = static_cast<std::uint8_t>(rng.uniform_int(0, 255));
    for (int y = 0; y < mask.height; ++y)
      for (int x = 0; x < mask.width; ++x) {
        const int ix = window.x0 + x, iy = window.y0 + y;
        const double a = mask.at(x, y) / 255.0;
        for (int c = 0; c < img.channels; ++c) {
          // Noise draws for every pixel of the window, covered or not, so the
          // stream does not depend on the mask's shape.
          const double source = fill == "background" ? background.at(ix, iy, c)
                                : fill == "noise"    ? double(rng.uniform_int(0, 255))
                                                     : level[img.channels == 3 ? c : 0];
          if (a > 0) img.at(ix, iy, c) = to_level(img.at(ix, iy, c) * (1 - a) + source * a);
        }
      }
  }

  Weights shapes_, fills_;
  Range size_, hidden_;
};

}  // namespace

OpDecl occlude() {
  using namespace declare;
  return {"occlude", "occlusion", Phase::pixels,
          "An occluder over the objects, hiding a target fraction of their ink.",
          {weights("occlude.shape", "rectangle:1, ellipse:1, polygon:1", {"rectangle", "ellipse", "polygon"},
                   "Occluder shape."),
           weights("occlude.fill", "background:1, random:1, noise:1", {"background", "random", "noise"},
                   "What the occluder is filled with."),
           range("occlude.size", "0.2..0.5", {0, 2, true, false},
                 "Occluder size as a fraction of the shorter image side."),
           range("occlude.hidden", "0.1..0.4", {0, 1},
                 "Target fraction of the ink to hide; the closest of 16 placements is kept.")},
          [](const Config& c) { return std::make_unique<Occlude>(c); }};
}

}  // namespace shapegen::ops
