#include "dataset/manifest.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "dataset/json_writer.hpp"
#include "shapes/registry.hpp"

namespace shapegen {

double round_label(double x) { return std::round(x * 1e4) / 1e4 + 0.0; }  // + 0.0 drops -0

// Fractions and op values: 6 decimals.
static double round_value(double x) { return std::round(x * 1e6) / 1e6 + 0.0; }

static void box_json(JsonWriter& j, const Box& b) {
  j.begin_array().value(round_label(b.x0)).value(round_label(b.y0));
  j.value(round_label(b.x1)).value(round_label(b.y1)).end_array();
}

static void color_json(JsonWriter& j, Rgb c, bool rgb) {
  if (!rgb) {
    j.value(c.r);
    return;
  }
  j.begin_array().value(c.r).value(c.g).value(c.b).end_array();
}

// The object's own fields of its class that go at `place`.
static void add_fields(JsonWriter& j, const Object& o, FieldPlace place) {
  const std::vector<ShapeField>& fields = shape_decl(o.shape).fields;
  for (std::size_t i = 0; i < fields.size() && i < o.fields.size(); ++i) {
    if (fields[i].place != place) continue;
    j.key(fields[i].name);
    if (const auto* word = std::get_if<std::string>(&o.fields[i])) {
      j.value(*word);
    } else {
      j.begin_array();
      for (double x : std::get<std::vector<double>>(o.fields[i])) j.value(round_label(x));
      j.end_array();
    }
  }
}

static void object_json(JsonWriter& j, const ObjectLabel& label, bool rgb) {
  const Object& o = label.object;
  j.begin_object();
  j.key("class").value(class_name(label_class(o)));
  if (label_class(o) != o.shape) j.key("shape").value(class_name(o.shape));  // the class drawn
  add_fields(j, o, FieldPlace::after_class);
  box_json(j.key("bbox"), label.bbox);
  box_json(j.key("bbox_full"), label.bbox_full);
  j.key("vertices").begin_array();
  for (const VertexLabel& v : label.vertices) {
    j.begin_object();
    j.key("x").value(round_label(v.point.x)).key("y").value(round_label(v.point.y));
    j.key("in_frame").value(v.in_frame).key("visible").value(v.visible);
    j.end_object();
  }
  j.end_array();
  j.key("polygon").begin_array();
  for (const Point& p : o.outline) j.value(round_label(p.x)).value(round_label(p.y));
  j.end_array();
  j.key("visible_fraction").value(round_value(label.visible_fraction));
  j.key("center").begin_array().value(round_label(o.center.x)).value(round_label(o.center.y));
  j.end_array();
  j.key("size").value(round_label(o.size));
  j.key("rotation").value(round_label(o.rotation));
  add_fields(j, o, FieldPlace::after_rotation);
  j.key("stroke_width").value(round_label(o.style.stroke_width));
  j.key("fill").value(fill_name(o.style.fill));
  color_json(j.key("stroke_color"), o.style.stroke, rgb);
  j.key("fill_color");
  if (o.style.has_fill())
    color_json(j, o.style.fill_rgb(), rgb);
  else
    j.null();
  j.end_object();
}

static void record_value(JsonWriter& j, const RecordValue& v) {
  std::visit(
      [&j](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, double>) {
          j.value(round_value(x));
        } else if constexpr (std::is_same_v<T, std::vector<double>>) {
          j.begin_array();
          for (double d : x) j.value(round_value(d));
          j.end_array();
        } else {
          j.value(x);
        }
      },
      v);
}

void append_manifest_line(std::string& out, const Sample& sample, const std::string& file,
                          const std::string& split) {
  JsonWriter j(out);
  j.begin_object();
  j.key("file").value(file);
  j.key("index").value(sample.index);
  j.key("split").value(split);
  if (sample.variant) {
    j.key("base_index").value(sample.base_index);
    j.key("variant").value(*sample.variant);
  }
  j.key("seed").value(sample.seed);
  j.key("width").value(sample.scene.width);
  j.key("height").value(sample.scene.height);
  color_json(j.key("background"), sample.scene.background, sample.scene.rgb);
  j.key("objects").begin_array();
  for (const ObjectLabel& label : sample.objects) object_json(j, label, sample.scene.rgb);
  j.end_array();
  j.key("augment").begin_array();
  for (const OpRecord& r : sample.augment) {
    j.begin_object();
    j.key("op").value(r.op);
    for (const auto& [name, value] : r.values) record_value(j.key(name), value);
    j.end_object();
  }
  j.end_array();
  j.end_object();
}

