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
#include "augment/pen_path.hpp"
#include "shapegen/error.hpp"
#include "shapes/registry.hpp"

namespace shapegen::ops {

namespace {

constexpr double kTwoPi = 2 * std::numbers::pi;
constexpr double kSpacing =
    1.0;  // px between stroke points: noise and profiles are smooth at this step

struct PenParams {
  Range strokes;
  double corner_split = 0, start_corner = 0, clockwise = 0;
  Range closure, overshoot;
  double overshoot_p = 0;
  Range rounding, bow, wobble, wobble_cycles, drift, tremor;
  double retrace_p = 0;
  Range retrace, retrace_offset;
  double dash_p = 0;
  Range dashes, dash_duty;
  double dot_p = 0, aliased_p = 0;
  Range width_var, taper, speed, gray_var;
  double stray_p = 0;
  Range nib;
};

// What one object's drawing drew, in the record's order.
struct Drawing {
  double strokes, start, clockwise, closure, overshoot, rounding, bow, wobble, cycles, drift,
      tremor, retrace, dashes, dots, aliased, width_var, taper, speed, gray_var, stray, nib;
};

// The values drawn once per object; per corner, edge and break values follow
// from the same stream as the drawing goes.
struct Hand {
  double size;       // the shape's longer side, px: relative keys scale by it
  double perimeter;  // of the path the pen follows, px
  double width;      // the style's stroke width
  double wobble, cycles, cycles2, phase1, phase2;
  double drift, tremor;
  double width_var, taper, speed, gray_var;
  double pressure_l1, pressure_l2, pressure_p1, pressure_p2;
  double nib, nib_angle;  // a broad nib: thinner when moving along nib_angle
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
    std::vector<Drawing> drawn;
    for (Object& o : scene.objects) {
      if (!o.style.stroked() || o.outline.size() < 2) continue;
      drawn.push_back(draw_object(o, rng));
    }
    auto column = [&](const char* name, double Drawing::*field) {
      std::vector<double> values;
      for (const Drawing& d : drawn) values.push_back(d.*field);
      rec.add(name, values);
    };
    column("strokes", &Drawing::strokes);
    column("start", &Drawing::start);
    column("clockwise", &Drawing::clockwise);
    column("closure", &Drawing::closure);
    column("overshoot", &Drawing::overshoot);
    column("rounding", &Drawing::rounding);
    column("bow", &Drawing::bow);
    column("wobble", &Drawing::wobble);
    column("wobble_cycles", &Drawing::cycles);
    column("drift", &Drawing::drift);
    column("tremor", &Drawing::tremor);
    column("retrace", &Drawing::retrace);
    column("dashes", &Drawing::dashes);
    column("dots", &Drawing::dots);
    column("aliased", &Drawing::aliased);
    column("width_var", &Drawing::width_var);
    column("taper", &Drawing::taper);
    column("speed", &Drawing::speed);
    column("gray_var", &Drawing::gray_var);
    column("stray", &Drawing::stray);
    column("nib", &Drawing::nib);
  }

