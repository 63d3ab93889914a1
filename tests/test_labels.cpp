#define BOOST_TEST_MODULE labels
// Labels against what Cairo actually drew: each object's own coverage mask.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <map>

#include "render/raster.hpp"
#include "scene/sampler.hpp"
#include "shapegen/generator.hpp"
#include "test_support.hpp"

using namespace shapegen;
using test::mask_extents;

namespace {

Generator generator_for(const Assignments& overrides) {
  return Generator(test::preset_config("basic", overrides));
}

double coverage(const Image& mask) {
  double sum = 0;
  for (auto v : mask.pixels) sum += v;
  return sum / 255.0;
}

// Largest coverage within `reach` pixels of the pixel holding p.

}  // namespace

BOOST_AUTO_TEST_CASE(bbox_and_vertices_match_the_drawn_mask_for_every_class_and_fill) {
  for (const char* cls : {"triangle", "circle", "square"})
    for (const char* fill : {"outline", "filled", "both"})
      for (const char* aa : {"true", "false"}) {
        const Generator gen = generator_for({{"shape.classes", std::string(cls) + ":1"},
                                             {"style.fill", std::string(fill) + ":1"},
                                             {"style.stroke_width", "1..4"},
                                             {"shape.size", "0.2..0.9"},
                                             {"image.antialias", aa}});
        for (std::uint64_t i = 0; i < 40; ++i) {
          const Sample s = gen.make(i, 1);
          const ObjectLabel& l = s.objects.at(0);
          BOOST_TEST_CONTEXT(cls << " " << fill << " aa=" << aa << " sample " << i) {
            const Image mask =
                render_coverage(s.scene, l.object, 0, 0, s.scene.width, s.scene.height);
            const Box ink = mask_extents(mask);
            BOOST_TEST(std::abs(l.bbox.x0 - ink.x0) <= 1.0);
            BOOST_TEST(std::abs(l.bbox.y0 - ink.y0) <= 1.0);
            BOOST_TEST(std::abs(l.bbox.x1 - ink.x1) <= 1.0);
            BOOST_TEST(std::abs(l.bbox.y1 - ink.y1) <= 1.0);
            if (s.scene.antialias) {
              BOOST_TEST((l.bbox == l.bbox_full));  // keep_inside: all ink in frame
            } else {
              BOOST_TEST((intersect(l.bbox, l.bbox_full) == l.bbox));  // tightened, never grown
            }
            BOOST_TEST(l.visible_fraction == 1.0);
            if (l.object.shape == test::shape_class("circle")) {
              // The circle's one keypoint is its centre: the centre of the mask.
              BOOST_TEST(std::abs((ink.x0 + ink.x1) / 2 - l.vertices[0].point.x) <= 1.0);
              BOOST_TEST(std::abs((ink.y0 + ink.y1) / 2 - l.vertices[0].point.y) <= 1.0);
            } else {
              // Aliased sharp tips (25 degrees and up) lose up to 3 px of ink nearest the vertex.
              const int reach = s.scene.antialias ? 1 : 3;
              for (const VertexLabel& v : l.vertices)
                BOOST_TEST(test::coverage_near(mask, v.point, reach) > 0);
            }
          }
        }
      }
}

BOOST_AUTO_TEST_CASE(filled_area_matches_polygon_area) {
  const Generator gen = generator_for({{"style.fill", "filled:1"}, {"shape.size", "0.3..1"}});
  for (std::uint64_t i = 0; i < 60; ++i) {
    const Sample s = gen.make(i, 1);
    const ObjectLabel& l = s.objects.at(0);
    const Image mask = render_coverage(s.scene, l.object, 0, 0, s.scene.width, s.scene.height);
    const double area = polygon_area(l.object.outline);
    BOOST_TEST(std::abs(coverage(mask) - area) <= 0.01 * area + 1, "sample " << i);
  }
}

