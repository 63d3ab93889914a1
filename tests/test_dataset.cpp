#define BOOST_TEST_MODULE dataset
// The dataset plan (rows, stems, splits, typed output settings, what the
// layouts need) and the folder output generate writes through.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <functional>
#include <map>

#include "dataset/feed.hpp"
#include "dataset/layouts/layout.hpp"
#include "dataset/plan.hpp"
#include "shapegen/error.hpp"
#include "shapegen/png.hpp"
#include "store/folder_output.hpp"
#include "test_support.hpp"

using namespace shapegen;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

// An IoError whose message names `path`.
auto names(const std::string& path) {
  return [path](const IoError& e) {
    BOOST_TEST_MESSAGE(e.what());
    return std::string(e.what()).find(path) != std::string::npos;
  };
}

// Decodes a PNG file; IoError when it is missing, cut short or corrupt.
Image decode_file(const fs::path& path) {
  const std::string bytes = test::read_text(path);
  return decode_png({bytes.begin(), bytes.end()}, path.string());
}

}  // namespace

BOOST_AUTO_TEST_CASE(rows_have_one_stem_file_base_and_split) {
  const DatasetPlan plan(test::preset_config(
      "basic",
      {{"dataset.count", "3"}, {"dataset.variants", "2"}, {"output.split", "train:1, val:1"}}));
  BOOST_TEST(plan.row_count() == 9u);
  const PlanRow r = plan.row(4);
  BOOST_TEST(r.index == 4u);
  BOOST_TEST(r.base == 1u);
  BOOST_TEST(r.stem == "000004");
  BOOST_TEST(r.file == "images/000004.png");
  BOOST_TEST(plan.splits() == (std::vector<std::string>{"train", "val"}));
  for (std::uint64_t i = 0; i < 9; ++i) BOOST_TEST(plan.row(i).split == plan.row(i / 3 * 3).split);
  BOOST_TEST(*plan.row_of_stem("000004") == 4u);
  for (const char* stem : {"4", "0000004", "000009", "00000a", "", "-00001"})
    BOOST_TEST(!plan.row_of_stem(stem), stem);
  // Stems grow past six digits only when the last row needs it.
  const DatasetPlan big(test::preset_config("basic", {{"dataset.count", "1000001"}}));
  BOOST_TEST(big.row(42).stem == "0000042");
  BOOST_TEST(*big.row_of_stem("1000000") == 1000000u);
}

BOOST_AUTO_TEST_CASE(output_settings_are_parsed_once_into_types) {
  const DatasetPlan plan(test::preset_config("basic", {{"output.formats", "masks, coco"},
                                                       {"output.yolo_task", "segment"},
                                                       {"output.link", "copy"},
                                                       {"image.png_compression", "3"},
                                                       {"output.split_mode", "exact"}}));
  const OutputSpec& o = plan.output();
  // The layout table's rows, the primary first, in the order the writer
  // feeds them, whatever the order given.
  std::vector<std::string> names;
  for (const layouts::LayoutDecl* d : plan.layouts()) names.push_back(d->name);
  BOOST_TEST(names == (std::vector<std::string>{"primary", "coco", "masks"}),
             boost::test_tools::per_element());
  BOOST_TEST((o.yolo_task == YoloTask::segment));
  BOOST_TEST((o.link == LinkMode::copy));
  BOOST_TEST((o.split_mode == SplitMode::exact));
  BOOST_TEST(plan.image().png_compression == 3);
  // WebDataset is switched on by its tar size, not by a name.
  const DatasetPlan tars(test::preset_config("basic", {{"output.webdataset_samples", "5"}}));
  BOOST_TEST(tars.layouts().back()->name == "webdataset");
  BOOST_TEST(tars.output().webdataset_samples == 5u);
}

BOOST_AUTO_TEST_CASE(the_generator_keeps_masks_only_when_a_layout_needs_them) {
  const DatasetPlan with(test::preset_config("basic", {{"output.formats", "masks"}}));
  const DatasetPlan without(
      test::preset_config("basic", {{"output.formats", "coco,yolo,imagefolder"}}));
  BOOST_TEST(with.generator().make_row(0).visible.size() == 1u);
  BOOST_TEST(without.generator().make_row(0).visible.empty());
}

