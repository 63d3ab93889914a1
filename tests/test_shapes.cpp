#define BOOST_TEST_MODULE shapes
// The shape registry: every row is whole and agrees with what its class
// draws, the triangle's keys keep their place in [shape], and a class added
// as one row reaches the sampler, the manifest, labels.csv, COCO, the
// preview and sketch without any of them naming it.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <numbers>
#include <set>
#include <string>

#include "augment/augment.hpp"
#include "dataset/layouts/layout.hpp"
#include "dataset/manifest.hpp"
#include "render/raster.hpp"
#include "sample/labels.hpp"
#include "scene/sampler.hpp"
#include "shapegen/error.hpp"
#include "shapegen/preview.hpp"
#include "shapes/proportions.hpp"
#include "shapes/registry.hpp"
#include "test_support.hpp"

using namespace shapegen;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t count_of(const std::string& text, char c) {
  return std::size_t(std::count(text.begin(), text.end(), c));
}

// A regular pentagon, V0 up, with a word field (as labels.csv's kind) and a
// number field: a class that exists only in this test.
ShapeDecl pentagon_row() {
  return {
      .name = "pentagon",
      .vertex_names = {"v0", "v1", "v2", "v3", "v4"},
      .skeleton = ring_skeleton(5),
      .overlay = {1, 0, 1},
      .corners_are_vertices = true,
      .fields = {{"kind", FieldPlace::after_class}, {"side", FieldPlace::after_rotation}},
      .kind_keys = {},
      .keys = {},
      .rules = {},
      .bind = [](const Config&) -> ShapeMaker {
        return [](Rng&, double r) {
          std::vector<Point> corners;
          for (int i = 0; i < 5; ++i) corners.push_back(rotate({0, -r}, 72.0 * i));
          const double side = 2 * r * std::sin(std::numbers::pi / 5);
          return ShapeGeometry{
              corners, corners, {std::string("regular"), std::vector<double>{side}}};
        };
      },
  };
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_row_is_whole_and_matches_what_its_class_draws) {
  const Config config = Config::defaults();
  std::set<std::string> names;
  for (ShapeClass c : shape_classes()) {
    const ShapeDecl& d = shape_decl(c);
    BOOST_TEST_CONTEXT(d.name) {
      BOOST_TEST(names.insert(d.name).second);
      BOOST_TEST(!d.vertex_names.empty());
      const int n = int(d.vertex_names.size());
      for (const auto& [a, b] : d.skeleton) BOOST_TEST((a >= 0 && a < n && b >= 0 && b < n));
      for (const ShapeField& f : d.fields) BOOST_TEST(std::string(f.name).size() > 0);
      Rng rng(7);
      const ShapeGeometry g = d.bind(config)(rng, 10);
      BOOST_TEST(g.vertices.size() == d.vertex_names.size());
      BOOST_TEST(g.fields.size() <= d.fields.size());  // trailing fields may be left out
      BOOST_TEST(g.outline.size() >= 3u);
      if (d.corners_are_vertices) BOOST_TEST((g.outline == g.vertices));
      // Words after the class (they fill labels.csv's columns).
      for (std::size_t i = 0; i < d.fields.size(); ++i)
        if (d.fields[i].place == FieldPlace::after_class)
          BOOST_TEST(std::holds_alternative<std::string>(g.fields[i]));
    }
  }
  BOOST_TEST(
      (names == std::set<std::string>{"triangle", "circle", "square", "ellipse", "rectangle"}));
  BOOST_TEST(max_vertex_count() == 4u);
}

BOOST_AUTO_TEST_CASE(class_ids_are_rows_and_weights_take_the_registry_names) {
  const std::vector<ShapeClass> classes = shape_classes();
  for (std::size_t i = 0; i < classes.size(); ++i) BOOST_TEST(classes[i].id == int(i));
  BOOST_TEST(std::string(class_name(ShapeClass{0})) == "triangle");
  BOOST_TEST((find_option("shape.classes")->names == names_of<ShapeClass>()));
  // Classes added after the first three are not drawn unless a preset asks.
  BOOST_TEST(find_option("shape.classes")->default_text ==
             "triangle:1, circle:1, square:1, ellipse:0, rectangle:0");
}

