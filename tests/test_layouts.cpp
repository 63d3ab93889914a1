#define BOOST_TEST_MODULE layouts
// The layout table: every row is whole, and a layout added as one row — a
// throw-away one that exists only in this test — is named by output.formats,
// written by generate, replaced by --overwrite, judged by verify, joined by
// merge and counted by the estimate without any of them naming it. Tool
// files a layout declares (Ultralytics' label caches beside YOLO's labels)
// are no damage.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <set>

#include "dataset/layouts/layout.hpp"
#include "dataset/plan.hpp"
#include "shapegen/catalog.hpp"
#include "shapegen/dataset.hpp"
#include "shapegen/error.hpp"
#include "shapegen/merge.hpp"
#include "shapegen/verify.hpp"
#include "store/estimate.hpp"
#include "test_support.hpp"

using namespace shapegen;
using namespace std::string_literals;
using test::read_text;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

// "tiny": per row tiny/<split>/<stem>.txt with the class of each object, a
// line per row in tiny/index.txt, and tiny/names.txt, the same in every shard.
class Tiny : public Sink {
 public:
  Tiny(const DatasetPlan& plan, FileOutput& out)
      : plan_(plan), out_(out), index_(out.open_text("tiny/index.txt", TextCheck::lines)) {}
  void add_files(const Sample& sample, const PlanRow& row) const override {
    std::string text;
    for (const ObjectLabel& l : sample.objects) text += class_name(label_class(l.object)) + "\n"s;
    out_.write_text("tiny/" + row.split + "/" + row.stem + ".txt", text, TextCheck::lines);
  }
  void add(const Sample& sample, const PlanRow& row) override {
    index_->write(row.stem + " " + std::to_string(sample.objects.size()) + "\n");
  }
  void finish() override {
    index_->close();
    std::string names;
    for (ShapeClass c : plan_.generator().label_classes()) names += class_name(c) + "\n"s;
    out_.write_text("tiny/names.txt", names, TextCheck::lines);
  }

 private:
  const DatasetPlan& plan_;
  FileOutput& out_;
  std::unique_ptr<TextOutput> index_;
};

layouts::LayoutDecl tiny_row() {
  using layouts::Join;
  return {
      .name = "tiny",
      .files = {{"tiny/{split}/{stem}.txt", Join::row},
                {"tiny/index.txt", Join::lines},
                {"tiny/names.txt", Join::same}},
      .row_bytes = [](const layouts::SampleCost&) { return 16.0; },
      .make = [](const DatasetPlan& plan, FileOutput& out) -> std::unique_ptr<Sink> {
        return std::make_unique<Tiny>(plan, out);
      },
  };
}

// output.formats takes its names when the catalog is built: the row is added
// before any test runs.
struct TinyLayout {
  layouts::ScopedLayoutRow row{tiny_row()};
};

Config recipe(const std::string& formats, const Assignments& more = {}) {
  Assignments overrides = {
      {"dataset.count", "8"}, {"output.formats", formats}, {"output.split", "train:0.5, val:0.5"}};
  overrides.insert(overrides.end(), more.begin(), more.end());
  return test::preset_config("detection", overrides);
}

void generate(const Config& config, const fs::path& out, Shard shard = {}, bool overwrite = false) {
  GenerateOptions options;
  options.out_dir = out.string();
  options.jobs = 2;
  options.shard = shard;
  options.overwrite = overwrite;
  generate_dataset(config, options);
}

VerifyReport verify(const fs::path& dir) {
  VerifyOptions options;
  options.jobs = 2;
  return verify_dataset(dir.string(), options);
}

bool has_problem(const VerifyReport& report, const std::string& part) {
  for (const std::string& p : report.problems)
    if (p.find(part) != std::string::npos) return true;
  return false;
}

// Every regular file below `dir`, relative, with its bytes.
std::map<std::string, std::string> files_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      out[fs::relative(e.path(), dir).generic_string()] = read_text(e.path());
  return out;
}

void merge(const std::vector<fs::path>& shards, const fs::path& out) {
  MergeOptions options;
  options.out_dir = out.string();
  for (const fs::path& s : shards) options.shards.push_back(s.string());
  merge_datasets(options);
}

std::size_t count_below(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) n += e.is_regular_file();
  return n;
}

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(TinyLayout);

BOOST_AUTO_TEST_CASE(every_row_is_whole) {
  std::set<std::string> names;
  BOOST_TEST(layouts::all().front().name == "primary");
  for (const layouts::LayoutDecl& d : layouts::all()) {
    BOOST_TEST_CONTEXT(d.name) {
      BOOST_TEST(names.insert(d.name).second);
      BOOST_TEST(!d.files.empty());
      BOOST_TEST(d.make != nullptr);
      BOOST_TEST(d.row_bytes != nullptr);
      // A row's files name its stem, and only they.
      for (const layouts::LayoutFile& f : d.files)
        BOOST_TEST(
            ((f.pattern.find("{stem}") != std::string::npos) == (f.join == layouts::Join::row)),
            f.pattern);
      if (d.named_in_formats) BOOST_TEST(d.switched_on != nullptr);
    }
  }
  BOOST_TEST((layouts::find("yolo")->tool_files ==
              std::vector<std::string>{"labels/{split}.cache", "labels/{split}.cache.npy"}));
  // Once the catalog is built, a row named in output.formats comes too late.
  BOOST_REQUIRE(find_option("output.formats"));
  BOOST_CHECK_THROW(layouts::ScopedLayoutRow late(tiny_row()), std::logic_error);
}

