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

// Placements tried per occluder; the one hiding closest to the target is kept
// (the 16 of occlude.hidden's doc).
constexpr int kOccluderPlacementTries = 16;

enum class OccluderShape { rectangle, ellipse, polygon };
constexpr std::array<EnumName<OccluderShape>, 3> enum_names(OccluderShape) {
  return {{{OccluderShape::rectangle, "rectangle"},
           {OccluderShape::ellipse, "ellipse"},
           {OccluderShape::polygon, "polygon"}}};
}

enum class OccluderFill { background, random, noise };
constexpr std::array<EnumName<OccluderFill>, 3> enum_names(OccluderFill) {
  return {{{OccluderFill::background, "background"},
           {OccluderFill::random, "random"},
           {OccluderFill::noise, "noise"}}};
}

struct OccludeParams {
  Weighted<OccluderShape> shape;
  Weighted<OccluderFill> fill;
  Range size, hidden;
};

// An occluder's coverage over the part of the frame it can touch.
struct Window {
  int x0 = 0, y0 = 0;
  Image mask;
};

Window render_window(const Scene& scene, const Object& occluder) {
  const Box b = intersect(inflate(extents(occluder.outline), 1),
                          Box{0, 0, double(scene.width), double(scene.height)});
  Window w;
  if (b.empty()) return w;
  w.x0 = int(std::floor(b.x0));
  w.y0 = int(std::floor(b.y0));
  w.mask = render_coverage(scene, occluder, w.x0, w.y0, int(std::ceil(b.x1)) - w.x0,
                           int(std::ceil(b.y1)) - w.y0);
  return w;
}

class Occlude : public Op {
 public:
  explicit Occlude(const OccludeParams& p) : p_(p) {}

  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const Scene& scene = s.scene;
    const OccluderShape shape = p_.shape.draw(rng);
    const OccluderFill fill = p_.fill.draw(rng);
    const double size = draw(rng, p_.size) * std::min(scene.width, scene.height);
    const double target_lo = p_.hidden.lo, target_hi = p_.hidden.hi;
    const Image ink = render_ink_coverage(scene, 0, 0, scene.width, scene.height);
    const double ink_area = coverage_area(ink);
    Box around =
        intersect(scene_ink_box(scene), Box{0, 0, double(scene.width), double(scene.height)});
    if (around.empty()) around = {0, 0, double(scene.width), double(scene.height)};

    // Keep the placement whose hidden fraction is nearest the target range.
    // Coverage is rendered only over the occluder's own window.
    Object best;
    Window best_window;
    double best_hidden = 0, best_miss = INFINITY;
    for (int attempt = 0; attempt < kOccluderPlacementTries && best_miss > 0; ++attempt) {
      Object occluder = make_occluder(shape, size, rng);
      const Point at{rng.uniform(around.x0, around.x1), rng.uniform(around.y0, around.y1)};
      transform_points(occluder, [at](Point p) { return translate(p, at); });
      Window window = render_window(scene, occluder);
      double hidden_area = 0;
      for (int y = 0; y < window.mask.height; ++y)
        for (int x = 0; x < window.mask.width; ++x)
          hidden_area +=
              ink.at(window.x0 + x, window.y0 + y) * window.mask.at(x, y) / (255.0 * 255.0);
      const double hidden = ink_area > 0 ? hidden_area / ink_area : 0;
      const double miss = hidden < target_lo   ? target_lo - hidden
                          : hidden > target_hi ? hidden - target_hi
                                               : 0;
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
    rec.add("shape", std::string(name_of(shape)));
    rec.add("fill", std::string(name_of(fill)));
    rec.add("size", size);
    rec.add("bbox", std::vector<double>{box.x0, box.y0, box.x1, box.y1});
    rec.add("hidden", best_hidden);
  }

 private:
  // An occluder centred on the origin, as a filled object.
  static Object make_occluder(OccluderShape shape, double size, Rng& rng) {
    Object o;
    o.style.fill = FillMode::filled;
    const double angle = rng.uniform(0, 360), aspect = rng.uniform(0.4, 1.0);
    switch (shape) {
      case OccluderShape::polygon: {
        const int n = int(rng.uniform_int(5, 8));
        for (int i = 0; i < n; ++i) {
          const double a = 2 * std::numbers::pi * (i + rng.uniform(0.2, 0.8)) / n;
          const double r = size / 2 * rng.uniform(0.5, 1.0);
          o.outline.push_back({r * std::cos(a), r * std::sin(a)});
        }
        break;
      }
      case OccluderShape::ellipse:
        o.outline = circle_outline(size / 2, 0);
        for (Point& p : o.outline) p.y *= aspect;
        break;
      case OccluderShape::rectangle:
        o.outline = {{-size / 2, -size * aspect / 2},
                     {size / 2, -size * aspect / 2},
                     {size / 2, size * aspect / 2},
                     {-size / 2, size * aspect / 2}};
        break;
    }
    for (Point& p : o.outline) p = rotate(p, angle);
    return o;
  }

  static void paint(RasterState& s, const Window& window, OccluderFill fill, Rng& rng) {
    Image& img = s.image;
    const Image& mask = window.mask;
    Image background;
    if (fill == OccluderFill::background) {
      Scene empty = s.scene;
      empty.objects.clear();
      background = render_scene(empty);
    }
    std::uint8_t level[3];
    for (auto& l : level) l = static_cast<std::uint8_t>(rng.uniform_int(0, 255));
    // Noise takes its levels eight to a draw, one for every value of the
    // window, covered or not, so the stream does not depend on the mask's shape.
    std::uint64_t bytes = 0;
    int left = 0;
    auto noise = [&] {
      if (left == 0) bytes = rng.next_u64(), left = 8;
      return double((bytes >> (8 * --left)) & 0xff);
    };
    for (int y = 0; y < mask.height; ++y)
      for (int x = 0; x < mask.width; ++x) {
        const int ix = window.x0 + x, iy = window.y0 + y;
        const double a = mask.at(x, y) / 255.0;
        for (int c = 0; c < img.channels; ++c) {
          const double source = fill == OccluderFill::background ? background.at(ix, iy, c)
                                : fill == OccluderFill::noise    ? noise()
                                                                 : level[img.channels == 3 ? c : 0];
          if (a > 0) img.at(ix, iy, c) = to_level(img.at(ix, iy, c) * (1 - a) + source * a);
        }
      }
  }

  const OccludeParams p_;
};

}  // namespace

OpDecl occlude_op() {
  using namespace declare;
  using P = OccludeParams;
  return declare_op<Occlude>(
      "occlude", OpFamily::occlusion, Phase::pixels,
      "An occluder over the objects, hiding a target fraction of their ink.",
      {field(&P::shape, weights("shape", "rectangle:1, ellipse:1, polygon:1",
                                names_of<OccluderShape>(), "Occluder shape.")),
       field(&P::fill, weights("fill", "background:1, random:1, noise:1", names_of<OccluderFill>(),
                               "What the occluder is filled with.")),
       field(&P::size, range("size", "0.2..0.5", {0, 2, true, false},
                             "Occluder size as a fraction of the shorter image side.")),
       field(&P::hidden,
             range("hidden", "0.1..0.4", {0, 1},
                   "Target fraction of the ink to hide; the closest of 16 placements is kept."))});
}

}  // namespace shapegen::ops
