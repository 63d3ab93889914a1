#include "shapegen/scene.hpp"

#include <algorithm>
#include <cmath>

namespace shapegen {

std::vector<StrokePath> ink_strokes(const Object& object) {
  if (!object.style.stroked()) return {};
  if (!object.strokes.empty()) return object.strokes;
  return {StrokePath{object.outline,
                     std::vector<double>(object.outline.size(), object.style.stroke_width),
                     true,
                     {},
                     false}};
}

Box ink_box(const Object& object) {
  Box box;
  bool any = false;
  auto add = [&](const Box& b) {
    box = any ? Box{std::min(box.x0, b.x0), std::min(box.y0, b.y0), std::max(box.x1, b.x1),
                    std::max(box.y1, b.y1)}
              : b;
    any = true;
  };
  if (object.style.has_fill()) add(extents(object.outline));
  for_each_ink_stroke(object, [&](const StrokePath& s) {
    for (std::size_t i = 0; i < s.points.size(); ++i) {
      const Point p = s.points[i];
      const double h = s.widths[i] / 2;
      add(Box{p.x - h, p.y - h, p.x + h, p.y + h});
    }
  });
  return box;
}

Box scene_ink_box(const Scene& scene) {
  Box box;
  for (std::size_t i = 0; i < scene.objects.size(); ++i) {
    const Box b = ink_box(scene.objects[i]);
    box = i == 0 ? b
                 : Box{std::min(box.x0, b.x0), std::min(box.y0, b.y0), std::max(box.x1, b.x1),
                       std::max(box.y1, b.y1)};
  }
  return box;
}

// The shift along one axis that brings [lo, hi] inside [0, length].
static double axis_shift(double lo, double hi, double length) {
  if (lo < 0) return -lo;
  if (hi > length) return length - hi;
  return 0;
}

bool shift_into_frame(Scene& scene) {
  if (scene.objects.empty()) return true;
  const Box ink = scene_ink_box(scene);
  if (ink.width() > scene.width || ink.height() > scene.height) return false;
  const Point by{axis_shift(ink.x0, ink.x1, scene.width), axis_shift(ink.y0, ink.y1, scene.height)};
  if (by.x != 0 || by.y != 0) transform_points(scene, [by](Point p) { return translate(p, by); });
  return true;
}

std::vector<Point> densify(const std::vector<Point>& line, double spacing, bool closed) {
  return densify(StrokePath{line, std::vector<double>(line.size(), 0.0), closed, {}, false},
                 spacing)
      .points;
}

StrokePath densify(const StrokePath& path, double spacing) {
  StrokePath out = path;
  out.points.clear();
  out.widths.clear();
  out.inks.clear();
  const bool inked = !path.inks.empty();
  densify_steps(
      path.points, path.closed, spacing,
      [&](std::size_t i, std::size_t j, double t) {
        out.points.push_back(interpolate(path.points[i], path.points[j], t));
        out.widths.push_back(interpolate(path.widths[i], path.widths[j], t));
        if (inked) out.inks.push_back(interpolate(path.inks[i], path.inks[j], t));
      },
      [&](std::size_t last) {
        out.points.push_back(path.points[last]);
        out.widths.push_back(path.widths[last]);
        if (inked) out.inks.push_back(path.inks[last]);
      });
  return out;
}

double path_length(const std::vector<Point>& line, bool closed) {
  double total = 0;
  const std::size_t n = line.size();
  for (std::size_t i = 0; i + (closed ? 0 : 1) < n; ++i) {
    total += distance(line[i], line[(i + 1) % n]);
  }
  return total;
}

std::vector<Point> sub_path(const std::vector<Point>& line, bool closed, double s0, double s1) {
  const std::size_t n = line.size();
  const std::size_t segments = closed ? n : n - 1;
  const double total = path_length(line, closed);
  std::vector<Point> out;
  double start = 0;  // arc length where the current lap begins
  for (int lap = 0; lap < 2 && start < s1; ++lap, start += total) {
    double s = start;
    for (std::size_t i = 0; i < segments; ++i) {
      const Point a = line[i], b = line[(i + 1) % n];
      const double len = distance(a, b);
      const double lo = std::max(s0, s), hi = std::min(s1, s + len);
      if (len > 0 && lo <= hi) {
        auto at = [&](double x) { return interpolate(a, b, (x - s) / len); };
        if (out.empty()) out.push_back(at(lo));
        out.push_back(at(hi));
      }
      s += len;
    }
    if (!closed) break;
  }
  return out;
}

}  // namespace shapegen
