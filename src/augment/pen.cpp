// pen: the outline drawn again as a hand draws it. One or more pen strokes
// go round the shape from a start point in a direction; corners overshoot or
// round off, sides bow, the path wanders with low-frequency noise and drifts
// so the ends miss (open) or run past each other (overlap); a side may be
// drawn twice; the pen may lift (dashes, dots); the edge may be jagged; and
// width and ink follow pressure and speed along each stroke.
//
// Only the strokes change: the outline (the polygon label) and the vertices
// stay the intended shape, and boxes and masks follow the ink drawn. It
// replaces strokes an earlier op made (sketch): a pen draws from the shape.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "augment/ops.hpp"
#include "augment/pen_draws.hpp"
#include "augment/pen_path.hpp"
#include "shapegen/error.hpp"
#include "shapes/registry.hpp"

namespace shapegen::ops {

namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;
constexpr double kSpacing =
    1.0;  // px between stroke points: noise and profiles are smooth at this step

}  // namespace

// One draw per member, in the members' order (pen_draws.hpp): the order
// C++ evaluates designated initializers in, and the only one it accepts.
PenDraws draw_pen(const PenParams& p, Rng& rng) {
  return PenDraws{
      .strokes = int(std::lround(draw(rng, p.strokes))),
      .at_corner = rng.bernoulli(p.start_corner),
      .start = rng.uniform01(),
      .clockwise = rng.bernoulli(p.clockwise),
      .closure = draw(rng, p.closure),
      .overshoot = draw(rng, p.overshoot),
      .rounding = draw(rng, p.rounding),
      .bow = draw(rng, p.bow),
      .wobble = draw(rng, p.wobble),
      .cycles = draw(rng, p.wobble_cycles),
      .cycles_ratio = rng.uniform(1.7, 2.6),
      .phase1 = rng.uniform(0, kTwoPi),
      .phase2 = rng.uniform(0, kTwoPi),
      .drift = draw(rng, p.drift),
      .tremor = draw(rng, p.tremor),
      .retraced = rng.bernoulli(p.retrace_p),
      .retrace = draw(rng, p.retrace),
      .retrace_offset = draw(rng, p.retrace_offset),
      .dashed = rng.bernoulli(p.dash_p),
      .dashes = std::max(1.0, std::round(draw(rng, p.dashes))),
      .duty = draw(rng, p.dash_duty),
      .dots = rng.bernoulli(p.dot_p),
      .aliased = rng.bernoulli(p.aliased_p),
      .width_var = draw(rng, p.width_var),
      .taper = draw(rng, p.taper),
      .speed = draw(rng, p.speed),
      .gray_var = draw(rng, p.gray_var),
      .pressure_l1 = rng.uniform(0.3, 0.8),
      .pressure_l2 = rng.uniform(0.08, 0.2),
      .pressure_p1 = rng.uniform(0, kTwoPi),
      .pressure_p2 = rng.uniform(0, kTwoPi),
      .stray = rng.bernoulli(p.stray_p),
      .nib = draw(rng, p.nib),
      .nib_angle = rng.uniform(0, std::numbers::pi),
  };
}

