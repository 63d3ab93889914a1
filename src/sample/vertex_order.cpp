#include "sample/vertex_order.hpp"

#include "shapes/registry.hpp"

namespace shapegen {

// Twice the signed area: positive for a clockwise turn on screen (y down).
static double signed_area2(const std::vector<Point>& p) {
  double sum = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const Point& a = p[i];
    const Point& b = p[(i + 1) % p.size()];
    sum += a.x * b.y - b.x * a.y;
  }
  return sum;
}

std::vector<std::size_t> clockwise_from_top(const std::vector<Point>& points) {
  const std::size_t n = points.size();
  std::size_t top = 0;
  for (std::size_t i = 1; i < n; ++i) {
    const Point &p = points[i], &t = points[top];
    if (p.y < t.y - kTopTie || (p.y <= t.y + kTopTie && p.x < t.x)) top = i;
  }
  const bool reverse = signed_area2(points) < 0;
  std::vector<std::size_t> order(n);
  for (std::size_t k = 0; k < n; ++k) order[k] = reverse ? (top + n - k) % n : (top + k) % n;
  return order;
}

template <typename T>
static std::vector<T> permuted(const std::vector<T>& v, const std::vector<std::size_t>& order) {
  std::vector<T> out;
  out.reserve(v.size());
  for (std::size_t i : order) out.push_back(v[i]);
  return out;
}

static void reorder(Object& o, const std::vector<std::size_t>& order) {
  o.vertices = permuted(o.vertices, order);
  const std::vector<ShapeField>& fields = shape_decl(o.shape).fields;
  for (std::size_t i = 0; i < fields.size() && i < o.fields.size(); ++i) {
    auto* numbers = std::get_if<std::vector<double>>(&o.fields[i]);
    if (fields[i].per_vertex && numbers && numbers->size() == order.size())
      *numbers = permuted(*numbers, order);
  }
}

void order_vertices_clockwise(Sample& sample) {
  for (std::size_t j = 0; j < sample.objects.size(); ++j) {
    ObjectLabel& label = sample.objects[j];
    std::vector<Point> points;
    for (const VertexLabel& v : label.vertices) points.push_back(v.point);
    const std::vector<std::size_t> order = clockwise_from_top(points);
    label.vertices = permuted(label.vertices, order);
    reorder(label.object, order);
    if (j < sample.scene.objects.size()) reorder(sample.scene.objects[j], order);
  }
}

}  // namespace shapegen
