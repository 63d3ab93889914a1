#include "dataset/class_table.hpp"

#include <algorithm>

#include "dataset/json_writer.hpp"

namespace shapegen {

std::string class_folder(ShapeClass c, const std::vector<ShapeClass>& classes) {
  int last = c.id;
  for (ShapeClass k : classes) last = std::max(last, k.id);
  const std::string id = std::to_string(c.id);
  const std::size_t width = std::to_string(last).size();
  return std::string(width - std::min(width, id.size()), '0') + id + "_" + class_name(c);
}

std::string class_table_json(const Generator& generator) {
  const std::vector<ShapeClass> classes = generator.label_classes();
  std::string out = "{\"classes\": [\n";
  for (std::size_t i = 0; i < classes.size(); ++i) {
    const ShapeClass c = classes[i];
    std::string line;
    JsonWriter j(line);
    j.begin_object();
    j.key("id").value(c.id);
    j.key("name").value(class_name(c));
    j.key("coco_category_id").value(c.id + 1);
    j.key("mask_value").value(c.id + 1);
    j.key("imagefolder").value(class_folder(c, classes));
    j.key("drawn").begin_array();
    for (ShapeClass drawn : generator.drawn_as(c)) j.value(class_name(drawn));
    j.end_array().end_object();
    out += "  " + line + (i + 1 < classes.size() ? ",\n" : "\n");
  }
  return out + "]}\n";
}

}  // namespace shapegen
