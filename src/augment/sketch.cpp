// sketch: a hand-drawn stroke. The outline's ends do not meet (a gap), edges
// overshoot their corners, strokes may be dashed, and the width wanders
// along the stroke. Only the stroke changes; fills and labels of the
// outline stay, and boxes follow the stroke pieces actually drawn.
#include <cmath>
#include <numbers>

#include "augment/ops.hpp"
#include "shapes/registry.hpp"

namespace shapegen::ops {

namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;

struct SketchParams {
  Range gap, overshoot;
  double dash_p = 0;
  Range dash, dash_gap, width_jitter;
};

class Sketch : public Op {
 public:
  explicit Sketch(const SketchParams& p) : p_(p) {}

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    std::vector<double> gaps, overshoots, dashed, jitters;
    for (Object& o : scene.objects) {
      const double gap = draw(rng, p_.gap), overshoot = draw(rng, p_.overshoot);
      const bool dash = rng.bernoulli(p_.dash_p);
      const double on = draw(rng, p_.dash), off = draw(rng, p_.dash_gap);
      const double jitter = draw(rng, p_.width_jitter);
      if (!o.style.stroked()) continue;
      std::vector<StrokePath> pieces =
          overshoot > 0 && is_polygon(o) ? overshot_edges(o, overshoot) : ink_strokes(o);
      if (gap > 0) open_with_gap(pieces, gap, rng.uniform01());
      if (dash) pieces = dashes(pieces, on, off, rng.uniform01() * (on + off));
      vary_width(pieces, jitter, rng);
      o.strokes = std::move(pieces);
      gaps.push_back(gap);
      overshoots.push_back(overshoot);
      dashed.push_back(dash ? on : 0);
      jitters.push_back(jitter);
    }
    rec.add("gap", gaps);
    rec.add("overshoot", overshoots);
    rec.add("dash", dashed);
    rec.add("width_jitter", jitters);
  }

 private:
  // Corners to overshoot: the class's vertices, while the outline still has
  // exactly those points.
  static bool is_polygon(const Object& o) {
    return shape_decl(o.shape).corners_are_vertices && o.outline.size() == o.vertices.size();
  }

  // Every edge as its own open stroke, extended past both corners.
  static std::vector<StrokePath> overshot_edges(const Object& o, double overshoot) {
    std::vector<StrokePath> edges;
    const std::size_t n = o.outline.size();
    for (std::size_t i = 0; i < n; ++i) {
      const Point a = o.outline[i], b = o.outline[(i + 1) % n];
      const double len = distance(a, b);
      if (len == 0) continue;
      const Point d = (b - a) / len * overshoot;
      edges.push_back(
          {{a - d, b + d}, {o.style.stroke_width, o.style.stroke_width}, false, {}, false});
    }
    return edges;
  }

  // Removes `gap` px of every closed piece, starting at fraction `where` of its length.
  static void open_with_gap(std::vector<StrokePath>& pieces, double gap, double where) {
    for (StrokePath& p : pieces) {
      if (!p.closed) continue;
      const double length = path_length(p.points, true);
      if (gap >= length) continue;
      const double start = where * length;
      const double width = p.widths[0];
      p.points = sub_path(p.points, true, start + gap, start + length);
      p.widths.assign(p.points.size(), width);
      p.closed = false;
    }
  }

  static std::vector<StrokePath> dashes(const std::vector<StrokePath>& pieces, double on,
                                        double off, double phase) {
    std::vector<StrokePath> out;
    for (const StrokePath& p : pieces) {
      const double length = path_length(p.points, p.closed);
      for (double s = -phase; s < length; s += on + off) {
        const double a = std::max(0.0, s), b = std::min(length, s + on);
        if (b - a < 0.5) continue;
        StrokePath dash{sub_path(p.points, p.closed, a, b), {}, false, {}, false};
        dash.widths.assign(dash.points.size(), p.widths[0]);
        out.push_back(std::move(dash));
      }
    }
    return out;
  }

  // Width times (1 + jitter * w(s)), w a smooth wave in [-1, 1] along the stroke.
  static void vary_width(std::vector<StrokePath>& pieces, double jitter, Rng& rng) {
    const double l1 = rng.uniform(15, 40), l2 = rng.uniform(6, 15);
    const double p1 = rng.uniform(0, kTwoPi), p2 = rng.uniform(0, kTwoPi);
    if (jitter <= 0) return;
    double offset = 0;  // arc length carried across pieces, so the wave flows on
    for (StrokePath& p : pieces) {
      p = densify(p, 1.5);
      for (std::size_t i = 0; i < p.points.size(); ++i) {
        if (i > 0) offset += distance(p.points[i - 1], p.points[i]);
        const double w =
            0.6 * std::sin(kTwoPi * offset / l1 + p1) + 0.4 * std::sin(kTwoPi * offset / l2 + p2);
        p.widths[i] = std::max(0.1, p.widths[i] * (1 + jitter * w));
      }
    }
  }

  const SketchParams p_;
};

}  // namespace

OpDecl sketch_op() {
  using namespace declare;
  using P = SketchParams;
  return declare_op<Sketch>(
      "sketch", OpFamily::distortion, Phase::scene,
      "Hand-drawn strokes: a gap where the ends do not meet, overshoot at corners, dashes, "
      "width varying along the stroke.",
      {field(&P::gap, range("gap", "0..5", {0, 1000},
                            "Length of stroke left out so the ends do not meet, px.")),
       field(&P::overshoot,
             range("overshoot", "0..3", {0, 1000},
                   "How far each edge of a triangle or square runs past its corners, px.")),
       field(&P::dash_p, real("dash_p", "0", {0, 1}, "Probability that a stroke is dashed.")),
       field(&P::dash, range("dash", "4..8", {0.5, 1000}, "Dash length, px.")),
       field(&P::dash_gap, range("dash_gap", "2..4", {0, 1000}, "Space between dashes, px.")),
       field(&P::width_jitter,
             range("width_jitter", "0..0.4", {0, 0.95},
                   "Stroke width varies by up to this fraction along the stroke."))});
}

}  // namespace shapegen::ops
