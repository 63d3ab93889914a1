#include "shapegen/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace shapegen {

Box extents(std::span<const Point> points) {
  Box b{points[0].x, points[0].y, points[0].x, points[0].y};
  for (const Point& p : points) {
    b.x0 = std::min(b.x0, p.x);
    b.y0 = std::min(b.y0, p.y);
    b.x1 = std::max(b.x1, p.x);
    b.y1 = std::max(b.y1, p.y);
  }
  return b;
}

Box inflate(const Box& b, double m) { return {b.x0 - m, b.y0 - m, b.x1 + m, b.y1 + m}; }

Box intersect(const Box& a, const Box& b) {
  Box r{std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
  if (r.empty()) return {};
  return r;
}

double iou(const Box& a, const Box& b) {
  const Box i = intersect(a, b);
  const double inter = i.empty() ? 0 : i.width() * i.height();
  const double uni = a.width() * a.height() + b.width() * b.height() - inter;
  return uni > 0 ? inter / uni : 0;
}

double polygon_area_signed(std::span<const Point> poly) {
  double twice = 0;
  for (std::size_t i = 0; i < poly.size(); ++i) {
    const Point& a = poly[i];
    const Point& b = poly[(i + 1) % poly.size()];
    twice += a.x * b.y - b.x * a.y;
  }
  return twice / 2;
}

double polygon_area(std::span<const Point> poly) { return std::abs(polygon_area_signed(poly)); }

std::vector<Point> clip_polygon(const std::vector<Point>& polygon, const Box& box) {
  std::vector<Point> poly = polygon;
  // One pass per box edge: keep what is inside, add crossing points.
  auto clip = [&poly](auto inside, auto cross) {
    std::vector<Point> out;
    for (std::size_t i = 0; i < poly.size(); ++i) {
      const Point a = poly[i], b = poly[(i + 1) % poly.size()];
      if (inside(b)) {
        if (!inside(a)) out.push_back(cross(a, b));
        out.push_back(b);
      } else if (inside(a)) {
        out.push_back(cross(a, b));
      }
    }
    poly = std::move(out);
  };
  auto at_x = [](double x) {
    return [x](Point a, Point b) { return Point{x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)}; };
  };
  auto at_y = [](double y) {
    return [y](Point a, Point b) { return Point{a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y}; };
  };
  clip([&](Point p) { return p.x >= box.x0; }, at_x(box.x0));
  if (!poly.empty()) clip([&](Point p) { return p.x <= box.x1; }, at_x(box.x1));
  if (!poly.empty()) clip([&](Point p) { return p.y >= box.y0; }, at_y(box.y0));
  if (!poly.empty()) clip([&](Point p) { return p.y <= box.y1; }, at_y(box.y1));
  if (poly.size() < 3) poly.clear();
  return poly;
}

Point rotate(Point p, double degrees) {
  const double c = std::cos(radians(degrees)), s = std::sin(radians(degrees));
  return {c * p.x - s * p.y, s * p.x + c * p.y};
}

Point translate(Point p, Point by) { return p + by; }

static Point on_circle(double r, double degrees) {
  return {r * std::cos(radians(degrees)), r * std::sin(radians(degrees))};
}

std::vector<Point> triangle_vertices(double r, double a0, double a1, double a2) {
  (void)a1;  // implied by a0 + a1 + a2 = 180
  // Inscribed-angle theorem: the arc between two vertices is twice the angle
  // at the third.
  const double t0 = -90.0, t1 = t0 + 2 * a2, t2 = t1 + 2 * a0;
  return {on_circle(r, t0), on_circle(r, t1), on_circle(r, t2)};
}

std::vector<Point> square_vertices(double r) {
  const double h = r / std::numbers::sqrt2;
  return {{-h, -h}, {h, -h}, {h, h}, {-h, h}};
}

int circle_segments(double r) {
  constexpr double kTolerance = 0.01;  // px between the polygon and the true circle
  if (r <= kTolerance) return 16;
  const int n = static_cast<int>(std::ceil(std::numbers::pi / std::acos(1 - kTolerance / r)));
  return std::clamp(n, 16, 8192);
}

std::vector<Point> circle_outline(double r, double start_deg) {
  const int n = circle_segments(r);
  std::vector<Point> pts;
  pts.reserve(n);
  for (int i = 0; i < n; ++i) pts.push_back(on_circle(r, start_deg + 360.0 * i / n));
  return pts;
}

std::vector<Point> ellipse_outline(double rx, double ry) {
  const double r = std::max(rx, ry);
  const int n = circle_segments(r);
  std::vector<Point> pts;
  pts.reserve(n);
  for (int i = 0; i < n; ++i) {
    const Point p = on_circle(r, 360.0 * i / n);
    pts.push_back({p.x * rx / r, p.y * ry / r});
  }
  return pts;
}

std::vector<Point> quad_vertices(double r, double aspect, double skew_deg, double taper) {
  const double w = aspect, h = 1, s = std::tan(radians(skew_deg)), top = w * (1 - taper);
  std::vector<Point> q = {{-top + s, -h}, {top + s, -h}, {w - s, h}, {-w - s, h}};
  const Box box = extents(q);
  const double mid = (box.x0 + box.x1) / 2;
  double far = 0;
  for (Point& p : q) {
    p.x -= mid;
    far = std::max(far, length(p));
  }
  for (Point& p : q) p = {p.x * r / far, p.y * r / far};
  return q;
}

}  // namespace shapegen
