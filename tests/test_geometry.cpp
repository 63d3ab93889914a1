#define BOOST_TEST_MODULE geometry
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <numbers>
#include <tuple>
#include <vector>

#include "shapegen/geometry.hpp"

using namespace shapegen;

static double dist(Point a, Point b) { return distance(a, b); }

// Interior angle at b, degrees.
static double angle_at(Point a, Point b, Point c) {
  const double ux = a.x - b.x, uy = a.y - b.y, vx = c.x - b.x, vy = c.y - b.y;
  return std::acos((ux * vx + uy * vy) / (std::hypot(ux, uy) * std::hypot(vx, vy))) * 180 /
         std::numbers::pi;
}

BOOST_AUTO_TEST_CASE(triangles_are_inscribed_with_the_requested_angles) {
  const double cases[][3] = {{60, 60, 60}, {30, 75, 75}, {90, 35, 55}, {40, 65, 75}, {100, 50, 30}};
  for (const auto& a : cases) {
    const auto v = triangle_vertices(10, a[0], a[1], a[2]);
    BOOST_REQUIRE(v.size() == 3u);
    for (const Point& p : v) BOOST_TEST(std::abs(dist(p, {0, 0}) - 10) < 1e-9);
    BOOST_TEST(std::abs(angle_at(v[2], v[0], v[1]) - a[0]) < 1e-9);
    BOOST_TEST(std::abs(angle_at(v[0], v[1], v[2]) - a[1]) < 1e-9);
    BOOST_TEST(std::abs(angle_at(v[1], v[2], v[0]) - a[2]) < 1e-9);
    // V0 points up; V0 -> V1 -> V2 turns clockwise on screen (y down).
    BOOST_TEST(std::abs(v[0].x) < 1e-9);
    BOOST_TEST(v[0].y == -10.0);
    const double cross =
        (v[1].x - v[0].x) * (v[2].y - v[0].y) - (v[1].y - v[0].y) * (v[2].x - v[0].x);
    BOOST_TEST(cross > 0);
  }
  const auto eq = triangle_vertices(10, 60, 60, 60);
  BOOST_TEST(std::abs(dist(eq[0], eq[1]) - 10 * std::sqrt(3.0)) < 1e-9);
  BOOST_TEST(std::abs(polygon_area(eq) - 3 * std::sqrt(3.0) / 4 * 100) < 1e-9);
}

BOOST_AUTO_TEST_CASE(square_corners_clockwise_from_top_left) {
  const auto s = square_vertices(std::sqrt(2.0));  // side 2
  BOOST_TEST(std::abs(s[0].x + 1) < 1e-12);
  BOOST_TEST(std::abs(s[0].y + 1) < 1e-12);
  BOOST_TEST(std::abs(s[1].x - 1) < 1e-12);
  BOOST_TEST(std::abs(s[2].y - 1) < 1e-12);
  BOOST_TEST(std::abs(polygon_area(s) - 4) < 1e-12);
}

BOOST_AUTO_TEST_CASE(circle_polygon_is_within_a_hundredth_of_a_pixel) {
  for (double r : {0.5, 3.0, 25.0, 400.0, 4000.0}) {
    const auto pts = circle_outline(r, 17);
    const int n = static_cast<int>(pts.size());
    BOOST_TEST(n == circle_segments(r));
    // Largest gap between the chord midpoint and the true circle.
    const double sagitta = r * (1 - std::cos(std::numbers::pi / n));
    BOOST_TEST(sagitta <= 0.01 + 1e-12);
    BOOST_TEST(std::abs(polygon_area(pts) - std::numbers::pi * r * r) <=
               2 * std::numbers::pi * r * 0.01);
  }
}

BOOST_AUTO_TEST_CASE(rotation_is_clockwise_on_screen) {
  const Point p = rotate({1, 0}, 90);  // right -> down (y grows downwards)
  BOOST_TEST(std::abs(p.x) < 1e-12);
  BOOST_TEST(std::abs(p.y - 1) < 1e-12);
}