BOOST_AUTO_TEST_CASE(shapes_leaving_the_frame_get_visible_fraction_and_clipped_bbox) {
  const Generator gen = generator_for({{"style.fill", "filled:1"},
                                       {"shape.keep_inside", "false"},
                                       {"shape.size", "0.4..1"},
                                       {"shape.center_x", "0..1"},
                                       {"shape.center_y", "0..1"}});
  int partial = 0;
  for (std::uint64_t i = 0; i < 150; ++i) {
    const Sample s = gen.make(i, 1);
    const ObjectLabel& l = s.objects.at(0);
    const auto inside =
        clip_polygon(l.object.outline, Box{0, 0, double(s.scene.width), double(s.scene.height)});
    const double expected =
        inside.size() >= 3 ? polygon_area(inside) / polygon_area(l.object.outline) : 0;
    BOOST_TEST_CONTEXT("sample " << i) {
      BOOST_TEST(std::abs(l.visible_fraction - expected) <= 0.02);
      if (expected > 0.01) {
        const Box clipped = extents(inside);
        BOOST_TEST(std::abs(l.bbox.x0 - clipped.x0) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.y0 - clipped.y0) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.x1 - clipped.x1) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.y1 - clipped.y1) <= 1.0);
      }
      for (const VertexLabel& v : l.vertices) {
        const bool in = v.point.x >= 0 && v.point.y >= 0 && v.point.x < s.scene.width &&
                        v.point.y < s.scene.height;
        BOOST_TEST(v.in_frame == in);
      }
    }
    partial += expected < 0.999;
  }
  BOOST_TEST(partial > 30);  // the case under test really happened
}

BOOST_AUTO_TEST_CASE(sampled_parameters_follow_the_preset) {
  const Sampler sampler(test::preset_config("basic", {{"style.stroke_width", "1..3"}}));
  std::map<std::string, int> classes, kinds;
  const int n = 3000;
  for (std::uint64_t i = 0; i < n; ++i) {
    const Scene scene = sampler.draw(i);
    const Object& o = scene.objects.at(0);
    ++classes[class_name(o.shape)];
    const FieldValue* kind = test::object_field(o, "kind");
    if (kind) ++kinds[std::get<std::string>(*kind)];
    BOOST_REQUIRE(o.size >= 0.5 * 64 - 1e-9);
    BOOST_REQUIRE(o.size <= 0.9 * 64 + 1e-9);
    BOOST_REQUIRE(o.style.stroke_width >= 1.0);
    BOOST_REQUIRE(o.style.stroke_width <= 3.0);
    const Box ink = ink_box(o);
    BOOST_REQUIRE(ink.x0 >= 0);
    BOOST_REQUIRE(ink.x1 <= 64);
    if (o.shape == test::shape_class("triangle")) {
      BOOST_REQUIRE(kind);
      const auto& angles = std::get<std::vector<double>>(*test::object_field(o, "angles"));
      BOOST_REQUIRE(angles.size() == 3u);
      BOOST_REQUIRE(std::abs(angles[0] + angles[1] + angles[2] - 180) < 1e-9);
      if (std::get<std::string>(*kind) == "scalene")
        for (double a : angles) BOOST_REQUIRE(a >= 25 - 1e-9);
      if (std::get<std::string>(*kind) == "right") BOOST_REQUIRE(angles[0] == 90.0);
    }
  }
  for (const auto& [name, count] : classes)
    BOOST_TEST(std::abs(count / double(n) - 1.0 / 3) < 0.03, name);
  BOOST_TEST(classes.size() == 3u);
  BOOST_TEST(kinds.size() == 4u);
  for (const auto& [name, count] : kinds)
    BOOST_TEST(std::abs(count / double(classes["triangle"]) - 0.25) < 0.04, name);
}

BOOST_AUTO_TEST_CASE(min_contrast_holds_in_the_color_preset) {
  const Sampler sampler(test::preset_config("color"));
  for (std::uint64_t i = 0; i < 300; ++i) {
    const Scene scene = sampler.draw(i);
    BOOST_TEST(std::abs(scene.objects[0].style.stroke.luma() - scene.background.luma()) >=
               80.0 - 1e-9);
  }
}

