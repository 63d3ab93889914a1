#include "render/ring.hpp"

#include <cmath>
#include <vector>

namespace shapegen {

namespace {

// tan(15 deg): the sharpest joint drawn as a ring.
constexpr double kMaxTurnTan = 0.26794919243112270;
// A joint whose mitre overshoots its round join by at most this (px) takes
// the mitre point alone; sharper ones take the join's ends and middle.
constexpr double kMitreSlack = 0.005;

Point unit(Point v) {
  const double len = std::sqrt(v.x * v.x + v.y * v.y);
  return {v.x / len, v.y / len};
}

}  // namespace

bool fill_ring(cairo_t* cr, const StrokePath& s) {
  const std::size_t n = s.points.size();
  if (!s.closed || n < 3 || s.widths.size() != n || !(s.widths[0] > 0)) return false;
  for (double w : s.widths)
    if (w != s.widths[0]) return false;
  const double d = s.widths[0] / 2;
  // Outward normals of the edges; edge i runs from point i to point i + 1.
  const double area = polygon_area_signed(s.points);
  if (area == 0) return false;
  const double side = area > 0 ? 1 : -1;
  thread_local std::vector<Point> normals;
  normals.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Point a = s.points[i], b = s.points[(i + 1) % n];
    if (a == b) return false;
    const Point u = unit({b.x - a.x, b.y - a.y});
    normals[i] = {side * u.y, -side * u.x};
  }
  // Convex and gentle: every joint turns the same way, by at most 15 degrees.
  for (std::size_t i = 0; i < n; ++i) {
    const Point m = normals[(i + n - 1) % n], k = normals[i];
    const double cross = (m.x * k.y - m.y * k.x) * side, dot = m.x * k.x + m.y * k.y;
    if (cross < 0 || dot <= 0 || cross > kMaxTurnTan * dot) return false;
  }
  // The inner edge: where the inward offsets of neighbouring edges meet. It
  // must keep every edge (a wide stroke on a small outline would fold it).
  thread_local std::vector<Point> inner;
  inner.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Point m = normals[(i + n - 1) % n], k = normals[i];
    const double f = d / (1 + m.x * k.x + m.y * k.y);
    inner[i] = {s.points[i].x - f * (m.x + k.x), s.points[i].y - f * (m.y + k.y)};
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Point a = s.points[i], b = s.points[(i + 1) % n];
    const Point p = inner[i], q = inner[(i + 1) % n];
    if ((q.x - p.x) * (b.x - a.x) + (q.y - p.y) * (b.y - a.y) <= 0) return false;
  }
  cairo_new_path(cr);
  for (std::size_t i = 0; i < n; ++i) {
    // The round join at point i: the mitre point where it is that close
    // (d (1 / cos(turn / 2) - 1), with 1 + m.k = 2 cos^2(turn / 2)), else
    // the join's two ends and its middle.
    const Point p = s.points[i], m = normals[(i + n - 1) % n], k = normals[i];
    const double c2 = (1 + m.x * k.x + m.y * k.y) / 2;
    if (d * (1 / std::sqrt(c2) - 1) <= kMitreSlack) {
      const double f = d / (2 * c2);
      cairo_line_to(cr, p.x + f * (m.x + k.x), p.y + f * (m.y + k.y));
      continue;
    }
    const Point mid = unit({m.x + k.x, m.y + k.y});
    cairo_line_to(cr, p.x + d * m.x, p.y + d * m.y);
    cairo_line_to(cr, p.x + d * mid.x, p.y + d * mid.y);
    cairo_line_to(cr, p.x + d * k.x, p.y + d * k.y);
  }
  cairo_close_path(cr);
  cairo_new_sub_path(cr);
  for (std::size_t i = 0; i < n; ++i) cairo_line_to(cr, inner[i].x, inner[i].y);
  cairo_close_path(cr);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_fill(cr);
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  return true;
}

}  // namespace shapegen
