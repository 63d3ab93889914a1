#define BOOST_TEST_MODULE verify
// verify and diff: tolerances in idiff's terms, every kind of damage
// reported with its own message (exit 1), never a crash.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "base/parallel.hpp"
#include "check/findings.hpp"
#include "check/manifest_reader.hpp"
#include "check/text_compare.hpp"
#include "render/raster.hpp"
#include "shapegen/compare.hpp"
#include "shapegen/generator.hpp"
#include "shapegen/png.hpp"
#include "shapegen/presets.hpp"
#include "test_support.hpp"

using namespace shapegen;
using test::run_cli;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kAaTolerance = " --fail 8 --fail-percent 0.5 --hard-fail 64";

// A fresh dataset of `count` basic samples in t/name.
fs::path make_dataset(const TempDir& t, const std::string& name, const std::string& extra = "") {
  const auto r = run_cli("generate --count 6 --out " + t.str(name) + extra);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  return t.path() / name;
}

void expect(const std::string& args, int code, const std::string& message) {
  const auto r = run_cli(args);
  BOOST_TEST_CONTEXT(args) {
    BOOST_TEST(r.exit_code == code, r.output);
    BOOST_TEST(r.output.find(message) != std::string::npos, "output was: " << r.output);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_one_level_change_is_caught_exactly_and_passes_a_tolerance_of_one) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  Image img = read_png((ds / "images/000002.png").string());
  img.at(5, 7) = static_cast<std::uint8_t>(img.at(5, 7) == 255 ? 254 : img.at(5, 7) + 1);
  write_png((ds / "images/000002.png").string(), img, 6);
  expect("verify " + ds.string(), 1,
         "FAIL images/000002.png: 1 of 4096 pixels over the threshold (worst 1 at 5,7)");
  expect("verify " + ds.string() + " --fail 1", 0,
         "6 checked, 6 passed, 0 failed; worst pixel difference 1 at images/000002.png (5,7)");
  expect("verify " + ds.string() + " --hard-fail 0 --fail 1", 1, "FAIL images/000002.png");
}

BOOST_AUTO_TEST_CASE(antialiasing_tolerance_still_catches_a_shape_moved_by_one_pixel) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  for (std::uint64_t i : {0, 1, 2}) {
    Sample s = Generator(load_config((ds / "dataset.ini").string(), {})).make(i, 1);
    transform_points(s.scene.objects[0], [](Point p) { return Point{p.x + 1, p.y}; });
    write_png((ds / ("images/00000" + std::to_string(i) + ".png")).string(), render_scene(s.scene),
              6);
  }
  const auto r = run_cli("verify " + ds.string() + kAaTolerance + " --diff-dir " + t.str("diffs"));
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.output.find("3 failed") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("diff images (expected, actual, differences in red): " +
                           t.str("diffs")) != std::string::npos,
             r.output);
  for (const char* kind : {"expected", "actual", "diff"})
    BOOST_TEST(fs::exists(t.path() / "diffs" / (std::string("000001.") + kind + ".png")));
  // And the untouched dataset passes under the same tolerance.
  const fs::path clean = make_dataset(t, "clean");
  expect("verify " + clean.string() + kAaTolerance, 0, "6 checked, 6 passed, 0 failed");
}

