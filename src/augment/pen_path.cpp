#include "augment/pen_path.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace shapegen::pen {

ClosedPath::ClosedPath(std::vector<Point> points, std::vector<std::size_t> corners)
    : points_(std::move(points)), corners_(std::move(corners)) {
  cum_.assign(points_.size(), 0.0);
  for (std::size_t i = 1; i < points_.size(); ++i)
    cum_[i] = cum_[i - 1] + distance(points_[i - 1], points_[i]);
  length_ = cum_.back() + distance(points_.back(), points_[0]);
  for (std::size_t c : corners_) corner_s_.push_back(cum_[c]);
}

Point ClosedPath::at(double s) const {
  s -= std::floor(s / length_) * length_;
  // The last point whose arc length is <= s.
  const std::size_t i =
      std::size_t(std::upper_bound(cum_.begin(), cum_.end(), s) - cum_.begin()) - 1;
  const std::size_t j = (i + 1) % points_.size();
  const double end = j == 0 ? length_ : cum_[j];
  const double t = end > cum_[i] ? (s - cum_[i]) / (end - cum_[i]) : 0;
  return interpolate(points_[i], points_[j], t);
}

double ClosedPath::to_corner(double s) const {
  double best = std::numeric_limits<double>::infinity();
  for (double c : corner_s_) {
    double d = std::fmod(std::abs(s - c), length_);
    best = std::min({best, d, length_ - d});
  }
  return best;
}

std::vector<Point> ClosedPath::between(double a, double b, std::vector<double>& arc) const {
  std::vector<Point> out{at(a)};
  arc.assign(1, a);
  const double first_lap = std::floor(a / length_) * length_;
  for (double lap = first_lap; lap < b; lap += length_)
    for (std::size_t i = 0; i < points_.size(); ++i) {
      const double s = lap + cum_[i];
      if (s <= a) continue;
      if (s >= b) break;
      out.push_back(points_[i]);
      arc.push_back(s);
    }
  out.push_back(at(b));
  arc.push_back(b);
  return out;
}

ClosedPath ClosedPath::reversed() const {
  // Point 0 stays first so corners keep their meaning; the rest turn around.
  std::vector<Point> points{points_[0]};
  points.insert(points.end(), points_.rbegin(), points_.rend() - 1);
  std::vector<std::size_t> corners;
  for (std::size_t c : corners_) corners.push_back(c == 0 ? 0 : points_.size() - c);
  return ClosedPath(std::move(points), std::move(corners));
}

Stroke densify(const Stroke& s, double spacing) {
  Stroke out;
  densify_steps(
      s.points, false, spacing,
      [&](std::size_t i, std::size_t j, double t) {
        out.points.push_back(interpolate(s.points[i], s.points[j], t));
        out.arc.push_back(interpolate(s.arc[i], s.arc[j], t));
      },
      [&](std::size_t last) {
        out.points.push_back(s.points[last]);
        out.arc.push_back(s.arc[last]);
      });
  return out;
}

std::vector<Point> normals(const std::vector<Point>& points) {
  const std::size_t n = points.size();
  std::vector<Point> out(n, Point{0, 0});
  for (std::size_t i = 0; i < n; ++i) {
    const Point a = points[i == 0 ? 0 : i - 1], b = points[std::min(i + 1, n - 1)];
    const Point d = b - a;
    const double len = length(d);
    if (len > 0) out[i] = {-d.y / len, d.x / len};
  }
  return out;
}

std::vector<double> own_length(const std::vector<Point>& points) {
  std::vector<double> out(points.size(), 0.0);
  for (std::size_t i = 1; i < points.size(); ++i)
    out[i] = out[i - 1] + distance(points[i - 1], points[i]);
  return out;
}

Stroke cut(const Stroke& s, const std::vector<double>& own, double a, double b) {
  Stroke out;
  auto add = [&](double x) {
    // The segment holding own length x, interpolated.
    const std::size_t n = own.size();
    std::size_t i = std::size_t(std::upper_bound(own.begin(), own.end(), x) - own.begin());
    i = std::clamp<std::size_t>(i, 1, n - 1);
    const double span = own[i] - own[i - 1];
    const double t = span > 0 ? std::clamp((x - own[i - 1]) / span, 0.0, 1.0) : 0;
    out.points.push_back(interpolate(s.points[i - 1], s.points[i], t));
    out.arc.push_back(interpolate(s.arc[i - 1], s.arc[i], t));
    out.widths.push_back(interpolate(s.widths[i - 1], s.widths[i], t));
    if (!s.inks.empty()) out.inks.push_back(interpolate(s.inks[i - 1], s.inks[i], t));
  };
  add(a);
  for (std::size_t i = 0; i < own.size(); ++i)
    if (own[i] > a && own[i] < b) {
      out.points.push_back(s.points[i]);
      out.arc.push_back(s.arc[i]);
      out.widths.push_back(s.widths[i]);
      if (!s.inks.empty()) out.inks.push_back(s.inks[i]);
    }
  add(b);
  return out;
}

StrokePath to_path(const Stroke& s, bool aliased) {
  return StrokePath{s.points, s.widths, false, s.inks, aliased};
}

}  // namespace shapegen::pen
