#pragma once
// Private to the pen op: the closed path a pen follows around an outline,
// measured by arc length, and the open strokes cut from it. Every point of a
// stroke keeps its arc length on the path, so noise that is a function of
// that position lines up where two strokes meet, and the speed model knows
// how far a point is from a corner.
#include <cstddef>
#include <vector>

#include "shapegen/geometry.hpp"
#include "shapegen/scene.hpp"

namespace shapegen::pen {

// A closed polyline with the arc length at each point.
class ClosedPath {
 public:
  ClosedPath(std::vector<Point> points, std::vector<std::size_t> corners);
  double length() const { return length_; }
  // Arc lengths of the corners the pen turns at (polygons; none for curves).
  const std::vector<double>& corners() const { return corner_s_; }
  // The point at arc length s, any real s (wraps around).
  Point at(double s) const;
  // Arc distance from s to the nearest corner (infinity without corners).
  double to_corner(double s) const;
  // The path from arc length a to b > a (wrapping as often as needed): its
  // vertices strictly inside, both ends interpolated.
  std::vector<Point> between(double a, double b, std::vector<double>& arc) const;
  // The same path reversed: drawn the other way round.
  ClosedPath reversed() const;

 private:
  std::vector<Point> points_;
  std::vector<double> cum_;  // arc length at each point; cum_[0] = 0
  std::vector<std::size_t> corners_;
  std::vector<double> corner_s_;
  double length_ = 0;
};

// One open stroke being drawn: points, their arc length on the path (for
// noise and speed) and, once profiled, width and ink per point.
struct Stroke {
  std::vector<Point> points;
  std::vector<double> arc;
  std::vector<double> widths, inks;
};

// Inserts points so no segment is longer than `spacing`; arc lengths are
// interpolated.
Stroke densify(const Stroke& s, double spacing);
// Unit normals (left of the direction of travel), from each point's neighbours.
std::vector<Point> normals(const std::vector<Point>& points);
// Arc length along the stroke's own polyline at each point.
std::vector<double> own_length(const std::vector<Point>& points);
// The part of a profiled stroke between its own arc lengths a < b, widths
// and inks interpolated.
Stroke cut(const Stroke& s, const std::vector<double>& own, double a, double b);
// As a piece the scene draws.
StrokePath to_path(const Stroke& s, bool aliased);

}  // namespace shapegen::pen
