#include "dataset/manifest.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "shapegen/value.hpp"
#include "shapes/registry.hpp"

namespace shapegen {

using json = nlohmann::ordered_json;

double round_label(double x) { return std::round(x * 1e4) / 1e4 + 0.0; }  // + 0.0 drops -0

// Fractions and op values: 6 decimals.
static double round_value(double x) { return std::round(x * 1e6) / 1e6 + 0.0; }

static json box_json(const Box& b) {
  return json::array({round_label(b.x0), round_label(b.y0), round_label(b.x1), round_label(b.y1)});
}

static json color_json(Rgb c, bool rgb) {
  if (!rgb) return c.r;
  return json::array({c.r, c.g, c.b});
}

// The object's own fields of its class that go at `place`.
static void add_fields(json& j, const Object& o, FieldPlace place) {
  const std::vector<ShapeField>& fields = shape_decl(o.shape).fields;
  for (std::size_t i = 0; i < fields.size() && i < o.fields.size(); ++i) {
    if (fields[i].place != place) continue;
    if (const auto* word = std::get_if<std::string>(&o.fields[i])) {
      j[fields[i].name] = *word;
    } else {
      json numbers = json::array();
      for (double x : std::get<std::vector<double>>(o.fields[i])) numbers.push_back(round_label(x));
      j[fields[i].name] = numbers;
    }
  }
}

static json object_json(const ObjectLabel& label, bool rgb) {
  const Object& o = label.object;
  json j;
  j["class"] = class_name(label_class(o));
  if (label_class(o) != o.shape) j["shape"] = class_name(o.shape);  // the class drawn
  add_fields(j, o, FieldPlace::after_class);
  j["bbox"] = box_json(label.bbox);
  j["bbox_full"] = box_json(label.bbox_full);
  json vertices = json::array();
  for (const VertexLabel& v : label.vertices)
    vertices.push_back({{"x", round_label(v.point.x)},
                        {"y", round_label(v.point.y)},
                        {"in_frame", v.in_frame},
                        {"visible", v.visible}});
  j["vertices"] = vertices;
  json polygon = json::array();
  for (const Point& p : o.outline) {
    polygon.push_back(round_label(p.x));
    polygon.push_back(round_label(p.y));
  }
  j["polygon"] = polygon;
  j["visible_fraction"] = round_value(label.visible_fraction);
  j["center"] = json::array({round_label(o.center.x), round_label(o.center.y)});
  j["size"] = round_label(o.size);
  j["rotation"] = round_label(o.rotation);
  add_fields(j, o, FieldPlace::after_rotation);
  j["stroke_width"] = round_label(o.style.stroke_width);
  j["fill"] = fill_name(o.style.fill);
  j["stroke_color"] = color_json(o.style.stroke, rgb);
  j["fill_color"] = o.style.has_fill() ? color_json(o.style.fill_rgb(), rgb) : json(nullptr);
  return j;
}

static json record_value(const RecordValue& v) {
  return std::visit(
      [](const auto& x) -> json {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, double>)
          return round_value(x);
        else if constexpr (std::is_same_v<T, std::vector<double>>) {
          json a = json::array();
          for (double d : x) a.push_back(round_value(d));
          return a;
        } else
          return x;
      },
      v);
}

static json augment_json(const std::vector<OpRecord>& records) {
  json list = json::array();
  for (const OpRecord& r : records) {
    json j;
    j["op"] = r.op;
    for (const auto& [name, value] : r.values) j[name] = record_value(value);
    list.push_back(j);
  }
  return list;
}

std::string manifest_line(const Sample& sample, const std::string& file, const std::string& split) {
  json j;
  j["file"] = file;
  j["index"] = sample.index;
  j["split"] = split;
  if (sample.variant) {
    j["base_index"] = sample.base_index;
    j["variant"] = *sample.variant;
  }
  j["seed"] = sample.seed;
  j["width"] = sample.scene.width;
  j["height"] = sample.scene.height;
  j["background"] = color_json(sample.scene.background, sample.scene.rgb);
  json objects = json::array();
  for (const ObjectLabel& label : sample.objects)
    objects.push_back(object_json(label, sample.scene.rgb));
  j["objects"] = objects;
  j["augment"] = augment_json(sample.augment);
  return j.dump();
}

