#pragma once
// shape.vertex_order = clockwise_from_top: every object's vertices from its
// top-most one, clockwise on screen, whatever rotation, flip or perspective
// drew them, so a symmetric shape (a square) has one order for a regressor.
// Applied to the finished labels, so the manifest, labels.csv, COCO, YOLO,
// the preview and the Python rows all see the same order.
#include <cstddef>
#include <vector>

#include "shapegen/geometry.hpp"
#include "shapegen/sample.hpp"

namespace shapegen {

// Vertices closer in y than this (px) tie for top-most: the left one wins.
constexpr double kTopTie = 1e-6;

// The order from the top-most point, clockwise in image coordinates (y
// down): out[k] is the index in `points` of the k-th vertex. A polygon of no
// area (fewer than three points, or all on a line) keeps its turn.
std::vector<std::size_t> clockwise_from_top(const std::vector<Point>& points);

// Reorders every object of the sample that way: the scene's objects and
// their labels (vertices and per-vertex fields such as a triangle's angles).
void order_vertices_clockwise(Sample& sample);

}  // namespace shapegen
