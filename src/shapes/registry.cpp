#include "shapes/registry.hpp"

#include <algorithm>
#include <deque>

namespace shapegen {

// One function per class, each in its own file.
ShapeDecl triangle_shape();
ShapeDecl circle_shape();
ShapeDecl square_shape();
ShapeDecl ellipse_shape();
ShapeDecl rectangle_shape();

namespace {

// The table. A row's index is its class id, written to every label file:
// new classes go at the end. A deque, so rows never move while in use.
std::deque<ShapeDecl>& rows() {
  static std::deque<ShapeDecl> table = {
      triangle_shape(), circle_shape(), square_shape(), ellipse_shape(), rectangle_shape(),
  };
  return table;
}

}  // namespace

std::vector<ShapeClass> shape_classes() {
  std::vector<ShapeClass> out;
  for (int id = 0; id < int(rows().size()); ++id) out.push_back({id});
  return out;
}

const ShapeDecl& shape_decl(ShapeClass c) { return rows()[std::size_t(c.id)]; }

const char* class_name(ShapeClass c) { return shape_decl(c).name; }

std::vector<EnumName<ShapeClass>> enum_names(ShapeClass) {
  std::vector<EnumName<ShapeClass>> table;
  for (ShapeClass c : shape_classes()) table.push_back({c, class_name(c)});
  return table;
}

std::size_t max_vertex_count() {
  std::size_t n = 0;
  for (const ShapeDecl& row : rows()) n = std::max(n, row.vertex_names.size());
  return n;
}

std::vector<std::array<int, 2>> ring_skeleton(int n) {
  std::vector<std::array<int, 2>> edges;
  for (int i = 0; i < n; ++i) edges.push_back({i, (i + 1) % n});
  return edges;
}

ScopedShapeRow::ScopedShapeRow(ShapeDecl row) : added_{int(rows().size())} {
  rows().push_back(std::move(row));
}

ScopedShapeRow::~ScopedShapeRow() { rows().pop_back(); }

}  // namespace shapegen
