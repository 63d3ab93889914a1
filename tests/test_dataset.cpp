#define BOOST_TEST_MODULE dataset
// The dataset plan (rows, stems, splits, typed output settings, what the
// layouts need) and the folder output generate writes through.
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "dataset/feed.hpp"
#include "dataset/folder_output.hpp"
#include "dataset/plan.hpp"
#include "shapegen/error.hpp"
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
  // In the order the writer feeds them, whatever the order given.
  BOOST_TEST((o.layouts == std::vector<LayoutKind>{LayoutKind::coco, LayoutKind::masks}));
  BOOST_TEST(o.has(LayoutKind::masks));
  BOOST_TEST(!o.has(LayoutKind::yolo));
  BOOST_TEST((o.yolo_task == YoloTask::segment));
  BOOST_TEST((o.link == LinkMode::copy));
  BOOST_TEST(o.png_compression == 3);
  BOOST_TEST(o.split.exact);
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
  FolderOutput out(t.path(), t.path(), plan.output());
  BOOST_CHECK_EXCEPTION(out.write_text("labels/train/000000.txt", "0\n", TextCheck::lines), IoError,
                        names(t.str("labels")));
  BOOST_CHECK_EXCEPTION(out.write_image("labels/x.png", Image(2, 2, 1), ImageCheck::exact, 0),
                        IoError, names(t.str("labels")));
  std::ofstream(t.str("taken.png")) << "x";
  BOOST_CHECK_EXCEPTION(out.place_image("taken.png", "images/000000.png", Image(2, 2, 1)), IoError,
                        names(t.str("taken.png") + ": cannot create a symbolic link"));
  const DatasetPlan copying(test::preset_config("basic", {{"output.link", "copy"}}));
  FolderOutput copy(t.path(), t.path(), copying.output());
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
  FolderOutput out(t.path(), t.path(), plan.output());
  FeedOptions options;
  options.jobs = 3;
  BOOST_CHECK_EXCEPTION(feed_rows(plan, out, options), IoError, names(t.str("masks")));
}