namespace {

// The record: a column per name, a value per object drawn, in this order.
// The names are the manifest's schema; they hold what was drawn (and used:
// a retrace length only when a side was drawn twice), not the keys.
struct RecordColumn {
  const char* name;
  double (*value)(const PenDraws&);
};
double flag(bool b) { return b ? 1.0 : 0.0; }
constexpr RecordColumn kRecord[] = {
    {"strokes", [](const PenDraws& d) { return double(d.strokes); }},
    {"start", [](const PenDraws& d) { return d.start; }},
    {"clockwise", [](const PenDraws& d) { return flag(d.clockwise); }},
    {"closure", [](const PenDraws& d) { return d.closure; }},
    {"overshoot", [](const PenDraws& d) { return d.overshoot; }},
    {"rounding", [](const PenDraws& d) { return d.rounding; }},
    {"bow", [](const PenDraws& d) { return d.bow; }},
    {"wobble", [](const PenDraws& d) { return d.wobble; }},
    {"wobble_cycles", [](const PenDraws& d) { return d.cycles; }},
    {"drift", [](const PenDraws& d) { return d.drift; }},
    {"tremor", [](const PenDraws& d) { return d.tremor; }},
    {"retrace", [](const PenDraws& d) { return d.retraced ? d.retrace : 0.0; }},
    {"dashes", [](const PenDraws& d) { return d.dashed ? d.dashes : 0.0; }},
    {"dots", [](const PenDraws& d) { return flag(d.dashed && d.dots); }},
    {"aliased", [](const PenDraws& d) { return flag(d.aliased); }},
    {"width_var", [](const PenDraws& d) { return d.width_var; }},
    {"taper", [](const PenDraws& d) { return d.taper; }},
    {"speed", [](const PenDraws& d) { return d.speed; }},
    {"gray_var", [](const PenDraws& d) { return d.gray_var; }},
    {"stray", [](const PenDraws& d) { return flag(d.stray); }},
    {"nib", [](const PenDraws& d) { return d.nib; }},
};

// One object as the hand draws it: what was drawn for it, and its measures.
struct Hand {
  const PenDraws& d;
  double size;       // the shape's longer side, px: relative keys scale by it
  double perimeter;  // of the path the pen follows, px
  double width;      // the style's stroke width
};

// Where one stroke ends and the next begins.
struct Break {
  int corner;       // -1: not at a corner
  double fraction;  // of the perimeter from V0, when not at a corner
};

void check_whole_strokes(const Range& r) {
  if (r.lo != std::floor(r.lo) || r.hi != std::floor(r.hi) || r.lo < 1 || r.hi > 16)
    throw ConfigError("key 'pen.strokes': value '" + format_value(r) +
                      "' is invalid; allowed: whole numbers (a count or range lo..hi) in [1, 16]");
}

class Pen : public Op {
 public:
  explicit Pen(const PenParams& p) : p_(p) { check_whole_strokes(p.strokes); }

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    std::vector<PenDraws> drawn;
    for (Object& o : scene.objects) {
      if (!o.style.stroked() || o.outline.size() < 2) continue;
      drawn.push_back(draw_pen(p_, rng));
      draw_object(o, drawn.back(), rng);
    }
    for (const RecordColumn& column : kRecord) {
      std::vector<double> values;
      for (const PenDraws& d : drawn) values.push_back(column.value(d));
      rec.add(column.name, values);
    }
  }

 private:
  // One object drawn again from its draws: where the strokes break, the path
  // the pen follows, the strokes between the breaks, their ink. Every value
  // drawn after `d` comes from the same stream, in this order.
  void draw_object(Object& o, const PenDraws& d, Rng& rng) const {
    const Box box = extents(o.outline);
    const double size = std::max({box.width(), box.height(), 1.0});
    const bool polygon =
        shape_decl(o.shape).corners_are_vertices && o.outline.size() == o.vertices.size();
    const std::vector<Break> breaks = plan_breaks(polygon ? o.outline.size() : 0, d, rng);
    const pen::ClosedPath path = follow(o.outline, polygon, breaks, d, size, rng);
    if (path.length() < 0.5) return;  // a dot of a shape: its plain stroke is as good as any
    const Hand h{d, size, path.length(), o.style.stroke_width};
    std::vector<StrokePath> pieces = ink(cut_strokes(path, breaks, d, rng), path, h, box, rng);
    if (!pieces.empty()) o.strokes = std::move(pieces);
  }

  // Where strokes break: the start, then one more per further stroke, each
  // on a corner (start_corner, then corner_split) or anywhere.
  std::vector<Break> plan_breaks(std::size_t n_corners, const PenDraws& d, Rng& rng) const {
    auto corner_or_anywhere = [&](bool on_corner, double fraction) {
      return on_corner && n_corners > 0
                 ? Break{int(std::min(n_corners - 1, std::size_t(fraction * n_corners))), 0}
                 : Break{-1, fraction};
    };
    std::vector<Break> breaks{corner_or_anywhere(d.at_corner, d.start)};
    for (int k = 1; k < d.strokes; ++k) {
      const bool on_corner = rng.bernoulli(p_.corner_split);
      breaks.push_back(corner_or_anywhere(on_corner, rng.uniform01()));
    }
    return breaks;
  }