std::string manifest_line(const Sample& sample, const std::string& file, const std::string& split) {
  std::string line;
  append_manifest_line(line, sample, file, split);
  return line;
}

// labels.csv's columns after `class`: every field a class writes after its
// class, by name, in registry order (today: kind).
// (Not cached: tests add rows to the registry.)
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

namespace {

// Appends a row's cells; reals as format_real writes them (the shortest text
// that reads back to the same double).
class CsvRow {
 public:
  explicit CsvRow(std::string& out) : out_(out) {}
  CsvRow& text(std::string_view s) {
    out_ += s;
    return *this;
  }
  CsvRow& real(double x) {
    char buffer[32];
    out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, x).ptr);
    return *this;
  }
  CsvRow& label(double x) { return real(round_label(x)); }
  CsvRow& integer(std::uint64_t x) {
    char buffer[24];
    out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, x).ptr);
    return *this;
  }
  CsvRow& comma() {
    out_ += ',';
    return *this;
  }

 private:
  std::string& out_;
};

// The object's field named `name`, as CSV text; empty when its class has none.
void field_text(CsvRow& row, const Object& o, const std::string& name) {
  const std::vector<ShapeField>& fields = shape_decl(o.shape).fields;
  for (std::size_t i = 0; i < fields.size() && i < o.fields.size(); ++i) {
    if (fields[i].name != name) continue;
    if (const auto* word = std::get_if<std::string>(&o.fields[i])) {
      row.text(*word);
      return;
    }
    bool first = true;
    for (double x : std::get<std::vector<double>>(o.fields[i])) {
      if (!first) row.text(" ");
      row.label(x);
      first = false;
    }
    return;
  }
}

}  // namespace

void append_csv_rows(std::string& out, const Sample& sample, const std::string& file,
                     const std::string& split, bool shape_column) {
  const std::vector<std::string> columns = class_field_columns();
  const std::size_t vertex_columns = max_vertex_count();
  CsvRow row(out);
  for (std::size_t i = 0; i < sample.objects.size(); ++i) {
    const ObjectLabel& l = sample.objects[i];
    const Object& o = l.object;
    row.text(file).comma().integer(sample.index).comma().text(split).comma().integer(i).comma();
    row.text(class_name(label_class(o)));
    if (shape_column) row.comma().text(class_name(o.shape));
    for (const std::string& name : columns) field_text(row.comma(), o, name);
    for (const Box& b : {l.bbox, l.bbox_full}) {
      row.comma().label(b.x0).comma().label(b.y0).comma().label(b.x1).comma().label(b.y1);
    }
    row.comma().real(round_value(l.visible_fraction));
    row.comma().label(o.center.x).comma().label(o.center.y).comma().label(o.size);
    row.comma().label(o.rotation).comma().label(o.style.stroke_width);
    row.comma().text(fill_name(o.style.fill));
    for (int c : {o.style.stroke.r, o.style.stroke.g, o.style.stroke.b})
      row.comma().integer(std::uint64_t(c));
    const Rgb fill = o.style.fill_rgb();
    for (int c : {fill.r, fill.g, fill.b}) {
      row.comma();
      if (o.style.has_fill()) row.integer(std::uint64_t(c));
    }
    for (std::size_t v = 0; v < vertex_columns; ++v) {
      if (v < l.vertices.size())
        row.comma()
            .label(l.vertices[v].point.x)
            .comma()
            .label(l.vertices[v].point.y)
            .comma()
            .text(l.vertices[v].visible ? "1" : "0");
      else
        row.text(",,,");
    }
    row.text("\n");
  }
}

std::string csv_rows(const Sample& sample, const std::string& file, const std::string& split,
                     bool shape_column) {
  std::string out;
  append_csv_rows(out, sample, file, split, shape_column);
  return out;
}

}  // namespace shapegen
