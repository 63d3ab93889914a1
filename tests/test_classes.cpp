#define BOOST_TEST_MODULE classes
// One class table: classes.json lists each label class with the number every
// layout writes for it and the drawn classes labeled as it; verify catches a
// damaged one and merge joins the shards' copies. ImageFolder's folders
// ("<id>_<name>") sort as the ids do, and generate warns when a split lacks
// one. COCO's RLE encoder against masks encoded by hand.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "dataset/class_table.hpp"
#include "dataset/rle.hpp"
#include "shapegen/dataset.hpp"
#include "shapegen/merge.hpp"
#include "shapegen/verify.hpp"
#include "test_support.hpp"

using namespace shapegen;
using test::read_text;
using test::run_cli;
using test::TempDir;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

void generate(const Config& config, const fs::path& out, Shard shard = {}) {
  GenerateOptions options;
  options.out_dir = out.string();
  options.jobs = 2;
  options.shard = shard;
  generate_dataset(config, options);
}

VerifyReport verify(const fs::path& dir) {
  VerifyOptions options;
  options.jobs = 2;
  return verify_dataset(dir.string(), options);
}

// A gray image from rows of digits ("10", "11"): row-major, as Image stores it.
Image mask(const std::vector<std::string>& rows) {
  Image image(int(rows[0].size()), int(rows.size()), 1);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) image.at(x, y) = std::uint8_t(rows[y][x] - '0');
  return image;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_table_lists_the_label_classes_with_every_layouts_number) {
  const json basic =
      json::parse(class_table_json(Generator(test::preset_config("basic"))))["classes"];
  BOOST_TEST(basic.dump() ==
             R"([{"coco_category_id":1,"drawn":["triangle"],"id":0,"imagefolder":"0_triangle",)"
             R"("mask_value":1,"name":"triangle"},)"
             R"({"coco_category_id":2,"drawn":["circle"],"id":1,"imagefolder":"1_circle",)"
             R"("mask_value":2,"name":"circle"},)"
             R"({"coco_category_id":3,"drawn":["square"],"id":2,"imagefolder":"2_square",)"
             R"("mask_value":3,"name":"square"}])");
  // shape.labels: the drawn classes labeled as another are listed under it;
  // square itself is not drawn here (weight 0), only rectangles labeled so.
  const Config relabeled = test::preset_config(
      "basic", {{"shape.classes", "triangle:1, circle:1, ellipse:1, rectangle:1"},
                {"shape.labels", "ellipse:circle, rectangle:square"}});
  const json table = json::parse(class_table_json(Generator(relabeled)))["classes"];
  BOOST_REQUIRE(table.size() == 3);
  BOOST_TEST(table[1]["drawn"].dump() == R"(["circle","ellipse"])");
  BOOST_TEST(table[2]["drawn"].dump() == R"(["rectangle"])");
  const Config circles = test::preset_config("basic", {{"shape.classes", "circle:1"}});
  const json only = json::parse(class_table_json(Generator(circles)))["classes"];
  BOOST_REQUIRE(only.size() == 2);  // ids 0..1: triangle is listed, never drawn
  BOOST_TEST(only[0]["drawn"].dump() == "[]");
}

BOOST_AUTO_TEST_CASE(folders_sort_as_the_ids_do) {
  const std::vector<ShapeClass> three = {{0}, {1}, {2}};
  BOOST_TEST(class_folder({2}, three) == "2_square");
  // Ten classes or more: the ids are zero-padded, so "10_x" sorts after "09_y".
  std::vector<ShapeClass> eleven;
  for (int i = 0; i <= 10; ++i) eleven.push_back({i});
  BOOST_TEST(class_folder({1}, eleven) == "01_circle");
  BOOST_TEST(class_folder({4}, eleven) == "04_rectangle");
}

BOOST_AUTO_TEST_CASE(every_dataset_writes_it_once_verify_checks_it_merge_joins_it) {
  TempDir t;
  const Config config =
      test::preset_config("detection", {{"dataset.count", "6"}, {"output.formats", "imagefolder"}});
  generate(config, t.path() / "whole");
  const std::string table = read_text(t.path() / "whole/classes.json");
  BOOST_TEST(table == class_table_json(Generator(config)));
  BOOST_TEST(verify(t.path() / "whole").ok());

  std::string damaged = table;
  damaged.replace(damaged.find("circle"), 6, "cirkle");
  std::ofstream(t.path() / "whole/classes.json") << damaged;
  VerifyReport report = verify(t.path() / "whole");
  BOOST_TEST(!report.ok());
  BOOST_REQUIRE(report.problems.size() == 1);
  BOOST_TEST(report.problems[0].find("classes.json: differs from line 3") != std::string::npos,
             report.problems[0]);
  fs::remove(t.path() / "whole/classes.json");
  BOOST_TEST(!verify(t.path() / "whole").ok());
  std::ofstream(t.path() / "whole/classes.json") << table;
  BOOST_TEST(verify(t.path() / "whole").ok());

  MergeOptions merge;
  merge.out_dir = t.str("merged");
  for (std::uint64_t i = 0; i < 2; ++i) {
    const fs::path shard = t.path() / ("s" + std::to_string(i));
    generate(config, shard, Shard{i, 2});
    BOOST_TEST(read_text(shard / "classes.json") == table);  // every shard holds all of it
    merge.shards.push_back(shard.string());
  }
  merge_datasets(merge);
  BOOST_TEST(read_text(t.path() / "merged/classes.json") == table);
  BOOST_TEST(verify(t.path() / "merged").ok());
}