BOOST_AUTO_TEST_CASE(each_kind_of_damage_has_its_own_message) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  const auto bytes = read_file((ds / "images/000001.png").string());
  {
    std::ofstream((ds / "images/000001.png"), std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), bytes.size() / 2);
    std::ofstream(ds / "images/000002.png") << "garbage";
    fs::remove(ds / "images/000003.png");
    write_png((ds / "images/000004.png").string(), Image(32, 32, 3), 6);
    fs::copy_file(ds / "images/000000.png", ds / "images/extra.png");
  }
  std::string manifest = test::read_text(ds / "manifest.jsonl");
  manifest.replace(manifest.find("\"rotation\":"), 11, "\"rotation\":1");
  std::ofstream(ds / "manifest.jsonl") << manifest;
  const auto r = run_cli("verify " + ds.string());
  BOOST_TEST(r.exit_code == 1);
  for (const char* message :
       {"FAIL images/000001.png: corrupt PNG (file is truncated)",
        "FAIL images/000002.png: not a PNG file", "FAIL images/000003.png: missing",
        "FAIL images/000004.png: 64x64 gray expected, 32x32 rgb found",
        "FAIL images/extra.png: extra file, not part of the dataset",
        "FAIL manifest.jsonl line 1 (images/000000.png): objects[0].rotation: "})
    BOOST_TEST(r.output.find(message) != std::string::npos, message << "\n" << r.output);

  std::ofstream(ds / "manifest.jsonl", std::ios::app) << "{\"file\":\"x\"}\n";
  expect("verify " + ds.string(), 1, "FAIL manifest.jsonl: 1 lines beyond the dataset's 6 rows");
  fs::remove(ds / "labels.csv");
  expect("verify " + ds.string(), 1, "FAIL labels.csv: missing");
  expect("verify " + t.str("nowhere"), 2, "no dataset.ini, so not a shapegen dataset");
  std::ofstream(t.str("bad.ini")) << "[shape]\nsise = 1\n";
  fs::create_directories(t.path() / "badds");
  fs::copy_file(t.str("bad.ini"), t.path() / "badds/dataset.ini");
  expect("verify " + t.str("badds"), 2, "unknown key 'shape.sise'");
}

// The presets `shapegen presets` lists, which hold every file of presets/.
BOOST_AUTO_TEST_CASE(verify_passes_after_generate_for_every_builtin_preset) {
  TempDir t;
  const std::vector<PresetInfo> presets = list_presets();
  std::set<std::string> names;
  for (const PresetInfo& preset : presets) names.insert(preset.name);
  for (const auto& entry : fs::directory_iterator(SHAPEGEN_PRESET_DIR))
    BOOST_TEST(names.count(entry.path().stem().string()) == 1u, entry.path());
  for (const PresetInfo& preset : presets) {
    const fs::path ds = make_dataset(t, preset.name, " --preset " + preset.name + " --variants 1");
    expect("verify " + ds.string() + " --jobs 2", 0,
           "12 checked, 12 passed, 0 failed; worst pixel difference 0");
  }
}

BOOST_AUTO_TEST_CASE(other_library_versions_are_noted_and_still_compared) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  std::string ini = test::read_text(ds / "dataset.ini");
  const auto at = ini.find("cairo_version = ");
  ini.replace(at, ini.find('\n', at) - at, "cairo_version = 0.9.9");
  std::ofstream(ds / "dataset.ini") << ini;
  expect("verify " + ds.string(), 0,
         "note: dataset.ini records dataset.cairo_version = 0.9.9, running ");
}

BOOST_AUTO_TEST_CASE(diff_compares_datasets_and_png_files) {
  TempDir t;
  const fs::path a = make_dataset(t, "a"), b = make_dataset(t, "b");
  expect("diff " + a.string() + " " + b.string(), 0, "6 checked, 6 passed, 0 failed");
  const fs::path c = make_dataset(t, "c", " --seed 2");
  expect("diff " + a.string() + " " + c.string(), 1, "6 failed");
  expect("diff " + a.string() + "/images/000000.png " + c.string() + "/images/000000.png", 1,
         "1 failed");
  expect("diff " + a.string() + "/images/000000.png " + b.string() + "/images/000000.png", 0,
         "1 passed");
  expect("diff " + t.str("missing") + " " + b.string(), 2,
         "neither a PNG file nor a dataset folder");
}