BOOST_AUTO_TEST_CASE(samples_are_pure_functions_of_config_and_index) {
  const Generator a = generator_for({}), b = generator_for({{"dataset.count", "5"}});
  for (std::uint64_t i : {0, 3, 999}) {
    const Sample x = a.make(i, 1), y = b.make(i, 1);
    BOOST_TEST((x.image == y.image));
    BOOST_TEST(x.seed == y.seed);
  }
  BOOST_TEST(!(a.make(0, 1).image == a.make(1, 1).image));
}

// The masks layout makes the generator keep coverage masks; the labels must
// not depend on whether it is on.
BOOST_AUTO_TEST_CASE(labels_do_not_depend_on_keeping_masks) {
  for (const char* preset : {"basic", "augmented", "detection", "sketch"}) {
    const Config config = test::preset_config(preset, {});
    const Generator plain(config), with_masks(config, true);
    for (std::uint64_t i = 0; i < 40; ++i) {
      const Sample a = plain.make_row(i), b = with_masks.make_row(i);
      BOOST_TEST_REQUIRE(a.objects.size() == b.objects.size());
      for (std::size_t k = 0; k < a.objects.size(); ++k) {
        const ObjectLabel &x = a.objects[k], &y = b.objects[k];
        BOOST_TEST((x.bbox == y.bbox), preset << " row " << i << " object " << k);
        BOOST_TEST((x.bbox_full == y.bbox_full));
        BOOST_TEST(x.visible_fraction == y.visible_fraction);
        for (std::size_t v = 0; v < x.vertices.size(); ++v)
          BOOST_TEST(x.vertices[v].visible == y.vertices[v].visible);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(multi_object_scenes_respect_placement_and_occlusion) {
  const Generator gen(
      test::preset_config("detection", {{"gaussian_noise.p", "0"}, {"affine.p", "0"}}));
  int hidden_somewhat = 0, counts[6] = {0, 0, 0, 0, 0, 0};
  for (std::uint64_t i = 0; i < 60; ++i) {
    const Sample s = gen.make(i, 1);
    const auto& objects = s.objects;
    BOOST_REQUIRE(objects.size() >= 1u);
    BOOST_REQUIRE(objects.size() <= 5u);
    ++counts[objects.size()];
    for (std::size_t j = 0; j < objects.size(); ++j) {
      BOOST_TEST_CONTEXT("sample " << i << " object " << j) {
        for (std::size_t k = j + 1; k < objects.size(); ++k)
          BOOST_TEST(iou(objects[j].bbox_full, objects[k].bbox_full) <= 0.3 + 1e-12);
        BOOST_TEST(objects[j].visible_fraction >= 0.5 - 0.01);
        // Independent of the label arithmetic: Cairo composites the object in
        // white under the objects above it painted black.
        Scene alone = s.scene, under = s.scene;
        alone.background = under.background = Rgb{0, 0, 0};
        alone.objects = {s.scene.objects[j]};
        under.objects.assign(s.scene.objects.begin() + j, s.scene.objects.end());
        for (Object* o : {&alone.objects[0], &under.objects[0]})
          o->style.stroke = o->style.fill_color = Rgb{255, 255, 255};
        for (std::size_t k = 1; k < under.objects.size(); ++k)
          under.objects[k].style.stroke = under.objects[k].style.fill_color = Rgb{0, 0, 0};
        const Image a = render_scene(alone), u = render_scene(under);
        double sum_a = 0, sum_u = 0;
        for (std::size_t p = 0; p < a.pixels.size(); ++p)
          sum_a += a.pixels[p], sum_u += u.pixels[p];
        BOOST_TEST(std::abs(objects[j].visible_fraction - sum_u / sum_a) <= 0.02);
        hidden_somewhat += objects[j].visible_fraction < 0.98;
        for (const VertexLabel& v : objects[j].vertices) {
          if (!v.in_frame || objects[j].object.shape == test::shape_class("circle")) continue;
          const int x = int(v.point.x), y = int(v.point.y);
          // A hidden vertex lost at least half of what it showed alone.
          if (!v.visible) BOOST_TEST(2 * u.at(x, y) <= a.at(x, y) + 2);
        }
      }
    }
  }
  BOOST_TEST(hidden_somewhat > 10);  // occlusion between objects really happened
  for (int n = 1; n <= 5; ++n) BOOST_TEST(counts[n] > 0, n << " objects");
}

BOOST_AUTO_TEST_CASE(new_classes_and_proportions_match_the_drawn_mask) {
  // Ovals, rectangles, parallelograms and trapezoids, as their own classes
  // and as circles and squares of varied proportions.
  const Assignments proportions = {
      {"shape.circle_aspect", "1..3"},     {"shape.square_aspect", "1..3"},
      {"shape.square_skew", "-30..30"},    {"shape.square_taper", "0..0.5"},
      {"shape.rectangle_skew", "-30..30"}, {"shape.rectangle_taper", "0..0.5"}};
  for (const char* cls : {"circle", "square", "ellipse", "rectangle"})
    for (const char* fill : {"outline", "filled"}) {
      Assignments o = proportions;
      o.insert(o.end(), {{"shape.classes", std::string(cls) + ":1"},
                         {"style.fill", std::string(fill) + ":1"},
                         {"style.stroke_width", "1..4"},
                         {"shape.size", "0.2..0.9"}});
      const Generator gen = generator_for(o);
      for (std::uint64_t i = 0; i < 40; ++i) {
        const Sample s = gen.make(i, 1);
        const ObjectLabel& l = s.objects.at(0);
        BOOST_TEST_CONTEXT(cls << " " << fill << " sample " << i) {
          BOOST_TEST(class_name(l.object.shape) == std::string(cls));
          const Image mask =
              render_coverage(s.scene, l.object, 0, 0, s.scene.width, s.scene.height);
          const Box ink = mask_extents(mask);
          BOOST_TEST(std::abs(l.bbox.x0 - ink.x0) <= 1.0);
          BOOST_TEST(std::abs(l.bbox.y0 - ink.y0) <= 1.0);
          BOOST_TEST(std::abs(l.bbox.x1 - ink.x1) <= 1.0);
          BOOST_TEST(std::abs(l.bbox.y1 - ink.y1) <= 1.0);
          BOOST_TEST(l.visible_fraction == 1.0);
          if (l.vertices.size() == 1) {
            BOOST_TEST(std::abs((ink.x0 + ink.x1) / 2 - l.vertices[0].point.x) <= 1.0);
            BOOST_TEST(std::abs((ink.y0 + ink.y1) / 2 - l.vertices[0].point.y) <= 1.0);
          } else {
            for (const VertexLabel& v : l.vertices)
              BOOST_TEST(test::coverage_near(mask, v.point, 1) > 0);
            // Corners clockwise on screen, as the square's.
            BOOST_TEST(polygon_area_signed(l.object.outline) > 0);
          }
          if (std::string(fill) == "filled") {
            const double area = polygon_area(l.object.outline);
            BOOST_TEST(std::abs(coverage(mask) - area) <= 0.01 * area + 1);
          }
          // The size is the shape's longest reach across: no point lies
          // farther than size / 2 from the centre.
          for (const Point& p : l.object.outline)
            BOOST_TEST(std::hypot(p.x - l.object.center.x, p.y - l.object.center.y) <=
                       l.object.size / 2 + 1e-9);
          // What was drawn is recorded: [aspect] or [aspect, skew, taper].
          const FieldValue* drawn =
              test::object_field(l.object, l.vertices.size() == 1 ? "aspect" : "proportions");
          BOOST_REQUIRE(drawn);
          const double aspect = std::get<std::vector<double>>(*drawn).at(0);
          BOOST_TEST((aspect >= 1 && aspect <= 3));
        }
      }
    }
}
