// frame: how the drawing sits in the image. Doodle datasets centre each
// drawing on its ink box and scale it so its longer side is a fixed part of
// the frame ("fit"); other drawings are small somewhere on a large page
// ("small"). When frame does not fire, placement is the sampler's. The whole
// scene is scaled about its ink box and moved: every label follows. Stroke
// widths follow the scale as far as width_scaling says: a drawing app's pen
// keeps its width (0); a drawing scanned and scaled down thins (1).
#include <algorithm>
#include <array>
#include <cmath>

#include "augment/ops.hpp"

namespace shapegen::ops {

namespace {

enum class FrameMode { fit, small };
constexpr std::array<EnumName<FrameMode>, 2> enum_names(FrameMode) {
  return {{{FrameMode::fit, "fit"}, {FrameMode::small, "small"}}};
}

struct FrameParams {
  Weighted<FrameMode> mode;
  Range fit, small, offset, width_scaling;
};

// Box of the points the ink is drawn around (strokes, and outlines of fills),
// and the largest half width of a stroke: ink reaches that far beyond them.
struct Skeleton {
  Box box;
  double reach = 0;
  bool any = false;
};

Skeleton skeleton_of(const Scene& scene) {
  Skeleton k;
  auto add = [&](Point p) {
    k.box = k.any ? Box{std::min(k.box.x0, p.x), std::min(k.box.y0, p.y), std::max(k.box.x1, p.x),
                        std::max(k.box.y1, p.y)}
                  : Box{p.x, p.y, p.x, p.y};
    k.any = true;
  };
  for (const Object& o : scene.objects) {
    if (o.style.has_fill())
      for (Point p : o.outline) add(p);
    for_each_ink_stroke(o, [&](const StrokePath& s) {
      for (std::size_t i = 0; i < s.points.size(); ++i) {
        add(s.points[i]);
        k.reach = std::max(k.reach, s.widths[i] / 2);
      }
    });
  }
  return k;
}

class Frame : public Op {
 public:
  explicit Frame(const FrameParams& p) : p_(p) {}

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    const FrameMode mode = p_.mode.draw(rng);
    const double fraction = draw(rng, mode == FrameMode::fit ? p_.fit : p_.small);
    const double offset = draw(rng, p_.offset), follow = draw(rng, p_.width_scaling);
    const double u = rng.uniform01(), v = rng.uniform01();
    const Skeleton k = skeleton_of(scene);
    if (!k.any) return;
    const double side = std::min(scene.width, scene.height);
    const double longer = std::max(k.box.width(), k.box.height());
    // The ink's longer side (points plus the pen's reach, which scales by
    // scale^follow) becomes fraction x side: bisection, as that side grows
    // with the scale.
    const double target = fraction * side;
    auto ink_side = [&](double s) { return s * longer + 2 * k.reach * std::pow(s, follow); };
    double lo = 0, hi = 1;
    while (ink_side(hi) < target && hi < 1e6) hi *= 2;
    for (int i = 0; i < 60; ++i) (ink_side((lo + hi) / 2) < target ? lo : hi) = (lo + hi) / 2;
    // A pen too wide for the target: scale everything alike instead.
    const double scale = lo > 0 ? lo : target / std::max(longer + 2 * k.reach, 1e-9);
    const double widths = std::pow(scale, follow);
    const double reach = k.reach * widths;
    const double w = k.box.width() * scale + 2 * reach, h = k.box.height() * scale + 2 * reach;
    // Free room around the ink box; fit centres it (plus offset x half the
    // room), small puts it anywhere.
    const double room_x = std::max(0.0, scene.width - w), room_y = std::max(0.0, scene.height - h);
    const double fx = mode == FrameMode::fit ? 0.5 + offset * (u - 0.5) : u;
    const double fy = mode == FrameMode::fit ? 0.5 + offset * (v - 0.5) : v;
    const Point to{room_x * fx + reach + (scene.width - room_x - w) / 2,
                   room_y * fy + reach + (scene.height - room_y - h) / 2};
    const Point from{k.box.x0, k.box.y0};
    transform_points(scene, [&](Point p) {
      return Point{to.x + (p.x - from.x) * scale, to.y + (p.y - from.y) * scale};
    });
    // `size` stays the size the sampler drew, as under affine.
    for (Object& o : scene.objects) {
      o.style.stroke_width *= widths;
      for (StrokePath& s : o.strokes)
        for (double& width : s.widths) width *= widths;
    }
    rec.add("mode", std::string(name_of(mode)));
    rec.add("fraction", fraction);
    rec.add("scale", scale);
    rec.add("width_scale", widths);
    rec.add("position", std::vector<double>{fx, fy});
  }

 private:
  const FrameParams p_;
};

}  // namespace

OpDecl frame_op() {
  using namespace declare;
  using P = FrameParams;
  return declare_op<Frame>(
      "frame", OpFamily::framing, Phase::scene,
      "How the drawing sits in the frame: centred and scaled to fit (as doodle datasets are), or "
      "small anywhere.",
      {field(&P::mode, weights("mode", "fit:1, small:1", names_of<FrameMode>(),
                               "fit: centred on its ink box, the longer side of the ink a set "
                               "part of the frame; small: scaled down, anywhere.")),
       field(&P::fit,
             range("fit", "0.8..0.95", {0, 2, true, false},
                   "fit: the ink's longer side as a fraction of the frame's shorter side.")),
       field(&P::small, range("small", "0.15..0.4", {0, 2, true, false},
                              "small: the ink's longer side as a fraction of the frame's shorter "
                              "side.")),
       field(&P::offset,
             range("offset", "0", {0, 1},
                   "fit: how far off centre, as a fraction of the free room (0: centred, "
                   "1: anywhere it fits).")),
       field(&P::width_scaling,
             range("width_scaling", "0", {0, 1},
                   "How far stroke widths follow the drawing's scale: widths times scale^this (0: "
                   "the pen keeps its width; 1: widths scale with the drawing)."))});
}

}  // namespace shapegen::ops