  // The path the pen follows, in its direction: a polygon's corners where no
  // stroke breaks may round off or overshoot, and its sides bow; a curve is
  // followed as it is.
  pen::ClosedPath follow(const std::vector<Point>& outline, bool polygon,
                         const std::vector<Break>& breaks, const PenDraws& d, double size,
                         Rng& rng) const {
    std::vector<Point> points;
    std::vector<std::size_t> corner_index;
    if (polygon) {
      std::vector<bool> break_corner(outline.size(), false);
      for (const Break& b : breaks)
        if (b.corner >= 0) break_corner[std::size_t(b.corner)] = true;
      corner_index.assign(outline.size(), 0);
      build_polygon_path(outline, break_corner, d.rounding, d.overshoot * size, d.bow, rng, points,
                         corner_index);
    } else {
      points = outline;
    }
    const pen::ClosedPath path(std::move(points), corner_index);
    return d.clockwise ? path : path.reversed();
  }

  // Each stroke from one break to the next, in drawing order from the start;
  // at a break the strokes run past each other (closure > 0) or leave a gap
  // (< 0). The last break is the first: the drawing's closure.
  std::vector<pen::Stroke> cut_strokes(const pen::ClosedPath& path,
                                       const std::vector<Break>& breaks, const PenDraws& d,
                                       Rng& rng) const {
    const double length = path.length();
    auto position = [&](const Break& b) {
      return b.corner >= 0 ? path.corners()[std::size_t(b.corner)] : b.fraction * length;
    };
    const double s0 = position(breaks[0]);
    std::vector<std::pair<double, bool>> cuts;  // arc length after s0, at a corner
    for (std::size_t k = 1; k < breaks.size(); ++k) {
      double s = position(breaks[k]) - s0;
      s -= std::floor(s / length) * length;
      // Breaks closer than a pixel (the same corner twice) are one break.
      if (s > 1 && s < length - 1) cuts.push_back({s, breaks[k].corner >= 0});
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end(),
                           [](const auto& a, const auto& b) { return b.first - a.first < 1; }),
               cuts.end());
    cuts.insert(cuts.begin(), {0.0, breaks[0].corner >= 0});
    cuts.push_back({length, breaks[0].corner >= 0});