BOOST_AUTO_TEST_CASE(compare_images_follows_idiff_semantics) {
  Image a(10, 10, 1), b(10, 10, 1);
  for (int i = 0; i < 3; ++i) b.pixels[i] = 5;  // 3% of pixels differ by 5
  BOOST_TEST(!compare_images(a, b, {}).passed);
  BOOST_TEST(compare_images(a, b, {5, 0, 255}).passed);
  BOOST_TEST(compare_images(a, b, {4, 3, 255}).passed);
  BOOST_TEST(!compare_images(a, b, {4, 2.9, 255}).passed);
  BOOST_TEST(!compare_images(a, b, {4, 3, 4}).passed);  // hard fail
  BOOST_TEST(!compare_images(a, Image(10, 10, 3), {255, 100, 255}).same_shape);
}

BOOST_AUTO_TEST_CASE(layouts_are_verified_too) {
  TempDir t;
  const fs::path ds =
      make_dataset(t, "ds", " --preset detection --formats coco,yolo,masks,imagefolder");
  expect("verify " + ds.string(), 0, "6 checked, 6 passed, 0 failed");
  std::ofstream(ds / "labels/train/000000.txt", std::ios::app) << "0 0.5 0.5 0.1 0.1\n";
  fs::remove(ds / "masks/instance/000001.png");
  std::ofstream(ds / "annotations/notes.txt") << "mine";
  const auto r = run_cli("verify " + ds.string());
  BOOST_TEST(r.exit_code == 1);
  for (const char* message : {"FAIL labels/train/000000.txt: differs from line",
                              "FAIL masks/instance/000001.png: missing",
                              "FAIL annotations/notes.txt: extra file, not part of the dataset"})
    BOOST_TEST(r.output.find(message) != std::string::npos, message << "\n" << r.output);
}

BOOST_AUTO_TEST_CASE(every_layout_is_compared_and_a_moved_dataset_still_passes) {
  TempDir t;
  const fs::path made = make_dataset(t, "ds",
                                     " --preset detection --formats coco,yolo,masks,imagefolder"
                                     " --split train=0.5,val=0.25,test=0.25");
  // Moved: data.yaml names the folder it was written to, and that may differ.
  const fs::path ds = t.path() / "moved";
  fs::rename(made, ds);
  BOOST_TEST(test::read_text(ds / "data.yaml").find("path: " + made.string()) != std::string::npos);
  expect("verify " + ds.string() + kAaTolerance, 0,
         "6 checked, 6 passed, 0 failed; worst pixel difference 0");

  // (a) an edited COCO file
  std::string coco = test::read_text(ds / "annotations/instances_train.json");
  coco.replace(coco.find("\"iscrowd\":0"), 11, "\"iscrowd\":1");
  std::ofstream(ds / "annotations/instances_train.json") << coco;
  // (b) one mask pixel: masks are exact whatever the tolerance
  Image mask = read_png((ds / "masks/semantic/000001.png").string());
  mask.at(0, 0) = static_cast<std::uint8_t>(mask.at(0, 0) ^ 1);
  write_png((ds / "masks/semantic/000001.png").string(), mask, 6);
  // (c) extra files in labels/: a stray one, and a row's label in a split it is not in
  std::ofstream(ds / "labels/train/notes.txt") << "mine";
  const fs::path label = fs::directory_iterator(ds / "labels/train")->path();
  fs::create_directories(ds / "labels/other");
  fs::copy_file(label, ds / "labels/other" / label.filename());
  // (d) a data.yaml line other than path:
  std::string yaml = test::read_text(ds / "data.yaml");
  yaml.replace(yaml.find("names:"), 6, "classes:");
  std::ofstream(ds / "data.yaml") << yaml;

  const auto r = run_cli("verify " + ds.string() + kAaTolerance);
  BOOST_TEST(r.exit_code == 1);
  const std::string stray =
      "FAIL labels/other/" + label.filename().string() + ": extra file, not part of the dataset";
  for (const std::string& message :
       {std::string("FAIL annotations/instances_train.json: differs from line 1"),
        std::string("FAIL masks/semantic/000001.png: 1 of 16384 pixels over the threshold (worst 1 "
                    "at 0,0)"),
        std::string("FAIL labels/train/notes.txt: extra file, not part of the dataset"), stray,
        std::string("FAIL data.yaml: differs from line 6")})
    BOOST_TEST(r.output.find(message) != std::string::npos, message << "\n" << r.output);
  // Layout files are not the samples: all six still pass, with five problems.
  BOOST_TEST(r.output.find("6 checked, 6 passed, 0 failed, 5 problems") != std::string::npos,
             r.output);
}