 private:
  Drawing draw_object(Object& o, Rng& rng) const {
    const Box box = extents(o.outline);
    Hand h{};
    h.size = std::max({box.width(), box.height(), 1.0});
    h.width = o.style.stroke_width;
    // Every per-object value first, in a fixed order.
    const int n_strokes = int(std::lround(draw(rng, p_.strokes)));
    const bool at_corner = rng.bernoulli(p_.start_corner);
    const double start = rng.uniform01();
    const bool clockwise = rng.bernoulli(p_.clockwise);
    const double closure = draw(rng, p_.closure);
    const double overshoot = draw(rng, p_.overshoot), rounding = draw(rng, p_.rounding);
    const double bow = draw(rng, p_.bow);
    h.wobble = draw(rng, p_.wobble);
    h.cycles = draw(rng, p_.wobble_cycles);
    h.cycles2 = h.cycles * rng.uniform(1.7, 2.6);
    h.phase1 = rng.uniform(0, kTwoPi);
    h.phase2 = rng.uniform(0, kTwoPi);
    h.drift = draw(rng, p_.drift);
    h.tremor = draw(rng, p_.tremor);
    const bool retraced = rng.bernoulli(p_.retrace_p);
    const double retrace = draw(rng, p_.retrace), retrace_offset = draw(rng, p_.retrace_offset);
    const bool dashed = rng.bernoulli(p_.dash_p);
    const double dashes = std::max(1.0, std::round(draw(rng, p_.dashes)));
    const double duty = draw(rng, p_.dash_duty);
    const bool dots = rng.bernoulli(p_.dot_p);
    const bool aliased = rng.bernoulli(p_.aliased_p);
    h.width_var = draw(rng, p_.width_var);
    h.taper = draw(rng, p_.taper);
    h.speed = draw(rng, p_.speed);
    h.gray_var = draw(rng, p_.gray_var);
    h.pressure_l1 = rng.uniform(0.3, 0.8);
    h.pressure_l2 = rng.uniform(0.08, 0.2);
    h.pressure_p1 = rng.uniform(0, kTwoPi);
    h.pressure_p2 = rng.uniform(0, kTwoPi);
    const bool stray = rng.bernoulli(p_.stray_p);
    h.nib = draw(rng, p_.nib);
    h.nib_angle = rng.uniform(0, std::numbers::pi);
    const Drawing d{double(n_strokes),
                    start,
                    clockwise ? 1.0 : 0.0,
                    closure,
                    overshoot,
                    rounding,
                    bow,
                    h.wobble,
                    h.cycles,
                    h.drift,
                    h.tremor,
                    retraced ? retrace : 0.0,
                    dashed ? dashes : 0.0,
                    dashed && dots ? 1.0 : 0.0,
                    aliased ? 1.0 : 0.0,
                    h.width_var,
                    h.taper,
                    h.speed,
                    h.gray_var,
                    stray ? 1.0 : 0.0,
                    h.nib};

    // Where strokes break: the start, then n - 1 more, on corners or anywhere.
    const bool polygon =
        shape_decl(o.shape).corners_are_vertices && o.outline.size() == o.vertices.size();
    const std::size_t n_corners = polygon ? o.outline.size() : 0;
    struct Break {
      int corner;       // -1: not at a corner
      double fraction;  // of the perimeter from V0, when not at a corner
    };
    std::vector<Break> breaks;
    auto corner_or_anywhere = [&](bool on_corner, double fraction) {
      return on_corner && n_corners > 0
                 ? Break{int(std::min(n_corners - 1, std::size_t(fraction * n_corners))), 0}
                 : Break{-1, fraction};
    };
    breaks.push_back(corner_or_anywhere(at_corner, start));
    for (int k = 1; k < n_strokes; ++k) {
      const bool on_corner = rng.bernoulli(p_.corner_split);
      breaks.push_back(corner_or_anywhere(on_corner, rng.uniform01()));
    }

    // The path the pen follows: corners where no stroke breaks may round off
    // or overshoot, and straight sides bow.
    std::vector<bool> break_corner(n_corners, false);
    for (const Break& b : breaks)
      if (b.corner >= 0) break_corner[std::size_t(b.corner)] = true;
    std::vector<Point> path_points;
    std::vector<std::size_t> corner_index(n_corners, 0);
    if (polygon) {
      build_polygon_path(o.outline, break_corner, rounding, overshoot * h.size, bow, rng,
                         path_points, corner_index);
    } else {
      path_points = o.outline;
    }
    pen::ClosedPath path(std::move(path_points), corner_index);
    if (!clockwise) path = path.reversed();
    const double length = path.length();
    h.perimeter = length;
    if (length < 0.5) return d;  // a dot of a shape: its plain stroke is as good as any

    // Break positions on the path, in drawing order from the start.
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

    // Each stroke from one break to the next; at a break the strokes run
    // past each other (closure > 0) or leave a gap (< 0). The last break is
    // the first: the drawing's closure.
    // At break j the strokes overlap by total[j] (a gap when negative), the
    // stroke ending there taking share[j] of it and the one starting there the rest.
    const std::size_t m = cuts.size() - 1;  // strokes; cuts[m] is the start again
    std::vector<double> total(m), share(m);
    for (std::size_t j = 0; j < m; ++j) {
      total[j] = (j == 0 ? closure : draw(rng, p_.closure)) * length;
      share[j] = rng.uniform01();
    }
    std::vector<StrokePath> pieces;
    std::vector<pen::Stroke> main_strokes;
    for (std::size_t k = 0; k < m; ++k) {
      const std::size_t next = (k + 1) % m;
      pen::Stroke s = stroke_between(path, s0 + cuts[k].first, s0 + cuts[k + 1].first,
                                     total[k] * (1 - share[k]), cuts[k].second,
                                     total[next] * share[next], cuts[k + 1].second);
      if (s.points.size() >= 2) main_strokes.push_back(std::move(s));
    }
    pen::Stroke retraced_stroke;
    if (retraced) {
      const double from = rng.uniform(0, length);
      const double offset = retrace_offset * h.size * (rng.bernoulli(0.5) ? 1 : -1);
      std::vector<double> arc;
      std::vector<Point> points = path.between(from, from + std::max(retrace * length, 1.0), arc);
      retraced_stroke = pen::Stroke{points, arc, {}, {}};
      retraced_stroke =
          perturb(pen::densify(retraced_stroke, kSpacing), h, offset, rng.uniform(0, kTwoPi), rng);
    }
    for (pen::Stroke& s : main_strokes) s = perturb(pen::densify(s, kSpacing), h, 0, 0, rng);
    if (retraced) main_strokes.push_back(std::move(retraced_stroke));
    for (pen::Stroke& s : main_strokes) {
      profile(s, path, h);
      if (dashed)
        lift(s, length / dashes, duty, dots, rng, aliased, pieces);
      else
        pieces.push_back(pen::to_path(s, aliased));
    }
    if (stray) pieces.push_back(stray_mark(box, h, rng, aliased));
    if (!pieces.empty()) o.strokes = std::move(pieces);

    return d;
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
    const std::vector<Point> n = pen::normals(s.points);
    const std::vector<double> own = pen::own_length(s.points);
    const double total = std::max(own.back(), 1e-9);
    std::vector<double> jitter(s.points.size());
    for (double& j : jitter) j = rng.uniform(-1, 1) * h.tremor;
    for (std::size_t i = 0; i < s.points.size(); ++i) {
      const double x = s.arc[i] / h.perimeter * kTwoPi;  // wobble_cycles waves per trip round
      const double wave = 0.7 * std::sin(h.cycles * x + h.phase1 + phase) +
                          0.3 * std::sin(h.cycles2 * x + h.phase2 + 2 * phase);
      const double smooth_jitter = (jitter[i == 0 ? 0 : i - 1] + 2 * jitter[i] +
                                    jitter[std::min(i + 1, jitter.size() - 1)]) /
                                   4;
      const double shift =
          h.wobble * h.size * wave + h.drift * h.size * own[i] / total + offset + smooth_jitter;
      s.points[i] = s.points[i] + n[i] * shift;
    }
    return s;
  }