    // At break j the strokes overlap by total[j] (a gap when negative), the
    // stroke ending there taking share[j] of it and the one starting there the rest.
    const std::size_t m = cuts.size() - 1;  // strokes; cuts[m] is the start again
    std::vector<double> total(m), share(m);
    for (std::size_t j = 0; j < m; ++j) {
      total[j] = (j == 0 ? d.closure : draw(rng, p_.closure)) * length;
      share[j] = rng.uniform01();
    }
    std::vector<pen::Stroke> strokes;
    for (std::size_t k = 0; k < m; ++k) {
      const std::size_t next = (k + 1) % m;
      pen::Stroke s = stroke_between(path, s0 + cuts[k].first, s0 + cuts[k + 1].first,
                                     total[k] * (1 - share[k]), cuts[k].second,
                                     total[next] * share[next], cuts[k + 1].second);
      if (s.points.size() >= 2) strokes.push_back(std::move(s));
    }
    return strokes;
  }

  // The strokes inked: noise across them (and, retraced, a part of the
  // outline drawn again beside them), width and ink along them, the pen
  // lifting (dashes, dots), a stray mark: the pieces the scene draws.
  std::vector<StrokePath> ink(std::vector<pen::Stroke> strokes, const pen::ClosedPath& path,
                              const Hand& h, const Box& box, Rng& rng) const {
    const PenDraws& d = h.d;
    const double length = path.length();
    pen::Stroke second_pass;
    if (d.retraced) {
      const double from = rng.uniform(0, length);
      const double offset = d.retrace_offset * h.size * (rng.bernoulli(0.5) ? 1 : -1);
      std::vector<double> arc;
      std::vector<Point> points = path.between(from, from + std::max(d.retrace * length, 1.0), arc);
      const double phase = rng.uniform(0, kTwoPi);
      second_pass =
          perturb(pen::densify(pen::Stroke{points, arc, {}, {}}, kSpacing), h, offset, phase, rng);
    }
    for (pen::Stroke& s : strokes) s = perturb(pen::densify(s, kSpacing), h, 0, 0, rng);
    if (d.retraced) strokes.push_back(std::move(second_pass));
    std::vector<StrokePath> pieces;
    for (pen::Stroke& s : strokes) {
      profile(s, path, h);
      if (d.dashed)
        lift(s, length / d.dashes, d.duty, d.dots, rng, d.aliased, pieces);
      else
        pieces.push_back(pen::to_path(s, d.aliased));
    }
    if (d.stray) pieces.push_back(stray_mark(box, h, rng, d.aliased));
    return pieces;
  }

  // The polygon's path: per edge a bow (a parabola, sagitta `bow` x the
  // edge's length times a draw in [-1, 1]); per corner not at a break a
  // rounding (a quadratic curve cutting `rounding` x the shorter edge, times
  // a draw in [0.5, 1]) or, with overshoot_p, a spike running `overshoot` px
  // past the corner and back.
  void build_polygon_path(const std::vector<Point>& v, const std::vector<bool>& break_corner,
                          double rounding, double overshoot, double bow, Rng& rng,
                          std::vector<Point>& out, std::vector<std::size_t>& corner_index) const {
    const std::size_t n = v.size();
    std::vector<double> sag(n), cut(n), spike(n);
    for (std::size_t k = 0; k < n; ++k) {
      sag[k] = bow * rng.uniform(-1, 1);
      const double r = rounding * rng.uniform(0.5, 1);
      const bool spiky = rng.bernoulli(p_.overshoot_p);
      const double o = overshoot * rng.uniform(0.5, 1);
      cut[k] = break_corner[k] || spiky ? 0 : r;
      spike[k] = break_corner[k] || !spiky ? 0 : o;
    }
    auto edge_len = [&](std::size_t k) { return distance(v[k], v[(k + 1) % n]); };
    // Point at fraction t of edge k, bowed.
    auto edge_point = [&](std::size_t k, double t) {
      const Point a = v[k], b = v[(k + 1) % n];
      const double len = edge_len(k);
      const Point across = len > 0 ? Point{-(b.y - a.y) / len, (b.x - a.x) / len} : Point{0, 0};
      const double off = 4 * sag[k] * len * t * (1 - t);
      return interpolate(a, b, t) + across * off;
    };
    auto unit = [](Point a, Point b) {
      const double len = distance(a, b);
      return len > 0 ? (b - a) / len : Point{0, 0};
    };
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t prev = (k + n - 1) % n;
      const double shorter = std::min(edge_len(prev), edge_len(k));
      const double r = std::min(cut[k] * shorter, 0.5 * shorter);
      // The corner.
      if (r > 0.05) {
        const Point a = edge_point(prev, 1 - r / edge_len(prev)),
                    b = edge_point(k, r / edge_len(k));
        const int steps = std::max(4, int(std::ceil(2 * r / kSpacing)));
        for (int i = 0; i <= steps; ++i) {
          const double t = double(i) / steps;
          const double u = 1 - t;
          if (i == steps / 2) corner_index[k] = out.size();
          out.push_back(a * (u * u) + v[k] * (2 * u * t) + b * (t * t));
        }
      } else {
        corner_index[k] = out.size();
        out.push_back(v[k]);
        if (spike[k] > 0) {
          out.push_back(v[k] + unit(v[prev], v[k]) * spike[k]);
          out.push_back(v[k]);
        }
      }
      // The edge after it, every pixel or so, ends left to the corners.
      const double len = edge_len(k);
      const std::size_t next = (k + 1) % n;
      const double r_next =
          std::min(cut[next] * std::min(len, edge_len(next)), 0.5 * std::min(len, edge_len(next)));
      const double t0 = r > 0.05 ? r / len : 0, t1 = r_next > 0.05 ? 1 - r_next / len : 1;
      const int steps = std::max(1, int(std::ceil((t1 - t0) * len / kSpacing)));
      for (int i = 1; i < steps; ++i) out.push_back(edge_point(k, t0 + (t1 - t0) * i / steps));
    }
  }

  // The path from a to b, extended by `before` at its start and `after` at
  // its end (negative: shortened). Past a corner the pen runs straight on;
  // elsewhere it follows the path.
  static pen::Stroke stroke_between(const pen::ClosedPath& path, double a, double b, double before,
                                    bool corner_a, double after, bool corner_b) {
    const double lo = a - (before > 0 && corner_a ? 0 : before);
    const double hi = b + (after > 0 && corner_b ? 0 : after);
    pen::Stroke s;
    if (hi - lo < 0.5) return s;
    s.points = path.between(lo, hi, s.arc);
    auto extend = [](pen::Stroke& st, bool at_end, double by) {
      const std::size_t n = st.points.size();
      const Point tip = at_end ? st.points[n - 1] : st.points[0];
      const Point from = at_end ? st.points[n - 2] : st.points[1];
      const double len = distance(from, tip);
      if (len == 0) return;
      const Point out = tip + (tip - from) / len * by;
      if (at_end) {
        st.points.push_back(out);
        st.arc.push_back(st.arc.back() + by);
      } else {
        st.points.insert(st.points.begin(), out);
        st.arc.insert(st.arc.begin(), st.arc.front() - by);
      }
    };
    if (before > 0 && corner_a) extend(s, false, before);
    if (after > 0 && corner_b) extend(s, true, after);
    return s;
  }

  // Noise across the stroke: low-frequency wobble (a function of the arc
  // length on the path, so strokes that meet agree), a drift growing along
  // the stroke, a constant offset (re-traced sides) and tremor.
  static pen::Stroke perturb(pen::Stroke s, const Hand& h, double offset, double phase, Rng& rng) {
    const PenDraws& d = h.d;
    const double cycles2 = d.cycles * d.cycles_ratio;
    const std::vector<Point> n = pen::normals(s.points);
    const std::vector<double> own = pen::own_length(s.points);
    const double total = std::max(own.back(), 1e-9);
    std::vector<double> jitter(s.points.size());
    for (double& j : jitter) j = rng.uniform(-1, 1) * d.tremor;
    for (std::size_t i = 0; i < s.points.size(); ++i) {
      const double x = s.arc[i] / h.perimeter * kTwoPi;  // wobble_cycles waves per trip round
      const double wave = 0.7 * std::sin(d.cycles * x + d.phase1 + phase) +
                          0.3 * std::sin(cycles2 * x + d.phase2 + 2 * phase);
      const double smooth_jitter = (jitter[i == 0 ? 0 : i - 1] + 2 * jitter[i] +
                                    jitter[std::min(i + 1, jitter.size() - 1)]) /
                                   4;
      const double shift =
          d.wobble * h.size * wave + d.drift * h.size * own[i] / total + offset + smooth_jitter;
      s.points[i] = s.points[i] + n[i] * shift;
    }
    return s;
  }

  // Width and ink along the stroke: pressure (a slow random wave), speed
  // (fast mid-side, slow at corners and ends: thinner and lighter when
  // fast), taper where the pen lands and lifts, and the nib's angle to the
  // direction of travel.
  static void profile(pen::Stroke& s, const pen::ClosedPath& path, const Hand& h) {
    const PenDraws& d = h.d;
    const std::vector<double> own = pen::own_length(s.points);
    const std::vector<Point> across = pen::normals(s.points);
    const double total = own.back();
    const bool inked = d.gray_var > 0 || d.speed > 0;
    s.widths.assign(s.points.size(), h.width);
    s.inks.assign(inked ? s.points.size() : 0, 1.0);
    const double slow = 0.12 * h.size;  // the pen is at full speed this far from a corner or an end
    const double l1 = d.pressure_l1 * h.perimeter, l2 = d.pressure_l2 * h.perimeter;
    const double nib_cos = std::cos(d.nib_angle), nib_sin = std::sin(d.nib_angle);
    for (std::size_t i = 0; i < s.points.size(); ++i) {
      const double pressure = 0.5 + 0.5 * (0.65 * std::sin(kTwoPi * s.arc[i] / l1 + d.pressure_p1) +
                                           0.35 * std::sin(kTwoPi * s.arc[i] / l2 + d.pressure_p2));
      const double from_end = std::min(own[i], total - own[i]);
      const double speed = std::min({1.0, from_end / slow, path.to_corner(s.arc[i]) / slow});
      const double land = std::min(1.0, from_end / std::max(1.5 * h.width, 0.5));
      const double taper = 1 - d.taper * (1 - land * land * (3 - 2 * land));
      // |cos| of the angle between the direction of travel (the normal
      // turned back a quarter) and the nib: 1 when moving along it.
      const double along = std::abs(across[i].y * nib_cos - across[i].x * nib_sin);
      const double nib = 1 - d.nib * along;
      const double width =
          h.width * (1 - d.width_var * (1 - pressure)) * (1 - 0.5 * d.speed * speed) * taper * nib;
      s.widths[i] = std::max(0.25 * h.width, width);
      if (inked)
        s.inks[i] = std::clamp((1 - d.gray_var * (1 - pressure)) * (1 - d.speed * speed), 0.1, 1.0);
    }
  }

  // The pen lifts: the stroke cut into dashes of `duty` of each `period`
  // (lengths jittered), or dots where each dash would be.
  static void lift(const pen::Stroke& s, double period, double duty, bool dots, Rng& rng,
                   bool aliased, std::vector<StrokePath>& out) {
    const std::vector<double> own = pen::own_length(s.points);
    const double total = own.back();
    for (double x = -rng.uniform(0, period); x < total; x += period) {
      const double on = duty * period * rng.uniform(0.75, 1.25);
      const double a = std::max(0.0, x), b = std::min(total, x + on);
      if (b <= a) continue;
      pen::Stroke dash = pen::cut(s, own, a, b);
      if (dots) {
        const std::size_t mid = dash.points.size() / 2;
        pen::Stroke dot{
            {dash.points[mid]}, {dash.arc[mid]}, {dash.widths[mid] * rng.uniform(1, 1.5)}, {}};
        if (!dash.inks.empty()) dot.inks = {dash.inks[mid]};
        out.push_back(pen::to_path(dot, aliased));
      } else if (b - a >= 0.5) {
        out.push_back(pen::to_path(dash, aliased));
      }
    }
  }

  // A stray mark: a short, slightly curved line somewhere over the shape.
  static StrokePath stray_mark(const Box& box, const Hand& h, Rng& rng, bool aliased) {
    const Point at{rng.uniform(box.x0, box.x1), rng.uniform(box.y0, box.y1)};
    const double angle = rng.uniform(0, kTwoPi), len = h.size * rng.uniform(0.08, 0.25);
    const double bend = rng.uniform(-0.2, 0.2) * len;
    const Point d{std::cos(angle), std::sin(angle)}, n{-d.y, d.x};
    StrokePath mark{{}, {}, false, {}, aliased};
    for (int i = 0; i <= 6; ++i) {
      const double t = i / 6.0 - 0.5;
      const double off = bend * (1 - 4 * t * t);
      mark.points.push_back(at + d * t * len + n * off);
      mark.widths.push_back(h.width);
    }
    return mark;
  }

  const PenParams p_;
};

}  // namespace