BOOST_AUTO_TEST_CASE(verify_regenerates_with_what_the_layouts_need) {
  // Masks keep per-object coverage, and labels are computed from it; verify
  // must make rows exactly as generate did.
  TempDir t;
  const auto r = run_cli("generate --preset basic --count 60 --formats masks --out " + t.str("ds"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  expect("verify " + t.str("ds"), 0, "60 checked, 60 passed, 0 failed");
}

BOOST_AUTO_TEST_CASE(an_unusable_diff_dir_is_an_error_not_a_crash) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  std::ofstream(t.str("file")) << "x";
  expect("verify " + ds.string() + " --diff-dir " + t.str("file/diffs"), 2,
         "--diff-dir '" + t.str("file/diffs") + "': cannot create the folder");
}

namespace {

// The problems a text comparer reports when `written` is compared with a file holding `found`.
std::vector<std::string> text_problems(const std::string& found,
                                       const std::vector<std::string>& written,
                                       TextCheck check = TextCheck::lines) {
  TempDir t;
  std::ofstream(t.str("f"), std::ios::binary) << found;
  std::vector<std::string> problems;
  auto out =
      compare_text(t.path() / "f", "f", check,
                   [&](std::string p, std::optional<std::uint64_t>) { problems.push_back(p); });
  for (const std::string& w : written) {
    if (w.rfind("@", 0) == 0)
      out->write_location(w.substr(1));
    else
      out->write(w);
  }
  out->close();
  return problems;
}

using Problems = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(text_comparers_name_the_first_differing_line_as_lines_are_read) {
  BOOST_TEST(text_problems("a\nb\nc\n", {"a\nb", "\nc\n"}) == Problems{});
  BOOST_TEST(text_problems("a\nb\nc\n", {"a\nb", "x\nc\n"}) == Problems{"f: differs from line 2"});
  BOOST_TEST(text_problems("a\nb", {"a\nb\n"}) ==
             Problems{});  // as lines, a final newline is no difference
  BOOST_TEST(text_problems("a\n", {"a\nb\n"}) == Problems{"f: differs from line 2"});
  BOOST_TEST(text_problems("a\nb", {"a\nb\n", "c\n"}) == Problems{"f: differs from line 3"});
  BOOST_TEST(text_problems("a\nb", {"a\nb\nc\n"}) == Problems{"f: differs from line 3"});
  BOOST_TEST(text_problems("a\nb\nc\n", {"a\nb\n"}) == Problems{"f: differs from line 3"});
  BOOST_TEST(text_problems("", {""}) == Problems{});
  BOOST_TEST(text_problems("\n", {""}) == Problems{"f: differs from line 1"});
  BOOST_TEST(text_problems("h\nr\n", {"h\nx\n"}, TextCheck::table) ==
             Problems{"f: line 2 differs"});
  // A location line may name any folder, but must be there.
  BOOST_TEST(text_problems("# y\npath: /else\nk: v\n", {"# y\n", "@path: ", "k: v\n"}) ==
             Problems{});
  BOOST_TEST(text_problems("# y\nroot: /else\nk: v\n", {"# y\n", "@path: ", "k: v\n"}) ==
             Problems{"f: differs from line 2"});
  BOOST_TEST(text_problems("# y\npath: /else\nk: w\n", {"# y\n", "@path: ", "k: v\n"}) ==
             Problems{"f: differs from line 3"});
  TempDir t;
  std::vector<std::string> problems;
  compare_text(t.path() / "none", "none", TextCheck::lines,
               [&](std::string p, auto) { problems.push_back(p); });
  BOOST_TEST(problems == Problems{"none: missing"});
}

// #13 item 6: a dataset damaged everywhere costs bounded memory, and the
// lines kept do not depend on the order workers report them in.
BOOST_AUTO_TEST_CASE(findings_keep_the_first_problems_in_order_and_count_all) {
  std::vector<std::string> texts;
  for (int i = 0; i < 5000; ++i) texts.push_back("p" + std::to_string(100000 + (i * 7919) % 5000));
  Findings findings;
  parallel_for(texts.size(), 4, [&](std::uint64_t i) { findings.problem(texts[i]); });
  findings.difference(3, "b");
  findings.difference(3, "a");  // equal differences: the smaller place, whatever the order
  findings.difference(2, "c");
  VerifyReport report;
  findings.into(report);
  BOOST_TEST(report.problem_count == 5000u);
  BOOST_REQUIRE(report.problems.size() == Findings::kKeptProblems);
  BOOST_TEST(report.problems.front() == "p100000");
  BOOST_TEST(report.problems.back() == "p100999");
  BOOST_TEST(std::is_sorted(report.problems.begin(), report.problems.end()));
  BOOST_TEST(report.worst == 3);
  BOOST_TEST(report.worst_where == "a");
  BOOST_TEST(report.summary("v").find("0 failed, 5000 problems") != std::string::npos);
}

// #13 items 2 and 5: manifest lines are bounded before they are parsed.
BOOST_AUTO_TEST_CASE(manifest_lines_are_bounded_before_they_are_parsed) {
  const std::string deep = "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  BOOST_TEST(json_depth(deep, 64) == 65u);
  BOOST_TEST(json_depth("{\"a\":\"[[[[\\\"[[[\"}", 64) == 1u);  // brackets in strings do not count
  BOOST_TEST(describe_line_difference("{\"a\":1}", deep) == "nested deeper than 64 levels");
  BOOST_TEST(describe_line_difference("{\"a\":1}", "{\"a\":") == "not valid JSON");
  // A long value is shown shortened.
  const std::string diff =
      describe_line_difference("{\"a\":\"x\"}", "{\"a\":\"" + std::string(100000, 'y') + "\"}");
  BOOST_TEST(diff.find("a: \"x\" expected, \"yyyy") == 0u);
  BOOST_TEST(diff.size() < 200u);

  std::istringstream in("short\n" + std::string(1000, 'z') + "\nlast");
  std::string line;
  BOOST_TEST((read_line(in, line, 100) == LineRead::line && line == "short"));
  BOOST_TEST((read_line(in, line, 100) == LineRead::too_long && line.empty()));
  BOOST_TEST((read_line(in, line, 100) == LineRead::line && line == "last"));
  BOOST_TEST((read_line(in, line, 100) == LineRead::end));
}

// #13 items 5 and 10: "file" is a string naming a file inside the dataset.
BOOST_AUTO_TEST_CASE(manifest_files_stay_inside_the_dataset) {
  std::string why;
  BOOST_TEST(manifest_line_file("{\"file\":\"images/000001.png\"}", why).value_or("") ==
             "images/000001.png");
  const std::pair<const char*, const char*> bad[] = {
      {"{\"file\":5}", "\"file\" is not a string but 5"},
      {"{\"file\":null}", "\"file\" is not a string but null"},
      {"{\"index\":1}", "no \"file\" field"},
      {"[1]", "no \"file\" field"},
      {"{\"file\":\"/etc/passwd\"}", "\"file\" '/etc/passwd' points outside the dataset"},
      {"{\"file\":\"images/../../x.png\"}", "points outside the dataset"},
      {"{\"file\":\"\"}", "points outside the dataset"},
      {"{\"file\":\"a\\u0000b\"}", "\"file\" 'a\\0b' points outside the dataset"},
      {"not json", "not valid JSON"}};
  for (const auto& [line, message] : bad) {
    BOOST_TEST_CONTEXT(line) {
      BOOST_TEST(!manifest_line_file(line, why));
      BOOST_TEST(why.find(message) != std::string::npos, why);
    }
  }
}