  // Width and ink along the stroke: pressure (a slow random wave), speed
  // (fast mid-side, slow at corners and ends: thinner and lighter when
  // fast), taper where the pen lands and lifts, and the nib's angle to the
  // direction of travel.
  static void profile(pen::Stroke& s, const pen::ClosedPath& path, const Hand& h) {
    const std::vector<double> own = pen::own_length(s.points);
    const std::vector<Point> across = pen::normals(s.points);
    const double total = own.back();
    const bool inked = h.gray_var > 0 || h.speed > 0;
    s.widths.assign(s.points.size(), h.width);
    s.inks.assign(inked ? s.points.size() : 0, 1.0);
    const double slow = 0.12 * h.size;  // the pen is at full speed this far from a corner or an end
    const double l1 = h.pressure_l1 * h.perimeter, l2 = h.pressure_l2 * h.perimeter;
    const double nib_cos = std::cos(h.nib_angle), nib_sin = std::sin(h.nib_angle);
    for (std::size_t i = 0; i < s.points.size(); ++i) {
      const double pressure = 0.5 + 0.5 * (0.65 * std::sin(kTwoPi * s.arc[i] / l1 + h.pressure_p1) +
                                           0.35 * std::sin(kTwoPi * s.arc[i] / l2 + h.pressure_p2));
      const double from_end = std::min(own[i], total - own[i]);
      const double speed = std::min({1.0, from_end / slow, path.to_corner(s.arc[i]) / slow});
      const double land = std::min(1.0, from_end / std::max(1.5 * h.width, 0.5));
      const double taper = 1 - h.taper * (1 - land * land * (3 - 2 * land));
      // |cos| of the angle between the direction of travel (the normal
      // turned back a quarter) and the nib: 1 when moving along it.
      const double along = std::abs(across[i].y * nib_cos - across[i].x * nib_sin);
      const double nib = 1 - h.nib * along;
      const double width =
          h.width * (1 - h.width_var * (1 - pressure)) * (1 - 0.5 * h.speed * speed) * taper * nib;
      s.widths[i] = std::max(0.25 * h.width, width);
      if (inked)
        s.inks[i] = std::clamp((1 - h.gray_var * (1 - pressure)) * (1 - h.speed * speed), 0.1, 1.0);
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
      "pen", "hand-drawn", Phase::scene,
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