// dataset.ini and describe list keys in catalog order, and COCO files carry
// dataset.ini: the keys of [shape] keep their places, new ones at its end.
BOOST_AUTO_TEST_CASE(triangle_keys_keep_their_place_in_the_shape_section) {
  std::vector<std::string> keys;
  for (const OptionDecl& d : option_table())
    if (d.key.rfind("shape.", 0) == 0) keys.push_back(d.key);
  const std::vector<std::string> expected = {
      "shape.classes", "shape.triangle_kinds", "shape.size", "shape.rotation", "shape.center_x",
      "shape.center_y", "shape.keep_inside", "shape.isosceles_apex", "shape.right_acute",
      "shape.scalene_min_angle", "shape.scalene_min_difference",
      // Keys added later go at the end.
      "shape.circle_aspect", "shape.circle_vertical", "shape.square_aspect", "shape.square_skew",
      "shape.square_taper", "shape.square_vertical", "shape.ellipse_aspect",
      "shape.ellipse_vertical", "shape.rectangle_aspect", "shape.rectangle_skew",
      "shape.rectangle_taper", "shape.rectangle_vertical", "shape.labels", "shape.vertex_order"};
  BOOST_TEST(keys == expected, boost::test_tools::per_element());
  // And [shape] ends with them: style follows.
  const std::vector<OptionDecl>& all = option_table();
  const auto at = [&](const std::string& key) {
    return std::find_if(all.begin(), all.end(), [&](const OptionDecl& d) { return d.key == key; }) -
           all.begin();
  };
  BOOST_TEST(at("shape.vertex_order") + 1 == at("style.stroke_width"));
}

BOOST_AUTO_TEST_CASE(triangle_rules_and_kind_names_are_its_own) {
  BOOST_TEST((find_option("shape.triangle_kinds")->names ==
              std::vector<std::string>{"equilateral", "isosceles", "right", "scalene"}));
  Config config = Config::defaults();
  config.set("shape.scalene_min_angle", "40", "test");
  config.set("shape.scalene_min_difference", "25", "test");
  BOOST_CHECK_EXCEPTION(preset_catalog().check(config), ConfigError, [](const ConfigError& e) {
    return contains(e.what(), "allow no scalene triangle");
  });
}

BOOST_AUTO_TEST_CASE(a_class_added_as_one_row_reaches_every_consumer) {
  const ScopedShapeRow row(pentagon_row());
  const ShapeClass pentagon = row.shape_class();
  BOOST_TEST(pentagon.id == 5);
  BOOST_TEST(std::string(class_name(pentagon)) == "pentagon");
  BOOST_TEST(value_named<ShapeClass>("pentagon").has_value());

  // The sampler draws it with its own maker (bound per row).
  SceneSpec spec = bind_scene_spec(Config::defaults());
  BOOST_REQUIRE(spec.makers.size() == 6u);
  spec.shape.classes = {{pentagon}, {1}};
  const Sampler sampler(spec);
  const Scene scene = sampler.draw(0);
  BOOST_REQUIRE(scene.objects.size() == 1u);
  const Object& o = scene.objects[0];
  BOOST_TEST((o.shape == pentagon));
  BOOST_TEST(o.vertices.size() == 5u);

  Sample sample;
  sample.scene = scene;
  sample.image = render_scene(scene);
  label_scene(sample, {}, false);
  BOOST_REQUIRE(sample.objects.size() == 1u);

  // Manifest: its class, its word after the class, its number after rotation.
  const std::string line = manifest_line(sample, "images/000000.png", "train");
  BOOST_TEST(contains(line, R"({"class":"pentagon","kind":"regular","bbox":)"));
  BOOST_TEST(contains(line, R"(,"side":[)"));
  BOOST_TEST(line.find(R"("rotation":)") < line.find(R"("side":)"));
  BOOST_TEST(count_of(line.substr(line.find(R"("vertices":)")), '{') >= 5u);

  // labels.csv: five vertex columns for every row now, and the kind column filled.
  const std::string header = csv_header(), rows = csv_rows(sample, "images/000000.png", "train");
  BOOST_TEST(contains(header, ",class,kind,bbox_x0,"));
  BOOST_TEST(contains(header, ",v4_x,v4_y,v4_visible\n"));
  BOOST_TEST(count_of(rows, ',') == count_of(header, ','));
  BOOST_TEST(contains(rows, ",pentagon,regular,"));

  // COCO: a sixth category, its keypoints and its ring skeleton (1-based).
  const std::string categories = layouts::coco_categories();
  BOOST_TEST(contains(categories, R"({"id":6,"name":"pentagon","supercategory":"shape",)"
                                  R"("keypoints":["v0","v1","v2","v3","v4"],)"
                                  R"("skeleton":[[1,2],[2,3],[3,4],[4,5],[5,1]]})"));
  BOOST_TEST(layouts::class_index(pentagon) == 5);

  // Preview: its box is drawn in its colour, magenta: over gray, red = blue
  // well above green.
  const Image sheet = contact_sheet({sample}, PreviewOptions{1, 2, true});
  int magenta = 0;
  for (std::size_t i = 0; i + 2 < sheet.pixels.size(); i += 3)
    magenta +=
        sheet.pixels[i] == sheet.pixels[i + 2] && sheet.pixels[i] >= sheet.pixels[i + 1] + 100;
  BOOST_TEST(magenta > 50);

  // Sketch: its corners are its vertices, so each edge overshoots them.
  Config config = Config::defaults();
  for (const auto& [key, value] :
       {std::pair{"sketch.overshoot", "3"}, {"sketch.gap", "0"}, {"sketch.width_jitter", "0"}})
    config.set(key, value, "test");
  const auto sketch = std::find_if(op_table().begin(), op_table().end(),
                                   [](const OpDecl& op) { return op.name == "sketch"; });
  BOOST_REQUIRE(sketch != op_table().end());
  Scene sketched = scene;
  sketched.objects[0].style.stroke_width = 2;
  sketched.objects[0].style.fill = FillMode::outline;
  Rng rng(1);
  OpRecord record;
  sketch->make(config)->apply(sketched, rng, record);
  BOOST_TEST(sketched.objects[0].strokes.size() == 5u);
  for (const StrokePath& edge : sketched.objects[0].strokes) BOOST_TEST(!edge.closed);
}

