#include "dataset/manifest.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

#include "shapegen/value.hpp"

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

static json object_json(const ObjectLabel& label, bool rgb) {
  const Object& o = label.object;
  json j;
  j["class"] = class_name(o.shape);
  if (!o.kind.empty()) j["kind"] = o.kind;
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
  if (o.shape == ShapeClass::triangle)
    j["angles"] = json::array(
        {round_label(o.angles[0]), round_label(o.angles[1]), round_label(o.angles[2])});
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
        if constexpr (std::is_same_v<T, double>) return round_value(x);
        else if constexpr (std::is_same_v<T, std::vector<double>>) {
          json a = json::array();
          for (double d : x) a.push_back(round_value(d));
          return a;
        } else return x;
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
  for (const ObjectLabel& label : sample.objects) objects.push_back(object_json(label, sample.scene.rgb));
  j["objects"] = objects;
  j["augment"] = augment_json(sample.augment);
  return j.dump();
}

std::string csv_header() {
  std::string h =
      "file,index,split,object,class,kind,bbox_x0,bbox_y0,bbox_x1,bbox_y1,"
      "bbox_full_x0,bbox_full_y0,bbox_full_x1,bbox_full_y1,visible_fraction,"
      "center_x,center_y,size,rotation,stroke_width,fill,"
      "stroke_r,stroke_g,stroke_b,fill_r,fill_g,fill_b";
  for (int v = 0; v < 4; ++v) {
    const std::string p = ",v" + std::to_string(v) + "_";
    h += p + "x" + p + "y" + p + "visible";
  }
  return h + "\n";
}

static std::string num(double x) { return format_real(round_label(x)); }

std::string csv_rows(const Sample& sample, const std::string& file, const std::string& split) {
  std::string out;
  for (std::size_t i = 0; i < sample.objects.size(); ++i) {
    const ObjectLabel& l = sample.objects[i];
    const Object& o = l.object;
    out += file + "," + std::to_string(sample.index) + "," + split + "," + std::to_string(i) + "," +
           class_name(o.shape) + "," + o.kind;
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
    for (std::size_t v = 0; v < 4; ++v) {
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
