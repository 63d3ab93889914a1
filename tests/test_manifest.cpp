#define BOOST_TEST_MODULE manifest
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "augment/augment.hpp"
#include "dataset/json_writer.hpp"
#include "dataset/manifest.hpp"
#include "shapegen/generator.hpp"
#include "shapes/registry.hpp"
#include "test_support.hpp"

using namespace shapegen;
using json = nlohmann::ordered_json;

namespace {

// The manifest line as it was built before it was streamed: an ordered_json
// tree, dumped. The streamed line must be these bytes.
double round_value(double x) { return std::round(x * 1e6) / 1e6 + 0.0; }

json box_json(const Box& b) {
  return json::array({round_label(b.x0), round_label(b.y0), round_label(b.x1), round_label(b.y1)});
}

json color_json(Rgb c, bool rgb) {
  if (!rgb) return c.r;
  return json::array({c.r, c.g, c.b});
}

void add_fields(json& j, const Object& o, FieldPlace place) {
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

json object_json(const ObjectLabel& label, bool rgb) {
  const Object& o = label.object;
  json j;
  j["class"] = class_name(o.shape);
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

json record_value(const RecordValue& v) {
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

std::string tree_manifest_line(const Sample& sample, const std::string& file,
                               const std::string& split) {
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
  json augment = json::array();
  for (const OpRecord& r : sample.augment) {
    json op;
    op["op"] = r.op;
    for (const auto& [name, value] : r.values) op[name] = record_value(value);
    augment.push_back(op);
  }
  j["augment"] = augment;
  return j.dump();
}

// Every row of `config`'s first `n` rows, streamed and as a tree.
void check_rows(const Config& config, std::uint64_t n) {
  const Generator generator(config);
  for (std::uint64_t row = 0; row < std::min(n, generator.row_count()); ++row) {
    const Sample s = generator.make_row(row);
    const std::string file = "images/" + std::to_string(row) + ".png";
    const std::string split = row % 3 ? "train" : "v\"al";
    const std::string streamed = manifest_line(s, file, split),
                      tree = tree_manifest_line(s, file, split);
    BOOST_TEST(streamed == tree);
    if (streamed != tree) return;  // one report per config is enough
  }
}

std::string stream(const std::function<void(JsonWriter&)>& write) {
  std::string out;
  JsonWriter w(out);
  write(w);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(json_writer_writes_what_nlohmann_dumps) {
  const double reals[] = {0.0,
                          -0.0,
                          1.0,
                          -1.0,
                          0.5,
                          0.1,
                          1e-4,
                          1.5e-5,
                          123.4567,
                          -98.7654,
                          1e15,
                          1e16,
                          1e17,
                          1e21,
                          12345678901234567890.0,
                          5e-324,
                          1.7976931348623157e308,
                          std::numeric_limits<double>::quiet_NaN(),
                          std::numeric_limits<double>::infinity(),
                          -std::numeric_limits<double>::infinity(),
                          0.30000000000000004,
                          2.0 / 3};
  for (double x : reals) BOOST_TEST(stream([&](JsonWriter& w) { w.value(x); }) == json(x).dump());
  const std::string strings[] = {"",
                                 "plain",
                                 "quote \" and back\\slash",
                                 "a/b",
                                 "tab\there\nline\r\f\b",
                                 std::string("nul\0byte", 8),
                                 "\x01\x1f\x7f",
                                 "caf\xc3\xa9 \xe2\x88\x91 \xf0\x9f\x98\x80"};
  for (const std::string& s : strings) {
    BOOST_TEST(stream([&](JsonWriter& w) { w.value(s); }) == json(s).dump());
    BOOST_TEST(stream([&](JsonWriter& w) { w.begin_object().key(s).value(1).end_object(); }) ==
               json({{s, 1}}).dump());
  }
  const std::uint64_t seed = 0xfedcba9876543210ULL;
  const std::int64_t low = std::numeric_limits<std::int64_t>::min();
  BOOST_TEST(stream([&](JsonWriter& w) { w.value(seed); }) == json(seed).dump());
  BOOST_TEST(stream([&](JsonWriter& w) { w.value(low); }) == json(low).dump());
  BOOST_TEST(stream([&](JsonWriter& w) { w.value(std::uint8_t(255)); }) ==
             json(std::uint8_t(255)).dump());
  BOOST_TEST(stream([&](JsonWriter& w) { w.value(-7); }) == json(-7).dump());
  // Integers stay integers ("3"), reals keep their point ("3.0").
  BOOST_TEST(stream([&](JsonWriter& w) { w.begin_array().value(3).value(3.0).end_array(); }) ==
             "[3,3.0]");
  json tree;
  tree["a"] = json::array();
  tree["b"] = nullptr;
  tree["c"] = {{"x", true}, {"y", false}};
  tree["d"] = json::array({json::array({1, 2}), json::object(), json::array()});
  BOOST_TEST(stream([](JsonWriter& w) {
               w.begin_object().key("a").begin_array().end_array().key("b").null();
               w.key("c").begin_object().key("x").value(true).key("y").value(false).end_object();
               w.key("d").begin_array().begin_array().value(1).value(2).end_array();
               w.begin_object().end_object().begin_array().end_array().end_array().end_object();
             }) == tree.dump());
}

BOOST_AUTO_TEST_CASE(streamed_manifest_lines_are_the_tree_dumps_bytes) {
  // Every preset, with variants (base index, variant), many objects, RGB,
  // and every op at p = 1 (every record value kind).
  for (const char* preset : {"basic", "mnist28", "color", "detection", "augmented", "sketch",
                             "geometric", "photometric"})
    check_rows(test::preset_config(preset), 200);
  check_rows(test::preset_config("augmented", {{"dataset.variants", "3"}}), 120);
  for (const OpDecl& op : op_table())
    check_rows(test::preset_config("color", {{op.name + ".p", "1"}}), 20);
}

BOOST_AUTO_TEST_CASE(class_fields_and_op_values_do_not_repeat_a_key) {
  // A tree keeps one value per key; a stream would write both.
  const std::vector<std::string> object_keys = {
      "class", "bbox",     "bbox_full",    "vertices", "polygon",      "visible_fraction", "center",
      "size",  "rotation", "stroke_width", "fill",     "stroke_color", "fill_color"};
  for (ShapeClass c : shape_classes()) {
    std::vector<std::string> seen = object_keys;
    for (const ShapeField& f : shape_decl(c).fields) {
      BOOST_TEST(!std::count(seen.begin(), seen.end(), f.name), f.name);
      seen.push_back(f.name);
    }
  }
  for (const OpDecl& op : op_table()) {
    const Generator generator(test::preset_config("color", {{op.name + ".p", "1"}}));
    for (const OpRecord& r : generator.make(0, 1).augment) {
      std::vector<std::string> seen = {"op"};
      for (const auto& [name, value] : r.values) {
        BOOST_TEST(!std::count(seen.begin(), seen.end(), name), r.op + "." + name);
        seen.push_back(name);
      }
    }
  }
}