OpDecl pen_op() {
  using namespace declare;
  using P = PenParams;
  const Bounds fraction{0, 1};
  return declare_op<Pen>(
      "pen", OpFamily::pen, Phase::scene,
      "The outline drawn again by a hand with a pen: strokes with a start, a direction, closure "
      "errors, corners that overshoot or round off, bowed and wobbly sides, re-traced sides, pen "
      "lifts, jagged edges, width and ink varying with pressure and speed.",
      {field(&P::strokes, range("strokes", "1..2", {1, 16},
                                "Pen strokes the outline is drawn with (whole numbers).")),
       field(
           &P::corner_split,
           real("corner_split", "0.7", fraction,
                "Probability that a stroke ends and the next begins at a corner (else anywhere).")),
       field(&P::start_corner, real("start_corner", "0.5", fraction,
                                    "Probability that the first stroke starts at a corner.")),
       field(&P::clockwise,
             real("clockwise", "0.5", fraction, "Probability of drawing clockwise on screen.")),
       field(&P::closure,
             range("closure", "-0.04..0.06", {-0.5, 0.5},
                   "Where one stroke meets the next (and the last the first), as a fraction of the "
                   "perimeter: < 0 a gap, > 0 the strokes run past each other.")),
       field(&P::overshoot,
             range("overshoot", "0..0.08", {0, 0.5},
                   "How far the pen runs past a corner and back, as a fraction of the shape's "
                   "longer side (corners with overshoot_p).")),
       field(&P::overshoot_p,
             real("overshoot_p", "0.3", fraction, "Probability that a corner overshoots.")),
       field(&P::rounding,
             range("rounding", "0..0.25", {0, 0.5},
                   "How much of the shorter side a corner's rounding cuts (corners that do not "
                   "overshoot).")),
       field(&P::bow, range("bow", "0..0.05", {0, 0.3},
                            "Straight sides bow by up to this fraction of their length.")),
       field(&P::wobble,
             range("wobble", "0..0.02", {0, 0.2},
                   "Low-frequency wander across the path, as a fraction of the shape's longer "
                   "side.")),
       field(&P::wobble_cycles, range("wobble_cycles", "1.5..4", {0.1, 50},
                                      "Waves of the wander per trip round the shape.")),
       field(&P::drift,
             range("drift", "-0.03..0.03", {-0.5, 0.5},
                   "Sideways drift reached at the end of each stroke, as a fraction of the shape's "
                   "longer side: the ends miss each other (circles spiral).")),
       field(&P::tremor, range("tremor", "0..0.15", {0, 5},
                               "Tremor: high-frequency jitter across the stroke, px.")),
       field(&P::retrace_p, real("retrace_p", "0.1", fraction,
                                 "Probability that part of the outline is drawn twice.")),
       field(&P::retrace, range("retrace", "0.1..0.4", fraction,
                                "Length of the part drawn twice, as a fraction of the perimeter.")),
       field(
           &P::retrace_offset,
           range("retrace_offset", "0..0.03", {0, 0.2},
                 "Sideways offset of the second pass, as a fraction of the shape's longer side.")),
       field(&P::dash_p, real("dash_p", "0", fraction,
                              "Probability that the pen lifts as it goes (dashes or dots).")),
       field(&P::dashes,
             range("dashes", "8..20", {1, 500}, "Dashes (or dots) per trip round the shape.")),
       field(&P::dash_duty, range("dash_duty", "0.3..0.7", {0, 1, true, false},
                                  "Inked fraction of each dash period.")),
       field(&P::dot_p, real("dot_p", "0.3", fraction,
                             "Probability that a lifting pen makes dots, not dashes.")),
       field(&P::aliased_p,
             real("aliased_p", "0", fraction,
                  "Probability that the ink is drawn without antialiasing: jagged, stair-stepped "
                  "edges.")),
       field(&P::width_var,
             range("width_var", "0..0.3", {0, 0.95},
                   "Width follows pressure along the stroke: thinner by up to this fraction.")),
       field(&P::taper, range("taper", "0..0.5", {0, 0.95},
                              "Width lost where the pen lands and lifts, as a fraction.")),
       field(&P::speed,
             range("speed", "0..0.3", {0, 0.9},
                   "How much thinner (half this) and lighter (this) the ink is where the pen moves "
                   "fast (mid-side) than where it slows (corners, ends).")),
       field(&P::gray_var,
             range("gray_var", "0", {0, 0.9},
                   "Ink follows pressure along the stroke: lighter by up to this fraction.")),
       field(&P::stray_p,
             real("stray_p", "0", fraction,
                  "Probability of a stray mark over the shape (it counts as the shape's ink).")),
       field(&P::nib, range("nib", "0", {0, 0.9},
                            "A broad nib: strokes moving along its (random) angle are thinner by "
                            "up to this fraction than strokes across it."))});
}

}  // namespace shapegen::ops