// labels.csv's columns after `class`: every field a class writes after its
// class, by name, in registry order (today: kind).
static std::vector<std::string> class_field_columns() {
  std::vector<std::string> names;
  for (ShapeClass c : shape_classes())
    for (const ShapeField& f : shape_decl(c).fields)
      if (f.place == FieldPlace::after_class &&
          std::find(names.begin(), names.end(), f.name) == names.end())
        names.emplace_back(f.name);
  return names;
}

std::string csv_header(bool shape_column) {
  std::string h = std::string("file,index,split,object,class") + (shape_column ? ",shape" : "");
  for (const std::string& name : class_field_columns()) h += "," + name;
  h += ",bbox_x0,bbox_y0,bbox_x1,bbox_y1,"
       "bbox_full_x0,bbox_full_y0,bbox_full_x1,bbox_full_y1,visible_fraction,"
       "center_x,center_y,size,rotation,stroke_width,fill,"
       "stroke_r,stroke_g,stroke_b,fill_r,fill_g,fill_b";
  for (std::size_t v = 0; v < max_vertex_count(); ++v) {
    const std::string p = ",v" + std::to_string(v) + "_";
    h += p + "x" + p + "y" + p + "visible";
  }
  return h + "\n";
}

static std::string num(double x) { return format_real(round_label(x)); }

// The object's field named `name`, as CSV text; empty when its class has none.
static std::string field_text(const Object& o, const std::string& name) {
  const std::vector<ShapeField>& fields = shape_decl(o.shape).fields;
  for (std::size_t i = 0; i < fields.size() && i < o.fields.size(); ++i) {
    if (fields[i].name != name) continue;
    if (const auto* word = std::get_if<std::string>(&o.fields[i])) return *word;
    std::string text;
    for (double x : std::get<std::vector<double>>(o.fields[i]))
      text += (text.empty() ? "" : " ") + num(x);
    return text;
  }
  return "";
}

std::string csv_rows(const Sample& sample, const std::string& file, const std::string& split,
                     bool shape_column) {
  const std::vector<std::string> columns = class_field_columns();
  const std::size_t vertex_columns = max_vertex_count();
  std::string out;
  for (std::size_t i = 0; i < sample.objects.size(); ++i) {
    const ObjectLabel& l = sample.objects[i];
    const Object& o = l.object;
    out += file + "," + std::to_string(sample.index) + "," + split + "," + std::to_string(i) + "," +
           class_name(label_class(o));
    if (shape_column) out += std::string(",") + class_name(o.shape);
    for (const std::string& name : columns) out += "," + field_text(o, name);
    for (const Box& b : {l.bbox, l.bbox_full})
      out += "," + num(b.x0) + "," + num(b.y0) + "," + num(b.x1) + "," + num(b.y1);
    out += "," + format_real(round_value(l.visible_fraction));
    out += "," + num(o.center.x) + "," + num(o.center.y) + "," + num(o.size) + "," +
           num(o.rotation) + "," + num(o.style.stroke_width) + "," + fill_name(o.style.fill);
    for (int c : {o.style.stroke.r, o.style.stroke.g, o.style.stroke.b})
      out += "," + std::to_string(c);
    const Rgb fill = o.style.fill_rgb();
    for (int c : {fill.r, fill.g, fill.b})
      out += "," + (o.style.has_fill() ? std::to_string(c) : std::string());
    for (std::size_t v = 0; v < vertex_columns; ++v) {
      if (v < l.vertices.size())
        out += "," + num(l.vertices[v].point.x) + "," + num(l.vertices[v].point.y) + "," +
               (l.vertices[v].visible ? "1" : "0");
      else
        out += ",,,";
    }
    out += "\n";
  }
  return out;
}

}  // namespace shapegen