BOOST_AUTO_TEST_CASE(the_registry_is_back_to_its_rows_after_a_test_row) {
  BOOST_TEST(shape_classes().size() == 5u);
  BOOST_TEST(max_vertex_count() == 4u);
}

BOOST_AUTO_TEST_CASE(plain_proportions_draw_todays_circles_and_squares) {
  // The keys' defaults reproduce the plain shapes exactly, record nothing and
  // draw nothing from the stream (so the centre drawn after is the same).
  const Config config = Config::defaults();
  for (const char* name : {"circle", "square"}) {
    const ShapeDecl& d = shape_decl(test::shape_class(name));
    Rng a(5), b(5);
    const ShapeGeometry g = d.bind(config)(a, 10);
    BOOST_TEST(g.fields.empty());
    BOOST_TEST(a.next_u64() == b.next_u64());
    if (std::string(name) == "circle")
      BOOST_TEST((g.outline == circle_outline(10, 0)));
    else
      BOOST_TEST((g.outline == square_vertices(10)));
  }
}

BOOST_AUTO_TEST_CASE(quadrilaterals_and_ellipses_have_the_proportions_asked) {
  // A 2:1 rectangle inscribed in radius 10: corners on the circle, sides 2:1.
  const std::vector<Point> r = quad_vertices(10, 2, 0, 0);
  for (const Point& p : r)
    BOOST_TEST(std::hypot(p.x, p.y) == 10.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST((r[1].x - r[0].x) / (r[2].y - r[1].y) == 2.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(polygon_area_signed(r) > 0);  // clockwise on screen
  // Skew: the short sides lean by the angle; taper: the top side shorter.
  const std::vector<Point> s = quad_vertices(10, 1, 20, 0);
  BOOST_TEST(std::atan2(s[0].x - s[3].x, s[3].y - s[0].y) * 180 / std::numbers::pi == 20.0,
             boost::test_tools::tolerance(1e-9));
  const std::vector<Point> t = quad_vertices(10, 1.5, 0, 0.4);
  BOOST_TEST((t[1].x - t[0].x) / (t[2].x - t[3].x) == 0.6, boost::test_tools::tolerance(1e-12));
  // An ellipse of aspect 3 within 0.01 px of the true one.
  const std::vector<Point> e = ellipse_outline(12, 4);
  for (const Point& p : e)
    BOOST_TEST(p.x * p.x / 144 + p.y * p.y / 16 == 1.0, boost::test_tools::tolerance(1e-9));
  const Box box = extents(e);
  BOOST_TEST(box.width() == 24.0, boost::test_tools::tolerance(1e-3));
  BOOST_TEST(box.height() == 8.0, boost::test_tools::tolerance(1e-2));
}

BOOST_AUTO_TEST_CASE(new_classes_are_not_drawn_unless_asked) {
  const Sampler sampler(Config::defaults());
  for (std::uint64_t i = 0; i < 300; ++i) {
    const ShapeClass c = sampler.draw(i).objects.at(0).shape;
    BOOST_TEST(c.id < 3, "sample " << i << " drew " << class_name(c));
  }
}

BOOST_AUTO_TEST_CASE(labels_map_drawn_classes_to_label_classes) {
  const std::vector<ShapeClass> label_of = parse_label_map(" ellipse:circle ,rectangle: square");
  BOOST_TEST(class_name(label_of[std::size_t(test::shape_class("ellipse").id)]) ==
             std::string("circle"));
  BOOST_TEST(class_name(label_of[std::size_t(test::shape_class("rectangle").id)]) ==
             std::string("square"));
  BOOST_TEST(class_name(label_of[std::size_t(test::shape_class("triangle").id)]) ==
             std::string("triangle"));
  BOOST_TEST(parse_label_map("").size() == shape_classes().size());
  // Each mistake names the key, the value, what is wrong and what is allowed.
  auto error = [](const std::string& text) {
    try {
      parse_label_map(text);
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  const std::string allowed =
      "allowed: comma-separated pairs drawn:label of classes {triangle, "
      "circle, square, ellipse, rectangle}";
  BOOST_TEST(contains(
      error("oval:circle"),
      "key 'shape.labels': value 'oval:circle' is invalid (unknown class 'oval'); " + allowed));
  BOOST_TEST(contains(error("ellipse:square"),
                      "('ellipse' has vertices {center} but 'square' has {v0, v1, v2, v3})"));
  BOOST_TEST(contains(error("ellipse:circle, circle:ellipse"),
                      "'circle' is labeled 'ellipse', which is itself labeled 'circle'"));
  BOOST_TEST(contains(error("ellipse:circle, ellipse:circle"), "'ellipse' is mapped twice"));
  BOOST_TEST(contains(error("ellipse"), "'ellipse' is not drawn:label"));
  // At load time, from a preset.
  Config config = Config::defaults();
  config.set("shape.labels", "rectangle:triangle", "test");
  BOOST_CHECK_EXCEPTION(preset_catalog().check(config), ConfigError, [](const ConfigError& e) {
    return contains(e.what(), "key 'shape.labels': value 'rectangle:triangle' is invalid");
  });
  // The sampler labels drawn ellipses as circles; label files list the
  // registry's rows up to the last label in use.
  SceneSpec spec = bind_scene_spec(Config::defaults());
  spec.shape.classes.values = {test::shape_class("ellipse"), test::shape_class("triangle")};
  spec.shape.classes.weights = {1, 1};
  spec.shape.label_of = parse_label_map("ellipse:circle");
  const Sampler sampler(spec);
  int ellipses = 0;
  for (std::uint64_t i = 0; i < 40; ++i) {
    const Scene scene = sampler.draw(i);
    const Object& o = scene.objects.at(0);
    if (o.shape != test::shape_class("ellipse")) {
      BOOST_TEST(!o.label.has_value());
      continue;
    }
    ++ellipses;
    BOOST_TEST(class_name(label_class(o)) == std::string("circle"));
    BOOST_TEST((sampler.first_class(i) == test::shape_class("circle")));
  }
  BOOST_TEST(ellipses > 5);
  BOOST_TEST(listed_classes(spec.shape).size() == 2u);  // triangle, circle
  spec.shape.label_of = parse_label_map("");
  BOOST_TEST(listed_classes(spec.shape).size() == 4u);  // up to ellipse
}

BOOST_AUTO_TEST_CASE(vertical_long_axes_keep_the_corner_order) {
  // A tall rectangle: turned a quarter, still clockwise from its top-left corner.
  QuadProportions p{{2, 2}, {0, 0}, {0, 0}, 1};
  Rng rng(3);
  std::vector<double> drawn;
  const std::vector<Point> q = draw_quad(p, rng, 10, drawn);
  BOOST_TEST(drawn == (std::vector<double>{2, 0, 0, 1}), boost::test_tools::per_element());
  const Box box = extents(q);
  BOOST_TEST(box.height() == 2 * box.width(), boost::test_tools::tolerance(1e-12));
  BOOST_TEST((q[0].x < 0 && q[0].y < 0));  // top-left
  BOOST_TEST((q[1].x > 0 && q[1].y < 0));  // top-right
  BOOST_TEST(polygon_area_signed(q) > 0);
  OvalProportions o{{3, 3}, 1};
  const Box e = extents(draw_oval(o, rng, 9, drawn));
  BOOST_TEST(e.height() == 3 * e.width(), boost::test_tools::tolerance(1e-2));
}
