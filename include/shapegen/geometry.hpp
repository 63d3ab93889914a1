#pragma once
// layer: base
// Plane geometry in continuous image coordinates: origin at the top-left
// corner, x to the right, y down; pixel (c, r) covers [c, c+1) x [r, r+1).
// Angles are degrees; a positive rotation turns clockwise on screen.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

namespace shapegen {

struct Point {
  double x = 0;
  double y = 0;
  bool operator==(const Point&) const = default;
};

// Component-wise, so each is exactly the two expressions it replaces (same
// operations in the same order: same bits).
inline constexpr Point operator+(Point a, Point b) { return {a.x + b.x, a.y + b.y}; }
inline constexpr Point operator-(Point a, Point b) { return {a.x - b.x, a.y - b.y}; }
inline constexpr Point operator*(Point p, double s) { return {p.x * s, p.y * s}; }
inline constexpr Point operator/(Point p, double s) { return {p.x / s, p.y / s}; }
// std::hypot, not the square root of the sum of squares: exact where that
// over- or underflows, and what every length here has always been.
inline double length(Point p) { return std::hypot(p.x, p.y); }
inline double distance(Point a, Point b) { return length(b - a); }
// a + (b - a) * t, exactly: how every polyline here interpolates (std::lerp
// computes otherwise, so its bits differ).
inline constexpr double interpolate(double a, double b, double t) { return a + (b - a) * t; }
inline constexpr Point interpolate(Point a, Point b, double t) { return a + (b - a) * t; }

// Axis-aligned box [x0, x1] x [y0, y1].
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool operator==(const Box&) const = default;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  bool empty() const { return !(x1 > x0 && y1 > y0); }
};

Box extents(std::span<const Point> points);
Box inflate(const Box& box, double margin);
Box intersect(const Box& a, const Box& b);
// Intersection over union of two boxes (0 when either is empty).
double iou(const Box& a, const Box& b);
// Area enclosed by a closed polygon (absolute value of the shoelace sum).
double polygon_area(std::span<const Point> polygon);
// Signed shoelace area: positive when the points turn clockwise on screen.
double polygon_area_signed(std::span<const Point> polygon);

// The part of a polygon inside a box (Sutherland-Hodgman); empty if none.
std::vector<Point> clip_polygon(const std::vector<Point>& polygon, const Box& box);

inline constexpr double radians(double degrees) { return degrees * 3.14159265358979323846 / 180; }

Point rotate(Point p, double degrees);
Point translate(Point p, Point by);

// Densify: where points go so that no segment of a polyline of n points
// (closed: with the segment from the last back to the first) is longer than
// `spacing`. Each segment i -> j is cut into max(1, ceil(length / spacing))
// equal steps and gets a point at the start of each, fraction t of the way:
// at(i, j, t). An open polyline then ends on its last point itself: last(n - 1).
// The caller interpolates what it carries per point (the point, widths,
// inks, arc lengths) with `interpolate`, so every densified line in the
// program is cut alike.
template <class At, class Last>
void densify_steps(std::span<const Point> points, bool closed, double spacing, At&& at,
                   Last&& last) {
  const std::size_t n = points.size();
  if (n == 0) return;
  const std::size_t segments = closed ? n : n - 1;
  for (std::size_t i = 0; i < segments; ++i) {
    const std::size_t j = (i + 1) % n;
    const int steps = std::max(1, int(std::ceil(distance(points[i], points[j]) / spacing)));
    for (int k = 0; k < steps; ++k) at(i, j, double(k) / steps);
  }
  if (!closed) last(n - 1);
}

// Canonical shapes, centred on the origin, inscribed in a circle of radius r.
// Triangle from its interior angles (degrees, sum 180) at V0, V1, V2: V0
// points straight up, V1 and V2 follow clockwise on screen.
std::vector<Point> triangle_vertices(double r, double a0, double a1, double a2);
// Square corners, clockwise from the top-left one.
std::vector<Point> square_vertices(double r);
// A circle as the polygon that is drawn: enough segments that no point of the
// true circle is more than 0.01 px away, starting at angle start_deg.
std::vector<Point> circle_outline(double r, double start_deg);
int circle_segments(double r);
// An ellipse with semi-axes rx (along x) and ry as the polygon that is drawn:
// the circle of radius max(rx, ry) squeezed, so it too stays within 0.01 px.
std::vector<Point> ellipse_outline(double rx, double ry);
// A quadrilateral from its proportions, corners clockwise from the top-left
// one: sides `aspect` : 1 (the long ones horizontal), the top side moved
// right and the bottom left by the skew angle (a parallelogram), the top
// side shortened by `taper` (a trapezoid); centred on its box and scaled so
// its farthest corner is r away. aspect 1, skew 0, taper 0 is a square.
std::vector<Point> quad_vertices(double r, double aspect, double skew_deg, double taper);

}  // namespace shapegen
