#pragma once
// layer: shapes
// A shape class is a row of the shape registry (src/shapes/registry.hpp).
// Its id is its row, and labels write that id: COCO category id - 1, YOLO
// class, semantic mask value - 1. So classes are added at the end.
#include <compare>
#include <string>
#include <variant>
#include <vector>

#include "shapegen/enum_names.hpp"

namespace shapegen {

struct ShapeClass {
  int id = 0;
  auto operator<=>(const ShapeClass&) const = default;
};

// Every class, by id.
std::vector<ShapeClass> shape_classes();
const char* class_name(ShapeClass c);
// The class names as a name table, so keys weigh classes by name
// (params/bind.hpp); built from the registry's rows.
std::vector<EnumName<ShapeClass>> enum_names(ShapeClass);

// A value of a class's own label field: a word (a triangle's kind) or
// numbers (its angles).
using FieldValue = std::variant<std::string, std::vector<double>>;

}  // namespace shapegen