BOOST_AUTO_TEST_CASE(a_split_lacking_a_class_is_warned_about_once) {
  TempDir t;
  // Only circles: triangle (id 0) is listed but never drawn, so torchvision
  // would number 1_circle as 0 in every split.
  auto r = run_cli(
      "generate --preset basic --count 6 --shape.classes=circle:1 --formats "
      "imagefolder --split train=0.5,val=0.5 -q --out " +
      t.str("circles"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  BOOST_TEST(fs::is_directory(t.path() / "circles/train/1_circle"));
  for (const char* split : {"train", "val"}) {
    const std::string line = "shapegen: warning: imagefolder: split '" + std::string(split) +
                             "' has no image of class 0_triangle: torchvision's ImageFolder "
                             "numbers only the folders present, so its indices of 1_circle "
                             "shift down from the ids in classes.json\n";
    BOOST_TEST(r.output.find(line) != std::string::npos, r.output);
  }
  std::size_t warnings = 0;
  for (std::size_t at = 0; (at = r.output.find("warning:", at)) != std::string::npos; ++at)
    ++warnings;
  BOOST_TEST(warnings == 2, r.output);
  // Every class in every split: no warning.
  r = run_cli("generate --preset basic --count 30 --formats imagefolder -q --out " + t.str("all"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  BOOST_TEST(r.output.find("warning") == std::string::npos, r.output);
  // One row, two splits: the split without a row is said to be empty, once.
  r = run_cli(
      "generate --preset basic --count 1 --formats imagefolder --split train=0.5,val=0.5 -q "
      "--out " +
      t.str("one"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  const std::string empty = fs::is_directory(t.path() / "one/train") ? "val" : "train";
  const std::string line = "shapegen: warning: imagefolder: split '" + empty + "' has no images\n";
  BOOST_TEST(r.output.find(line) != std::string::npos, r.output);
  BOOST_TEST(r.output.find("has no images") == r.output.rfind("has no images"), r.output);
}

BOOST_AUTO_TEST_CASE(rle_is_pycocotools_encoding) {
  // Column-major runs, zeros first.
  const Image m = mask({"100", "110"});  // columns: 1 1 | 0 1 | 0 0
  BOOST_TEST((rle_runs(m, 1) == std::vector<std::uint64_t>{0, 2, 1, 1, 2}));
  // Runs 3.. are written less the run two before: 1 - 2 = -1 is 0x1f alone ('O').
  BOOST_TEST(rle_counts(rle_runs(m, 1)) == "021O1");
  BOOST_TEST(rle_counts(rle_runs(mask({"00", "00"}), 1)) == "4");
  BOOST_TEST(rle_counts(rle_runs(mask({"11", "11"}), 1)) == "04");
  // A value of a labeled image, not any non-zero pixel.
  const Image labels = mask({"012", "212"});
  BOOST_TEST((rle_runs(labels, 2) == std::vector<std::uint64_t>{1, 1, 2, 2}));
  BOOST_TEST(rle_counts(rle_runs(labels, 2)) == "1121");
  // 40 = 8 + 1 * 32: two groups, the first flagged 0x20 ('X' = 48 + 40).
  Image tall(1, 40, 1);
  std::fill(tall.pixels.begin(), tall.pixels.end(), 1);
  BOOST_TEST(rle_counts(rle_runs(tall, 1)) == "0X1");
  // A difference below -16 takes two groups: runs 1, 40, 2, 3 -> 3 - 40 = -37,
  // low bits 27 flagged 0x20 ('k'), then 30 with the sign bit 0x10 ('N').
  Image dip(1, 46, 1);
  for (int y = 1; y < 46; ++y) dip.at(0, y) = y <= 40 || y >= 43;
  BOOST_TEST((rle_runs(dip, 1) == std::vector<std::uint64_t>{1, 40, 2, 3}));
  BOOST_TEST(rle_counts(rle_runs(dip, 1)) == "1X12kN");
}