BOOST_AUTO_TEST_CASE(filesystem_failures_are_io_errors_naming_the_path) {
  TempDir t;
  std::ofstream(t.str("labels")) << "a file where a folder must go";
  const DatasetPlan plan(test::preset_config("basic", {{"output.link", "symlink"}}));
  FolderOutput out(t.path(), t.path(), plan);
  BOOST_CHECK_EXCEPTION(out.write_text("labels/train/000000.txt", "0\n", TextCheck::lines), IoError,
                        names(t.str("labels")));
  BOOST_CHECK_EXCEPTION(out.write_image("labels/x.png", Image(2, 2, 1), ImageCheck::exact, 0),
                        IoError, names(t.str("labels")));
  std::ofstream(t.str("taken.png")) << "x";
  BOOST_CHECK_EXCEPTION(out.place_image("taken.png", "images/000000.png", Image(2, 2, 1)), IoError,
                        names(t.str("taken.png") + ": cannot create a symbolic link"));
  const DatasetPlan copying(test::preset_config("basic", {{"output.link", "copy"}}));
  FolderOutput copy(t.path(), t.path(), copying);
  BOOST_CHECK_EXCEPTION(
      copy.place_image("train/circle/000000.png", "images/none.png", Image(2, 2, 1)), IoError,
      names(t.str("train/circle/000000.png") + ": cannot be written"));
}

BOOST_AUTO_TEST_CASE(a_failure_on_a_worker_thread_reaches_the_caller) {
  // Masks are written by workers; the error must come back as an IoError,
  // not end the program.
  TempDir t;
  std::ofstream(t.str("masks")) << "a file where a folder must go";
  const DatasetPlan plan(
      test::preset_config("basic", {{"dataset.count", "8"}, {"output.formats", "masks"}}));
  FolderOutput out(t.path(), t.path(), plan);
  FeedOptions options;
  options.jobs = 3;
  BOOST_CHECK_EXCEPTION(feed_rows(plan, out, options), IoError, names(t.str("masks")));
}

// Two batches are in flight (workers make batch k + 1 and write its rows'
// own files while batch k goes to the sinks), yet a checkpoint at `done`
// must record exactly the rows before it: the census, the streamed files
// open and their lengths, each sink's state; and every hook must find all
// files of the rows before `done` complete. The reference takes a
// checkpoint after every batch (nothing then overlaps one); the run under
// test after every other batch, with the pool free to run ahead between.
BOOST_AUTO_TEST_CASE(checkpoints_record_exactly_the_rows_before_them_while_batches_overlap) {
  const Config config =
      test::preset_config("basic", {{"dataset.count", "600"},
                                    {"output.formats", "coco,yolo,masks,imagefolder"},
                                    {"output.split", "train:1, val:1"},
                                    {"output.webdataset_samples", "40"}});
  struct Seen {
    FileCensus census;
    std::map<std::string, std::uint64_t> files;
    std::vector<std::string> states;
    bool operator==(const Seen&) const = default;
  };
  for (const Shard shard : {Shard{}, Shard{1, 3}}) {
    auto run = [&](bool every_batch) {
      TempDir t;
      const int jobs = 3;
      const DatasetPlan plan(config, shard, jobs);
      FolderOutput out(t.path(), t.path(), plan);
      std::map<std::uint64_t, Seen> seen;
      int batches = 0;
      FeedOptions options;
      options.jobs = jobs;
      options.checkpoint_due = [&] { return every_batch || ++batches % 2 == 0; };
      options.checkpoint = [&](std::uint64_t done,
                               const std::function<std::vector<std::string>()>& states) {
        seen[done] = {out.census(), out.flush_open(), states()};
      };
      std::uint64_t last = 0;
      options.between_batches = [&](std::uint64_t done, std::uint64_t total) {
        BOOST_TEST(done >= last);
        BOOST_TEST(total == plan.rows().size());
        last = done;
        for (std::uint64_t k = 0; k < done; k += 7) {  // every file of rows before it is whole
          const PlanRow row = plan.row(plan.rows().first + k);
          decode_file(t.path() / row.file);
          decode_file(t.path() / ("masks/instance/" + row.stem + ".png"));
          BOOST_TEST(fs::exists(t.path() / ("labels/" + row.split + "/" + row.stem + ".txt")));
        }
      };
      feed_rows(plan, out, options);
      BOOST_TEST(last == plan.rows().size());
      return seen;
    };
    const auto reference = run(true), overlapped = run(false);
    BOOST_TEST(overlapped.size() >= 2u);
    for (const auto& [done, what] : overlapped) {
      BOOST_TEST_CONTEXT("shard " << shard.index << "/" << shard.count << ", rows " << done) {
        BOOST_REQUIRE(reference.count(done));
        BOOST_TEST(what.census.files == reference.at(done).census.files);
        BOOST_TEST(what.census.bytes == reference.at(done).census.bytes);
        BOOST_TEST((what.files == reference.at(done).files));
        BOOST_TEST((what.states == reference.at(done).states));
      }
    }
  }
}
