#define BOOST_TEST_MODULE keypoints
// Keypoints for standard trainers: shape.vertex_order = clockwise_from_top
// (index 0 top-most, clockwise on screen, per-vertex fields along), the
// dataset-wide keypoint schema (K slots, one flip_idx that a horizontal flip
// proves right), COCO's keypoints, categories and OKS sigmas, YOLO pose, and
// the bad input each refuses in one line.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numbers>
#include <sstream>
#include <string>

#include "dataset/layouts/layout.hpp"
#include "dataset/manifest.hpp"
#include "sample/vertex_order.hpp"
#include "shapegen/error.hpp"
#include "shapegen/generator.hpp"
#include "shapegen/keypoints.hpp"
#include "shapes/registry.hpp"
#include "test_support.hpp"

using namespace shapegen;
using json = nlohmann::json;
using test::preset_config;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A class of no vertices (a blob): shape.classes takes its name only when the
// row exists before the catalog is built, so a global fixture adds it.
ShapeDecl blob_row() {
  return {
      .name = "blob",
      .vertex_names = {},
      .skeleton = {},
      .overlay = {0, 1, 1},
      .corners_are_vertices = false,
      .fields = {},
      .kind_keys = {},
      .keys = {},
      .rules = {},
      .bind = [](const Config&) -> ShapeMaker {
        return [](Rng&, double r) {
          std::vector<Point> outline;
          for (int i = 0; i < 12; ++i) outline.push_back(rotate({0, -r}, 30.0 * i));
          return ShapeGeometry{outline, {}, {}};
        };
      },
      .default_weight = 0,
  };
}

struct BlobClass {
  ScopedShapeRow row{blob_row()};
};

// Twice the signed area: > 0 is clockwise on screen (y down).
double signed_area2(const std::vector<Point>& p) {
  double sum = 0;
  for (std::size_t i = 0; i < p.size(); ++i)
    sum += p[i].x * p[(i + 1) % p.size()].y - p[(i + 1) % p.size()].x * p[i].y;
  return sum;
}

std::vector<Point> points_of(const ObjectLabel& l) {
  std::vector<Point> out;
  for (const VertexLabel& v : l.vertices) out.push_back(v.point);
  return out;
}

