#define BOOST_TEST_MODULE cli
// End to end through the shapegen binary: datasets, reproducibility, errors.
#include <sys/wait.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "shapegen/catalog.hpp"
#include "shapegen/png.hpp"
#include "test_support.hpp"

using namespace shapegen;
using test::read_text;
using test::run_cli;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Every file below `a` has a byte-identical twin below `b`, and vice versa.
void require_identical_trees(const fs::path& a, const fs::path& b, bool skip_ini = false) {
  std::size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(a)) {
    if (!e.is_regular_file()) continue;
    const fs::path rel = fs::relative(e.path(), a);
    if (skip_ini && rel == "dataset.ini") continue;
    BOOST_TEST_CONTEXT(rel.string()) {
      BOOST_REQUIRE(fs::exists(b / rel));
      BOOST_TEST(read_text(e.path()) == read_text(b / rel));
    }
    ++files;
  }
  std::size_t files_b = 0;
  for (const auto& e : fs::recursive_directory_iterator(b)) files_b += e.is_regular_file();
  BOOST_TEST(files_b == files + (skip_ini ? 1 : 0));
}

// Runs a command that must fail: exit code 2, the message, nothing written.
void expect_failure(const std::string& args, const std::string& message, const fs::path& out) {
  const auto r = run_cli(args);
  BOOST_TEST_CONTEXT(args) {
    BOOST_TEST(r.exit_code == 2);
    BOOST_TEST(r.output.find(message) != std::string::npos, "output was: " << r.output);
    BOOST_TEST(lines(r.output).size() == 1u, "one line, got: " << r.output);
    BOOST_TEST(!fs::exists(out));
    // No staging folder left beside the output either.
    for (const auto& e : fs::directory_iterator(out.parent_path()))
      BOOST_TEST(e.path().filename().string().find(".partial") == std::string::npos);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(generate_writes_a_complete_dataset) {
  TempDir t;
  const auto r = run_cli("generate --preset basic --count 12 --out " + t.str("a"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  const fs::path a = t.path() / "a";
  BOOST_TEST(fs::exists(a / "images/000000.png"));
  BOOST_TEST(fs::exists(a / "images/000011.png"));
  const auto manifest = lines(read_text(a / "manifest.jsonl"));
  BOOST_REQUIRE(manifest.size() == 12u);
  for (std::size_t i = 0; i < manifest.size(); ++i) {
    const auto j = nlohmann::json::parse(manifest[i]);
    BOOST_TEST(j["index"] == i);
    BOOST_TEST(j["file"] == "images/" + std::string(6 - std::to_string(i).size(), '0') +
                                std::to_string(i) + ".png");
    BOOST_TEST(j["objects"].is_array());
    const auto& o = j["objects"][0];
    for (const char* key : {"class", "bbox", "bbox_full", "vertices", "polygon", "visible_fraction",
                            "center", "size", "rotation", "stroke_width", "fill", "stroke_color"})
      BOOST_TEST(o.contains(key), key);
    const Image img = read_png((a / j["file"].get<std::string>()).string());
    BOOST_TEST(img.width == 64);
    BOOST_TEST(img.channels == 1);
  }
  const auto csv = lines(read_text(a / "labels.csv"));
  BOOST_TEST(csv.size() == 13u);  // header + one row per object
  const std::string ini = read_text(a / "dataset.ini");
  BOOST_TEST(ini.find("count = 12") != std::string::npos);
  BOOST_TEST(ini.find("seed = 1") != std::string::npos);
  BOOST_TEST(ini.find("shapegen_version = ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(dataset_ini_regenerates_byte_identical_output) {
  TempDir t;
  BOOST_REQUIRE(
      run_cli("generate --preset mnist28 --count 20 --seed 77 --style.stroke_width=2..3 --out " +
              t.str("a"))
          .exit_code == 0);
  BOOST_REQUIRE(
      run_cli("generate --preset " + t.str("a/dataset.ini") + " --out " + t.str("b")).exit_code ==
      0);
  require_identical_trees(t.path() / "a", t.path() / "b");
}

BOOST_AUTO_TEST_CASE(output_does_not_depend_on_jobs_or_count) {
  TempDir t;
  BOOST_REQUIRE(
      run_cli("generate --preset color --count 40 --jobs 1 --out " + t.str("j1")).exit_code == 0);
  BOOST_REQUIRE(
      run_cli("generate --preset color --count 40 --jobs 3 --out " + t.str("j3")).exit_code == 0);
  require_identical_trees(t.path() / "j1", t.path() / "j3");
  BOOST_REQUIRE(run_cli("generate --preset color --count 7 --out " + t.str("c7")).exit_code == 0);
  const auto m40 = lines(read_text(t.path() / "j1/manifest.jsonl"));
  const auto m7 = lines(read_text(t.path() / "c7/manifest.jsonl"));
  for (std::size_t i = 0; i < 7; ++i) {
    BOOST_TEST(m7[i] == m40[i]);
    const std::string file = "images/00000" + std::to_string(i) + ".png";
    BOOST_TEST(read_text(t.path() / "c7" / file) == read_text(t.path() / "j1" / file));
  }
}

// describe --ops, what bench/transfer reads its families from: a line per
// op (family, op, phase), the ops of op_summaries in its order.
BOOST_AUTO_TEST_CASE(describe_ops_lists_each_op_with_its_family_and_phase) {
  const auto d = run_cli("describe --ops");
  BOOST_REQUIRE(d.exit_code == 0);
  std::istringstream in(d.output);
  std::vector<std::string> listed, expected;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string family, op, phase, more;
    BOOST_TEST(bool(words >> family >> op >> phase), line);
    BOOST_TEST(!(words >> more), line);
    listed.push_back(family + " " + op + " " + phase);
  }
  for (const OpSummary& op : op_summaries())
    expected.push_back(op.family + " " + op.name + " " + op.phase);
  BOOST_TEST(listed == expected, boost::test_tools::per_element());
  BOOST_TEST(d.output.find("pen          pen             scene\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(describe_output_is_a_preset_that_gives_the_same_dataset) {
  TempDir t;
  const auto d = run_cli("describe --preset basic --shape.size=0.3..0.6 --count 9");
  BOOST_REQUIRE(d.exit_code == 0);
  for (const char* key : {"[dataset]", "[image]", "[shape]", "[style]", "size = 0.3..0.6",
                          "count = 9", "# Stroke width"})
    BOOST_TEST(d.output.find(key) != std::string::npos, key);
  std::ofstream(t.str("described.ini")) << d.output;
  BOOST_REQUIRE(
      run_cli("generate --preset " + t.str("described.ini") + " --out " + t.str("a")).exit_code ==
      0);
  BOOST_REQUIRE(
      run_cli("generate --preset basic --shape.size=0.3..0.6 --count 9 --out " + t.str("b"))
          .exit_code == 0);
  require_identical_trees(t.path() / "a", t.path() / "b");
}

BOOST_AUTO_TEST_CASE(bad_input_fails_cleanly_before_writing) {
  TempDir t;
  const fs::path out = t.path() / "out";
  const std::string o = " --out " + out.string();
  expect_failure("generate" + o + " --shape.sise=0.5",
                 "unknown option '--shape.sise' (did you mean '--shape.size'?)", out);
  expect_failure("generate" + o + " --shape.size=abc",
                 "key 'shape.size': value 'abc' is invalid (not a finite number); allowed: a "
                 "number or range lo..hi within (0, 1]",
                 out);
  expect_failure("generate" + o + " --shape.size=0.8..0.2",
                 "value '0.8..0.2' is invalid (inverted range", out);
  expect_failure("generate" + o + " --shape.size=..", "value '..' is invalid (empty range", out);
  expect_failure("generate" + o + " --shape.size=1.5", "value '1.5' is invalid (out of range)",
                 out);
  expect_failure("generate" + o + " --style.stroke_width=-2",
                 "key 'style.stroke_width': value '-2' is invalid (out of range)", out);
  expect_failure("generate" + o + " --count 0",
                 "key 'dataset.count': value '0' is invalid (out of range)", out);
  expect_failure("generate" + o + " --image.width=0", "key 'image.width': value '0' is invalid",
                 out);
  expect_failure("generate" + o + " --image.height=9000", "allowed: a whole number in [1, 8192]",
                 out);
  expect_failure(
      "generate" + o + " --preset nope",
      "--preset 'nope': no such preset file or built-in name; built-in presets: augmented, basic, "
      "color, detection, geometric, handdrawn, mnist28, photometric, sketch",
      out);
  expect_failure("generate --count 3", "--out DIR is required", out);
  expect_failure("generate" + o + " --jobs 0", "--jobs: value '0' is invalid", out);

  std::ofstream(t.str("bad.ini")) << "[shape]\nsise = 0.5\n";
  expect_failure("generate --preset " + t.str("bad.ini") + o,
                 "bad.ini: unknown key 'shape.sise' (did you mean 'shape.size'?)", out);

  // A folder that cannot be created: its parent is a file.
  std::ofstream(t.str("a_file")) << "x";
  const fs::path blocked = t.path() / "a_file" / "out";
  const auto r = run_cli("generate --count 3 --out " + blocked.string());
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.output.find("--out '" + blocked.string() + "': cannot create the dataset there") !=
                 std::string::npos,
             r.output);
}

// A hint names an option of the subcommand given, and only a close one:
// 'verify --out' once suggested '--dataset.count', 'stats --jobs' '--image.mode'.
BOOST_AUTO_TEST_CASE(did_you_mean_offers_only_close_options_of_the_subcommand) {
  TempDir t;
  const auto message = [](const std::string& args) {
    const auto r = run_cli(args);
    BOOST_TEST(r.exit_code == 2, args << "\n" << r.output);
    BOOST_TEST(lines(r.output).size() == 1u, args << "\n" << r.output);
    return r.output;
  };
  const std::string ds = " " + t.str("ds");
  BOOST_TEST(message("verify" + ds + " --out x") ==
             "shapegen: error: shapegen verify: unknown option '--out'; see 'shapegen verify "
             "--help'\n");
  BOOST_TEST(message("stats" + ds + " --jobs 2") ==
             "shapegen: error: shapegen stats: unknown option '--jobs'; see 'shapegen stats "
             "--help'\n");
  for (const auto& [args, hint] : std::vector<std::pair<std::string, std::string>>{
           {"verify" + ds + " --diff-dr x", "--diff-dir"},
           {"verify" + ds + " --jbos 2", "--jobs"},
           {"verify" + ds + " --job 2", "--jobs"},
           {"verify" + ds + " --diff x", "--diff-dir"},
           {"diff" + ds + ds + " --jbos 2", "--jobs"},
           {"stats" + ds + " --jsno", "--json"},
           {"merge" + ds + " --ovewrite", "--overwrite"},
           {"generate --count 2 --out" + ds + " --job 2", "--jobs"},
           {"generate --count 2 --out" + ds + " --cuont 2", "--count"},
           {"generate --count 2 --out" + ds + " --shape.sise=0.5", "--shape.size"},
           {"generate --count 2 --out" + ds + " --sise=0.5", "--shape.size"}})
    BOOST_TEST(message(args).find("(did you mean '" + hint + "'?)") != std::string::npos, args);
  for (const std::string& args : {"verify" + ds + " --count 2", "stats" + ds + " --seed 1",
                                  "merge --out" + ds + " --jobs 2", "diff" + ds + ds + " --out x"})
    BOOST_TEST(message(args).find("did you mean") == std::string::npos, args);
  BOOST_TEST(!fs::exists(t.path() / "ds"));
}

BOOST_AUTO_TEST_CASE(existing_folders_need_overwrite_and_must_be_datasets) {
  TempDir t;
  const std::string out = t.str("ds");
  BOOST_REQUIRE(run_cli("generate --count 3 --out " + out).exit_code == 0);
  const std::string before = read_text(t.path() / "ds/manifest.jsonl");
  auto r = run_cli("generate --count 5 --out " + out);
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(
      r.output.find("folder is not empty; pass --overwrite to replace it") != std::string::npos,
      r.output);
  BOOST_TEST(read_text(t.path() / "ds/manifest.jsonl") == before);  // untouched
  r = run_cli("generate --count 5 --overwrite --out " + out +
              "/");  // a trailing slash names the same folder
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  BOOST_TEST(lines(read_text(t.path() / "ds/manifest.jsonl")).size() == 5u);
  BOOST_TEST(!fs::exists(t.path() / "ds/.partial"));

  fs::create_directories(t.path() / "mine");
  std::ofstream(t.str("mine/notes.txt")) << "precious";
  r = run_cli("generate --count 2 --overwrite --out " + t.str("mine"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.output.find("not a shapegen dataset") != std::string::npos, r.output);
  BOOST_TEST(read_text(t.path() / "mine/notes.txt") == "precious");
}

BOOST_AUTO_TEST_CASE(presets_help_version_and_preview) {
  const auto p = run_cli("presets");
  BOOST_TEST(p.exit_code == 0);
  for (const char* name : {"basic ", "mnist28 ", "color "})
    BOOST_TEST(p.output.find(name) != std::string::npos, name);
  const auto h = run_cli("generate --help");
  BOOST_TEST(h.exit_code == 0);
  BOOST_TEST(h.output.find("--shape.size RANGE") != std::string::npos);
  BOOST_TEST(h.output.find("Default: 0.5..0.9.") != std::string::npos);
  BOOST_TEST(run_cli("--version").output.find("shapegen 0.") == 0u);
  BOOST_TEST(run_cli("frobnicate").exit_code == 2);

  TempDir t;
  const auto r =
      run_cli("preview --preset basic --count 6 --columns 3 --out " + t.str("sheet.png"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  const Image sheet = read_png(t.str("sheet.png"));
  BOOST_TEST(sheet.channels == 3);
  BOOST_TEST(sheet.width == 3 * (128 + 4) + 4);
  BOOST_TEST(sheet.height == 2 * (128 + 4) + 4);
}

BOOST_AUTO_TEST_CASE(augmented_variants_are_linked_recorded_and_reproducible) {
  TempDir t;
  auto r =
      run_cli("generate --preset augmented --count 4 --variants 2 --jobs 2 --out " + t.str("a"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  const auto rows = lines(read_text(t.path() / "a/manifest.jsonl"));
  BOOST_REQUIRE(rows.size() == 12u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto j = nlohmann::json::parse(rows[i]);
    BOOST_TEST(j["index"] == i);
    BOOST_TEST(j["base_index"] == i / 3);
    BOOST_TEST(j["variant"] == i % 3);
    BOOST_TEST(j["augment"].is_array());
    if (i % 3 == 0) BOOST_TEST(j["augment"].empty());
    for (const auto& rec : j["augment"]) BOOST_TEST(rec.contains("op"));
  }
  BOOST_TEST(read_text(t.path() / "a/dataset.ini").find("variants = 2") != std::string::npos);
  r = run_cli("generate --preset " + t.str("a/dataset.ini") + " --jobs 1 --out " + t.str("b"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  require_identical_trees(t.path() / "a", t.path() / "b");
  // Without variants every row is augmented, and the manifest has no variant fields.
  r = run_cli("generate --preset augmented --count 2 --out " + t.str("c"));
  const auto j = nlohmann::json::parse(lines(read_text(t.path() / "c/manifest.jsonl"))[0]);
  BOOST_TEST(!j.contains("variant"));
  BOOST_TEST(j.contains("augment"));
}

BOOST_AUTO_TEST_CASE(splits_are_per_base_sample_and_stable) {
  TempDir t;
  auto r = run_cli(
      "generate --count 40 --variants 1 --split train=0.5,val=0.3,test=0.2 --formats imagefolder "
      "--out " +
      t.str("a"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  r = run_cli("generate --count 80 --split train=0.5,val=0.3,test=0.2 --out " + t.str("b"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  const auto a = lines(read_text(t.path() / "a/manifest.jsonl"));
  const auto b = lines(read_text(t.path() / "b/manifest.jsonl"));
  std::map<std::string, int> seen;
  std::map<std::string, std::string> folder;  // ImageFolder's, by class name
  const auto table = nlohmann::json::parse(read_text(t.path() / "a/classes.json"));
  for (const auto& c : table["classes"])
    folder[c["name"].get<std::string>()] = c["imagefolder"].get<std::string>();
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto j = nlohmann::json::parse(a[i]);
    const auto base = j["base_index"].get<std::size_t>();
    // Both variants of a base share its split, and the split does not depend on count.
    BOOST_TEST(j["split"] == nlohmann::json::parse(a[base * 2])["split"]);
    BOOST_TEST(j["split"] == nlohmann::json::parse(b[base])["split"]);
    ++seen[j["split"].get<std::string>()];
    const std::string link = j["split"].get<std::string>() + "/" +
                             folder.at(j["objects"][0]["class"].get<std::string>()) + "/" +
                             fs::path(j["file"].get<std::string>()).filename().string();
    BOOST_TEST(
        fs::equivalent(t.path() / "a" / link, t.path() / "a" / j["file"].get<std::string>()));
  }
  BOOST_TEST(seen.size() == 3u);
  r = run_cli("generate --count 4 --formats coco,tiff --out " + t.str("c"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(
      r.output.find("key 'output.formats': value 'coco,tiff' is invalid (unknown name 'tiff')") !=
          std::string::npos,
      r.output);
}

BOOST_AUTO_TEST_CASE(coco_files_of_empty_splits_are_valid_json) {
  TempDir t;
  const auto r =
      run_cli("generate --preset detection --count 2 --split train=0.5,val=0.25,test=0.25 --out " +
              t.str("d"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  std::size_t images = 0;
  for (const char* split : {"train", "val", "test"}) {
    const auto j = nlohmann::json::parse(
        read_text(t.path() / "d/annotations" / (std::string("instances_") + split + ".json")));
    images += j["images"].size();
    BOOST_TEST(j["annotations"].is_array());
  }
  BOOST_TEST(images == 2u);
}

BOOST_AUTO_TEST_CASE(an_interrupted_run_leaves_nothing_behind) {
  TempDir t;
  BOOST_REQUIRE(run_cli("generate --count 3 --out " + t.str("ds")).exit_code == 0);
  const std::string before = read_text(t.path() / "ds/manifest.jsonl");
  // SIGINT half a second into a run far too long to finish.
  const std::string command = "timeout --preserve-status -s INT 0.5 '" + std::string(SHAPEGEN_BIN) +
                              "' generate --count 100000000 --no-space-check --overwrite --out " +
                              t.str("ds") + " > " + t.str("log") + " 2>&1";
  const int status = std::system(command.c_str());
  BOOST_TEST(WEXITSTATUS(status) == 2);
  BOOST_TEST(read_text(t.path() / "log").find("interrupted after") != std::string::npos,
             read_text(t.path() / "log"));
  BOOST_TEST(read_text(t.path() / "ds/manifest.jsonl") == before);  // the old dataset is intact
  for (const auto& e : fs::directory_iterator(t.path()))
    BOOST_TEST(e.path().filename().string().find(".partial") == std::string::npos, e.path());
}

BOOST_AUTO_TEST_CASE(relabeled_classes_reach_every_label_file_as_their_label) {
  // handdrawn draws five classes and labels ovals circles and rectangles
  // squares: every label file knows three classes; the manifest and
  // labels.csv keep the class drawn.
  TempDir t;
  const auto r = run_cli(
      "generate --preset handdrawn --count 60 --jobs 2 --formats coco,yolo,masks,imagefolder "
      "--split train=0.5,val=0.5 --out " +
      t.str("h"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  const fs::path h = t.path() / "h";
  std::map<std::string, std::string> label_of_shape;
  std::map<std::string, std::string> class_of_file;
  for (const std::string& line : lines(read_text(h / "manifest.jsonl"))) {
    const auto j = nlohmann::json::parse(line);
    const auto& o = j["objects"][0];
    const std::string cls = o["class"], shape = o.value("shape", cls);
    BOOST_TEST((cls == "triangle" || cls == "circle" || cls == "square"), cls);
    if (o.contains("shape")) BOOST_TEST(shape != cls);  // only when it differs
    if (shape == "ellipse") BOOST_TEST(cls == "circle");
    if (shape == "rectangle") BOOST_TEST(cls == "square");
    label_of_shape[shape] = cls;
    class_of_file[fs::path(j["file"].get<std::string>()).stem().string()] = cls;
    // ImageFolder files under the label's folder, "<id>_<name>".
    const std::string folder = std::to_string(test::shape_class(cls).id) + "_" + cls;
    BOOST_TEST(fs::exists(h / j["split"].get<std::string>() / folder /
                          fs::path(j["file"].get<std::string>()).filename()));
  }
  BOOST_TEST(label_of_shape.size() == 5u);  // every class was drawn
  // ImageFolder: three class folders.
  for (const char* split : {"train", "val"}) {
    std::set<std::string> folders;
    for (const auto& e : fs::directory_iterator(h / split))
      folders.insert(e.path().filename().string());
    BOOST_TEST(folders == (std::set<std::string>{"0_triangle", "1_circle", "2_square"}));
  }
  // COCO: three categories; every annotation's category is the label's.
  const std::map<int, std::string> category = {{1, "triangle"}, {2, "circle"}, {3, "square"}};
  for (const char* split : {"train", "val"}) {
    const auto coco = nlohmann::json::parse(
        read_text(h / "annotations" / (std::string("instances_") + split + ".json")));
    BOOST_REQUIRE(coco["categories"].size() == 3u);
    for (const auto& c : coco["categories"])
      BOOST_TEST(category.at(c["id"].get<int>()) == c["name"].get<std::string>());
    std::map<int, std::string> file_of_image;
    for (const auto& im : coco["images"])
      file_of_image[im["id"].get<int>()] =
          fs::path(im["file_name"].get<std::string>()).stem().string();
    for (const auto& a : coco["annotations"])
      BOOST_TEST(category.at(a["category_id"].get<int>()) ==
                 class_of_file.at(file_of_image.at(a["image_id"].get<int>())));
  }
  // YOLO: three names, class ids of the labels.
  const std::string yaml = read_text(h / "data.yaml");
  BOOST_TEST(yaml.find("names:\n  0: triangle\n  1: circle\n  2: square\n") != std::string::npos,
             yaml);
  for (const auto& [stem, cls] : class_of_file) {
    for (const char* split : {"train", "val"}) {
      const fs::path label = h / "labels" / split / (stem + ".txt");
      if (!fs::exists(label)) continue;
      const int id = std::stoi(read_text(label).substr(0, 1));
      BOOST_TEST(category.at(id + 1) == cls, stem);
    }
    // Semantic masks: the label's id + 1, and nothing else.
    const Image semantic = read_png((h / "masks/semantic" / (stem + ".png")).string());
    for (std::uint8_t v : semantic.pixels)
      if (v) BOOST_TEST(category.at(v) == cls, stem);
  }
  // labels.csv: the label in `class`, the class drawn in `shape`.
  const auto csv = lines(read_text(h / "labels.csv"));
  BOOST_TEST(csv[0].rfind("file,index,split,object,class,shape,kind,", 0) == 0u, csv[0]);
  for (std::size_t i = 1; i < csv.size(); ++i) {
    std::vector<std::string> cells;
    std::stringstream row(csv[i]);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    BOOST_TEST(label_of_shape.at(cells.at(5)) == cells.at(4));
  }
}

BOOST_AUTO_TEST_CASE(hand_drawn_datasets_do_not_depend_on_jobs_and_regenerate_from_dataset_ini) {
  TempDir t;
  BOOST_REQUIRE(
      run_cli("generate --preset handdrawn --count 40 --jobs 1 --formats coco,masks --out " +
              t.str("j1"))
          .exit_code == 0);
  BOOST_REQUIRE(
      run_cli("generate --preset handdrawn --count 40 --jobs 3 --formats coco,masks --out " +
              t.str("j3"))
          .exit_code == 0);
  require_identical_trees(t.path() / "j1", t.path() / "j3");
  BOOST_REQUIRE(run_cli("generate --preset " + t.str("j1/dataset.ini") + " --out " + t.str("again"))
                    .exit_code == 0);
  require_identical_trees(t.path() / "j1", t.path() / "again");
  const auto v = run_cli("verify " + t.str("j1"));
  BOOST_TEST(v.exit_code == 0, v.output);
}