BOOST_AUTO_TEST_CASE(output_formats_names_a_layout_added_as_one_row) {
  BOOST_TEST(find_option("output.formats")->names.back() == "tiny");
  const DatasetPlan plan(recipe("coco, tiny"));
  std::vector<std::string> on;
  for (const layouts::LayoutDecl* d : plan.layouts()) on.push_back(d->name);
  BOOST_TEST(on == (std::vector<std::string>{"primary", "coco", "tiny"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(generate_writes_it_and_overwrite_replaces_it) {
  TempDir t;
  const fs::path ds = t.path() / "ds";
  generate(recipe("tiny"), ds);
  std::size_t rows = 0;
  for (const char* split : {"train", "val"}) rows += count_below(ds / "tiny" / split);
  BOOST_TEST(rows == 8u);
  BOOST_TEST(read_text(ds / "tiny/index.txt").substr(0, 7) == "000000 ");
  BOOST_TEST(read_text(ds / "tiny/names.txt") == "triangle\ncircle\nsquare\n");
  // Its files are the dataset's: --overwrite replaces them; a file of
  // nobody's beside them is refused.
  generate(recipe("tiny"), ds, {}, true);
  std::ofstream(ds / "tiny/notes.md") << "mine";
  BOOST_CHECK_EXCEPTION(generate(recipe("tiny"), ds, {}, true), IoError, [](const IoError& e) {
    return std::string(e.what()).find("(tiny/notes.md)") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(verify_passes_it_and_finds_damage_in_it) {
  TempDir t;
  const fs::path ds = t.path() / "ds";
  generate(recipe("tiny"), ds);
  VerifyReport report = verify(ds);
  BOOST_TEST(report.ok(), report.summary("verify"));
  const fs::path row = ds / "tiny" / DatasetPlan(recipe("tiny")).row(3).split / "000003.txt";
  const std::string kept = read_text(row);
  std::ofstream(row) << "hexagon\n";
  report = verify(ds);
  BOOST_TEST(has_problem(report, fs::relative(row, ds).string() + ": differs from line 1"),
             report.summary("verify"));
  std::ofstream(row) << kept;
  const std::string index = read_text(ds / "tiny/index.txt");
  std::ofstream(ds / "tiny/index.txt", std::ios::app) << "000008 1\n";
  BOOST_TEST(has_problem(verify(ds), "tiny/index.txt"));
  std::ofstream(ds / "tiny/index.txt") << index;
  BOOST_TEST(verify(ds).ok());
  std::ofstream(ds / "tiny/stray.txt") << "x";
  BOOST_TEST(has_problem(verify(ds), "tiny/stray.txt: extra file"));
}

BOOST_AUTO_TEST_CASE(merge_joins_it_into_one_runs_bytes) {
  TempDir t;
  const Config config = recipe("tiny, masks");
  generate(config, t.path() / "whole");
  std::vector<fs::path> shards;
  for (std::uint64_t i = 0; i < 3; ++i) {
    shards.push_back(t.path() / ("s" + std::to_string(i)));
    generate(config, shards.back(), Shard{i, 3});
  }
  // Each shard holds its rows' part of the joined file, and all of the same one.
  BOOST_TEST(read_text(shards[1] / "tiny/index.txt") !=
             read_text(t.path() / "whole/tiny/index.txt"));
  BOOST_TEST(read_text(shards[1] / "tiny/names.txt") ==
             read_text(t.path() / "whole/tiny/names.txt"));
  merge(shards, t.path() / "merged");
  BOOST_TEST((files_of(t.path() / "merged") == files_of(t.path() / "whole")));
}

BOOST_AUTO_TEST_CASE(the_estimate_counts_its_share) {
  // Over 100 000 rows: a large run, estimated from one sample.
  const DatasetPlan with(recipe("tiny", {{"dataset.count", "200000"}}));
  const DatasetPlan without(recipe("", {{"dataset.count", "200000"}}));
  const auto a = estimate_run(with, with.rows().size(), 1);
  const auto b = estimate_run(without, without.rows().size(), 1);
  BOOST_REQUIRE((a && b));
  BOOST_TEST(a->bytes_per_row - b->bytes_per_row == 16.0);
}

BOOST_AUTO_TEST_CASE(yolo_label_caches_are_tool_files) {
  TempDir t;
  const Config config = recipe("yolo");
  const fs::path ds = t.path() / "ds";
  generate(config, ds);
  // Ultralytics reads labels/train/ and caches what it read beside it.
  std::ofstream(ds / "labels/train.cache") << "cache";
  std::ofstream(ds / "labels/val.cache.npy") << "cache being written";
  VerifyReport report = verify(ds);
  BOOST_TEST(report.ok(), report.summary("verify"));
  // A stray file of another name is still extra.
  std::ofstream(ds / "labels/train.cache.old") << "x";
  report = verify(ds);
  BOOST_TEST(!report.ok());
  BOOST_TEST(has_problem(report, "labels/train.cache.old: extra file"));
  fs::remove(ds / "labels/train.cache.old");
  // --overwrite replaces the caches with the dataset.
  generate(config, ds, {}, true);
  BOOST_TEST(!fs::exists(ds / "labels/train.cache"));

  // Shards with caches merge, and the merged dataset has none (a cache
  // holds its folder's labels: Ultralytics makes it again).
  std::vector<fs::path> shards;
  for (std::uint64_t i = 0; i < 2; ++i) {
    shards.push_back(t.path() / ("s" + std::to_string(i)));
    generate(config, shards.back(), Shard{i, 2});
    std::ofstream(shards.back() / "labels/train.cache") << "cache of shard " << i;
  }
  merge(shards, t.path() / "merged");
  BOOST_TEST(!fs::exists(t.path() / "merged/labels/train.cache"));
  BOOST_TEST(verify(t.path() / "merged").ok());
}