// Interior angle at p[i], degrees.
double interior_angle(const std::vector<Point>& p, std::size_t i) {
  const Point a = p[(i + p.size() - 1) % p.size()] - p[i], b = p[(i + 1) % p.size()] - p[i];
  return std::acos((a.x * b.x + a.y * b.y) / (length(a) * length(b))) * 180 / std::numbers::pi;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> words_of(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(BlobClass);

BOOST_AUTO_TEST_CASE(slots_mirror_under_one_flip_idx_wherever_they_can) {
  BOOST_TEST((vertex_slots(3, 4) == std::vector<std::size_t>{0, 1, 3}));
  BOOST_TEST((vertex_slots(1, 4) == std::vector<std::size_t>{0}));
  BOOST_TEST((vertex_slots(4, 4) == std::vector<std::size_t>{0, 1, 2, 3}));
  BOOST_TEST((vertex_slots(2, 4) == std::vector<std::size_t>{0, 2}));
  // A flip keeps vertex 0 and turns vertex j into n - j; flip_idx sends slot s
  // to K - s. Every n <= K is placed so, but an even n when K is odd.
  for (std::size_t k = 1; k <= 9; ++k)
    for (std::size_t n = 1; n <= k; ++n) {
      bool exact = true;
      const std::vector<std::size_t> at = vertex_slots(n, k, &exact);
      BOOST_TEST_CONTEXT("n = " << n << ", K = " << k) {
        BOOST_TEST(exact == (n % 2 == 1 || k % 2 == 0));
        std::vector<std::size_t> sorted = at;
        std::sort(sorted.begin(), sorted.end());
        BOOST_TEST((std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()));
        BOOST_TEST(sorted.back() < k);
        if (exact)
          for (std::size_t j = 0; j < n; ++j) BOOST_TEST(at[(n - j) % n] == (k - at[j]) % k);
      }
    }
}

BOOST_AUTO_TEST_CASE(the_basic_schema_has_four_slots) {
  const KeypointSchema schema = keypoint_schema(preset_config("basic"));
  BOOST_TEST(schema.slots == 4u);
  BOOST_TEST(!schema.clockwise);
  BOOST_TEST(!schema.flip_right());
  BOOST_TEST((schema.flip_idx() == std::vector<std::size_t>{0, 3, 2, 1}));
  const ShapeClass triangle = test::shape_class("triangle");
  BOOST_TEST((schema.slots_of(triangle) == std::vector<std::size_t>{0, 1, 3}));
  BOOST_TEST((schema.names(triangle) == std::vector<std::string>{"v0", "v1", "unused_2", "v2"}));
  BOOST_TEST(
      (schema.skeleton(triangle) == std::vector<std::array<int, 2>>{{0, 1}, {1, 3}, {3, 0}}));
  const KeypointSchema ordered =
      keypoint_schema(preset_config("basic", {{"shape.vertex_order", "clockwise_from_top"}}));
  BOOST_TEST(ordered.flip_right());
  // Triangles alone: three slots.
  BOOST_TEST(keypoint_schema(preset_config("basic", {{"shape.classes", "triangle:1"}})).slots ==
             3u);

  // COCO categories in that schema: K names each, skeletons 1-based in slots.
  const json categories = json::parse(layouts::coco_categories(schema.classes));
  BOOST_REQUIRE(categories.size() == 3u);
  BOOST_TEST(categories[0]["keypoints"].dump() == R"(["v0","v1","unused_2","v2"])");
  BOOST_TEST(categories[0]["skeleton"].dump() == "[[1,2],[2,4],[4,1]]");
  BOOST_TEST(categories[1]["keypoints"].dump() == R"(["center","unused_1","unused_2","unused_3"])");
  BOOST_TEST(categories[2]["skeleton"].dump() == "[[1,2],[2,3],[3,4],[4,1]]");
}

BOOST_AUTO_TEST_CASE(clockwise_from_top_starts_at_the_top_and_turns_clockwise) {
  // A square listed counter-clockwise on screen from its bottom-left corner.
  const std::vector<Point> ccw = {{0, 10}, {10, 10}, {10, 0}, {0, 0}};
  BOOST_TEST(signed_area2(ccw) < 0);
  // Top-left (the tie at y = 0 goes left), then top-right, bottom-right, bottom-left.
  BOOST_TEST((clockwise_from_top(ccw) == std::vector<std::size_t>{3, 2, 1, 0}));
  // A tie within the epsilon is still a tie.
  BOOST_TEST((clockwise_from_top({{10, 1e-9}, {10, 10}, {0, 10}, {0, 0}}) ==
              std::vector<std::size_t>{3, 0, 1, 2}));
  BOOST_TEST((clockwise_from_top({{5, 5}}) == std::vector<std::size_t>{0}));
}

BOOST_AUTO_TEST_CASE(rotated_squares_and_triangles_start_top_most_and_run_clockwise) {
  const Assignments base = {{"dataset.count", "60"},
                            {"shape.classes", "triangle:1, square:1"},
                            {"shape.rotation", "-360..360"}};
  Assignments ordered_keys = base;
  ordered_keys.push_back({"shape.vertex_order", "clockwise_from_top"});
  const Generator drawn(preset_config("basic", base));
  const Generator ordered(preset_config("basic", ordered_keys));
  int triangles = 0, squares = 0;
  for (std::uint64_t i = 0; i < 60; ++i) {
    const Sample a = drawn.make_row(i), b = ordered.make_row(i);
    BOOST_REQUIRE(a.objects.size() == b.objects.size());
    BOOST_TEST((a.image.pixels == b.image.pixels));  // only the labels' order moves
    for (std::size_t j = 0; j < b.objects.size(); ++j) {
      const ObjectLabel& l = b.objects[j];
      const std::vector<Point> p = points_of(l);
      BOOST_TEST_CONTEXT("row " << i << " object " << j) {
        BOOST_REQUIRE(p.size() >= 3u);
        for (const Point& q : p) {
          BOOST_TEST(p[0].y <= q.y + kTopTie);
          if (std::abs(q.y - p[0].y) <= kTopTie) BOOST_TEST(p[0].x <= q.x);
        }
        BOOST_TEST(signed_area2(p) > 0);
        // The same vertices, visibility with them; the scene's copy agrees.
        std::vector<Point> before = points_of(a.objects[j]), after = p;
        const auto less = [](Point u, Point v) { return u.x < v.x || (u.x == v.x && u.y < v.y); };
        std::sort(before.begin(), before.end(), less);
        std::sort(after.begin(), after.end(), less);
        BOOST_TEST((before == after));
        BOOST_TEST((b.scene.objects[j].vertices == p));
        BOOST_TEST((l.object.vertices == p));
        if (const FieldValue* angles = test::object_field(l.object, "angles")) {
          // A triangle's angles follow their vertices.
          ++triangles;
          const auto& a3 = std::get<std::vector<double>>(*angles);
          for (std::size_t k = 0; k < 3; ++k)
            BOOST_TEST(std::abs(a3[k] - interior_angle(p, k)) < 1e-6);
          BOOST_TEST((*test::object_field(b.scene.objects[j], "angles") == *angles));
        } else {
          ++squares;
        }
      }
    }
  }
  BOOST_TEST(triangles > 10);
  BOOST_TEST(squares > 10);
}

BOOST_AUTO_TEST_CASE(a_triangles_angles_stay_with_their_vertices_through_flips) {
  // Right triangles flipped by affine (nothing else distorts them): in either
  // order each angle is the interior angle at its vertex.
  for (const char* order : {"drawn", "clockwise_from_top"}) {
    const Generator g(preset_config("basic", {{"dataset.count", "20"},
                                              {"shape.classes", "triangle:1"},
                                              {"shape.triangle_kinds", "right:1"},
                                              {"shape.vertex_order", order},
                                              {"affine.p", "1"},
                                              {"affine.flip_h", "1"},
                                              {"affine.rotation", "0"},
                                              {"affine.scale", "1"}}));
    for (std::uint64_t i = 0; i < 20; ++i) {
      const Sample s = g.make_row(i);
      BOOST_REQUIRE(s.objects.size() == 1u);
      const std::vector<Point> p = points_of(s.objects[0]);
      const auto& angles =
          std::get<std::vector<double>>(*test::object_field(s.objects[0].object, "angles"));
      BOOST_TEST_CONTEXT(order << " row " << i) {
        BOOST_TEST(signed_area2(p) > 0);
        for (std::size_t k = 0; k < 3; ++k)
          BOOST_TEST(std::abs(angles[k] - interior_angle(p, k)) < 1e-6);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(flip_idx_maps_a_horizontal_flip_slot_to_slot) {
  // Mirror each object left to right, order its vertices again: slot s of
  // the flipped object is slot flip_idx[s] of the original, mirrored.
  const Config config = preset_config("basic", {{"dataset.count", "40"},
                                                {"shape.vertex_order", "clockwise_from_top"},
                                                {"shape.rotation", "0..360"}});
  const KeypointSchema schema = keypoint_schema(config);
  BOOST_REQUIRE(schema.flip_right());
  const Generator g(config);
  const double w = 64;
  int checked = 0;
  for (std::uint64_t i = 0; i < 40; ++i) {
    const Sample s = g.make_row(i);
    for (const ObjectLabel& l : s.objects) {
      ObjectLabel flipped = l;
      for (VertexLabel& v : flipped.vertices) v.point.x = w - v.point.x;
      const std::vector<std::size_t> order = clockwise_from_top(points_of(flipped));
      std::vector<VertexLabel> reordered;
      for (std::size_t k : order) reordered.push_back(flipped.vertices[k]);
      flipped.vertices = reordered;
      // A tie for the top (a square at 0 degrees) has two answers: skip it.
      const std::vector<Point> p = points_of(l);
      if (std::count_if(p.begin(), p.end(),
                        [&](Point q) { return std::abs(q.y - p[0].y) < 1e-3; }) > 1)
        continue;
      const auto a = keypoint_slots(schema, l), b = keypoint_slots(schema, flipped);
      for (std::size_t slot = 0; slot < schema.slots; ++slot) {
        const KeypointSlot &from = a[schema.flip_idx()[slot]], &to = b[slot];
        BOOST_TEST(to.v == from.v);
        if (!to.v) continue;
        BOOST_TEST(std::abs(to.x - (w - from.x)) < 1e-9);
        BOOST_TEST(to.y == from.y);
      }
      ++checked;
    }
  }
  BOOST_TEST(checked > 30);
}

BOOST_AUTO_TEST_CASE(coco_and_yolo_pose_write_the_schema) {
  test::TempDir dir;
  const std::string out = dir.str("ds");
  const auto run = test::run_cli(
      "generate --preset detection --count 6 --out " + out +
      " --formats coco,yolo --output.yolo_task=pose --shape.vertex_order=clockwise_from_top"
      " --output.keypoint_sigmas='0.02, 0.03, 0.04, 0.05' --quiet");
  BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  std::vector<json> manifest;
  for (const std::string& line : lines_of(test::read_text(out + "/manifest.jsonl")))
    manifest.push_back(json::parse(line));

  const KeypointSchema schema = keypoint_schema(preset_config("detection"));
  BOOST_REQUIRE(schema.slots == 4u);
  int annotations = 0;
  for (const char* split : {"train", "val", "test"}) {
    const fs::path file = out + "/annotations/instances_" + split + ".json";
    if (!fs::exists(file)) continue;
    const json coco = json::parse(test::read_text(file));
    BOOST_TEST(coco["info"]["keypoint_sigmas"].dump() == "[0.02,0.03,0.04,0.05]");
    for (const json& a : coco["annotations"]) {
      BOOST_REQUIRE(a["keypoints"].size() == 12u);
      ++annotations;
    }
  }
  BOOST_TEST(annotations > 6);

  // YOLO pose: class, box, then K slots (x/w, y/h, v) of the manifest's vertices.
  const std::string yaml = test::read_text(out + "/data.yaml");
  BOOST_TEST(contains(yaml, "\nkpt_shape: [4, 3]\nflip_idx: [0, 3, 2, 1]\n"));
  int rows = 0;
  for (const json& m : manifest) {
    const std::string stem = fs::path(m["file"].get<std::string>()).stem().string();
    const std::string split = m["split"];
    const auto lines = lines_of(test::read_text(out + "/labels/" + split + "/" + stem + ".txt"));
    std::size_t k = 0;
    for (const json& o : m["objects"]) {
      const json& b = o["bbox"];
      if (!(b[2].get<double>() > b[0].get<double>() && b[3].get<double>() > b[1].get<double>()))
        continue;
      BOOST_REQUIRE(k < lines.size());
      const auto words = words_of(lines[k++]);
      BOOST_REQUIRE(words.size() == 5u + 12u);
      const ShapeClass c = test::shape_class(o["class"]);
      const std::vector<std::size_t>& at = schema.slots_of(c);
      std::vector<bool> used(4, false);
      for (std::size_t v = 0; v < o["vertices"].size(); ++v) {
        const json& vertex = o["vertices"][v];
        const std::size_t s = at[v];
        used[s] = true;
        const int vis = !vertex["in_frame"] ? 0 : vertex["visible"] ? 2 : 1;
        BOOST_TEST(std::stoi(words[5 + 3 * s + 2]) == vis);
        if (vis) {
          const double x = std::stod(words[5 + 3 * s]), y = std::stod(words[5 + 3 * s + 1]);
          // YOLO's 6 decimals.
          BOOST_TEST(std::abs(x - vertex["x"].get<double>() / 128) <= 5e-7 + 1e-12);
          BOOST_TEST(std::abs(y - vertex["y"].get<double>() / 128) <= 5e-7 + 1e-12);
        }
      }
      for (std::size_t s = 0; s < 4; ++s)
        if (!used[s])
          for (std::size_t e = 0; e < 3; ++e) BOOST_TEST(words[5 + 3 * s + e] == "0");
      ++rows;
    }
    BOOST_TEST(k == lines.size());
  }
  BOOST_TEST(rows == annotations);  // every visible object, as COCO
}

BOOST_AUTO_TEST_CASE(drawn_order_pose_leaves_flip_idx_out_and_says_why) {
  test::TempDir dir;
  const std::string out = dir.str("ds");
  const auto run = test::run_cli("generate --count 3 --out " + out +
                                 " --formats yolo --output.yolo_task=pose --quiet");
  BOOST_REQUIRE_MESSAGE(run.exit_code == 0, run.output);
  const std::string yaml = test::read_text(out + "/data.yaml");
  BOOST_TEST(contains(yaml, "kpt_shape: [4, 3]\n# no flip_idx: "));
  BOOST_TEST(!contains(yaml, "flip_idx: ["));
}

BOOST_AUTO_TEST_CASE(sigmas_of_the_wrong_length_are_one_line_and_nothing_is_written) {
  test::TempDir dir;
  const std::string out = dir.str("ds");
  const auto run = test::run_cli("generate --count 3 --out " + out +
                                 " --formats coco --output.keypoint_sigmas='0.1, 0.2'");
  BOOST_TEST(run.exit_code == 2);
  BOOST_TEST(
      run.output ==
      "shapegen: error: key 'output.keypoint_sigmas': value '0.1, 0.2' is invalid (2 numbers); "
      "allowed: one number > 0 for every slot, or 4 numbers > 0 separated by commas (the "
      "dataset's keypoint slots, K = 4)\n");
  BOOST_TEST(!fs::exists(out));
  BOOST_CHECK_EXCEPTION(preset_config("basic", {{"output.keypoint_sigmas", "0.1, -1, 0.1, 0.1"}}),
                        ConfigError,
                        [](const ConfigError& e) { return contains(e.what(), "'-1' is not > 0"); });
  // One number, or K of them, is right; the default records 0.025 per slot.
  BOOST_CHECK_NO_THROW(preset_config("basic", {{"output.keypoint_sigmas", "0.05"}}));
  BOOST_TEST((keypoint_sigmas("0.025", 4) == std::vector<double>(4, 0.025)));
  BOOST_TEST((keypoint_sigmas("1, 2, 3", 3) == std::vector<double>{1, 2, 3}));
}

BOOST_AUTO_TEST_CASE(pose_refuses_a_class_of_no_vertices) {
  const ShapeClass blob = test::shape_class("blob");
  BOOST_TEST(shape_decl(blob).vertex_names.empty());
  const Assignments pose = {{"shape.classes", "triangle:1, blob:1"},
                            {"output.formats", "yolo"},
                            {"output.yolo_task", "pose"}};
  BOOST_CHECK_EXCEPTION(preset_config("basic", pose), ConfigError, [](const ConfigError& e) {
    BOOST_TEST(std::string(e.what()) ==
               "key 'output.yolo_task': value 'pose' needs vertices on every class drawn, but "
               "'blob' has none; allowed: detect or segment, or shape.classes without 'blob'");
    return true;
  });
  // Detect takes it, and COCO gives it K slots of 0, 0, 0.
  const Config detect =
      preset_config("basic", {{"shape.classes", "triangle:1, blob:1"}, {"output.formats", "yolo"}});
  const KeypointSchema schema = keypoint_schema(detect);
  // Rows up to the blob's are listed: ellipse and rectangle too, so K = 4.
  BOOST_TEST(schema.slots == 4u);
  BOOST_TEST(schema.slots_of(blob).empty());
  BOOST_TEST((schema.names(blob) ==
              std::vector<std::string>{"unused_0", "unused_1", "unused_2", "unused_3"}));
}
