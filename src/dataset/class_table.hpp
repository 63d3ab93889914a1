#pragma once
// Private: the dataset's class table, classes.json at its root: one entry per
// label class (Generator::label_classes(), registry rows 0..last label in
// use) with the number each layout writes for it and the drawn classes
// labeled as it. Every loader's class index is the entry's id; ImageFolder's
// folders are named "<id>_<name>" so that torchvision, which numbers the
// folders it finds in sorted order, gives the same index.
#include <string>
#include <vector>

#include "shapegen/generator.hpp"

namespace shapegen {

// "0_triangle": the class id, zero-padded to the digits of the largest id
// in `classes`, then its name; names sort as the ids do.
std::string class_folder(ShapeClass c, const std::vector<ShapeClass>& classes);
// classes.json's text: {"classes": [{id, name, coco_category_id,
// mask_value, imagefolder, drawn}, ...]}, one class a line.
std::string class_table_json(const Generator& generator);

}  // namespace shapegen