BOOST_AUTO_TEST_CASE(boxes) {
  const Point pts[] = {{1, 5}, {-2, 3}, {4, -1}};
  BOOST_TEST((extents(pts) == Box{-2, -1, 4, 5}));
  BOOST_TEST((inflate({0, 0, 1, 1}, 0.5) == Box{-0.5, -0.5, 1.5, 1.5}));
  BOOST_TEST((intersect({0, 0, 2, 2}, {1, 1, 3, 3}) == Box{1, 1, 2, 2}));
  BOOST_TEST(intersect({0, 0, 1, 1}, {2, 2, 3, 3}).empty());
}

BOOST_AUTO_TEST_CASE(polygons_clip_to_boxes) {
  const std::vector<Point> square = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
  BOOST_TEST(std::abs(polygon_area(clip_polygon(square, {0, 0, 5, 5})) - 1) < 1e-12);
  BOOST_TEST(std::abs(polygon_area(clip_polygon(square, {-5, -5, 5, 5})) - 4) < 1e-12);
  BOOST_TEST(clip_polygon(square, {2, 2, 3, 3}).empty());
  const std::vector<Point> tri = {{0, 0}, {4, 0}, {0, 4}};
  BOOST_TEST(std::abs(polygon_area(clip_polygon(tri, {0, 0, 2, 10})) - 6) <
             1e-12);  // 8 minus the corner 2
}

// Point arithmetic is the component-wise expression it replaced, bit for
// bit: code moved onto it may not move an output byte.
BOOST_AUTO_TEST_CASE(point_arithmetic_is_component_wise_and_lengths_are_hypot) {
  const Point a{0.1, -2.7}, b{3.3, 0.7};
  const double t = 0.3, s = 1.7;
  BOOST_TEST((a + b == Point{a.x + b.x, a.y + b.y}));
  BOOST_TEST((a - b == Point{a.x - b.x, a.y - b.y}));
  BOOST_TEST((a * s == Point{a.x * s, a.y * s}));
  BOOST_TEST((a / s == Point{a.x / s, a.y / s}));
  BOOST_TEST((interpolate(a, b, t) == Point{a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}));
  BOOST_TEST(interpolate(a.x, b.x, t) == a.x + (b.x - a.x) * t);
  BOOST_TEST(distance(a, b) == std::hypot(b.x - a.x, b.y - a.y));
  BOOST_TEST(distance(a, b) == distance(b, a));
  BOOST_TEST(length(Point{3, 4}) == 5.0);
  // hypot, not the root of the sum of squares, which overflows here.
  const double big = std::ldexp(1.0, 600);
  BOOST_TEST(length(Point{3 * big, 4 * big}) == 5 * big);
}

// Densify's walk: ceil(length / spacing) steps per segment (at least one),
// the closing segment when closed, the last point itself when open.
BOOST_AUTO_TEST_CASE(densify_steps_cut_every_segment_alike) {
  const std::vector<Point> line = {{0, 0}, {2.5, 0}, {2.5, 0}, {2.5, 1}};
  std::vector<std::tuple<std::size_t, std::size_t, double>> steps;
  std::vector<std::size_t> last;
  auto at = [&](std::size_t i, std::size_t j, double t) { steps.emplace_back(i, j, t); };
  auto end = [&](std::size_t i) { last.push_back(i); };
  densify_steps(line, false, 1.0, at, end);
  const std::vector<std::tuple<std::size_t, std::size_t, double>> open = {
      {0, 1, 0.0}, {0, 1, 1.0 / 3}, {0, 1, 2.0 / 3}, {1, 2, 0.0}, {2, 3, 0.0}};
  BOOST_TEST((steps == open));
  BOOST_TEST((last == std::vector<std::size_t>{3}));
  steps.clear();
  last.clear();
  densify_steps(line, true, 1.0, at, end);
  BOOST_TEST(steps.size() == open.size() + 3);  // the closing segment is sqrt(7.25) long
  BOOST_TEST((steps.back() == std::tuple<std::size_t, std::size_t, double>{3, 0, 2.0 / 3}));
  BOOST_TEST(last.empty());
  densify_steps(std::vector<Point>{}, false, 1.0, at, end);
  BOOST_TEST(last.empty());
}
