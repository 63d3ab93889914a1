#pragma once
// Private: the dataset plan, built once from a Config and shared by generate
// and verify. It alone knows how many rows there are, what each row's file
// is called and which split it belongs to, which layouts are on and what
// they need from the generator. Nothing else computes a file name of the
// primary images. The keys it needs come bound to their structs (RunSpec,
// ImageSpec, OutputSpec), none read by name.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/output_spec.hpp"
#include "dataset/split.hpp"
#include "params/run_spec.hpp"
#include "scene/scene_spec.hpp"
#include "shapegen/config.hpp"
#include "shapegen/generator.hpp"
#include "shapegen/keypoints.hpp"
#include "shapegen/shard.hpp"

namespace shapegen {

namespace layouts {
struct LayoutDecl;
}

struct PlanRow {
  std::uint64_t index = 0;  // row of the dataset
  std::uint64_t base = 0;   // the base sample it shows; its variants share its split
  std::string stem;         // "000042"
  std::string file;         // the primary image: "images/000042.png"
  std::string split;        // "train", "val" or "test"
};

class DatasetPlan {
 public:
  // Exact splits draw every base scene once here (no rendering), in every
  // shard alike, so each shard splits as the whole dataset does.
  // `jobs`: threads for that pre-pass.
  explicit DatasetPlan(const Config& config, const Shard& shard = {}, int jobs = 1);

  const OutputSpec& output() const { return output_; }
  // image.*: the frame and how PNG files are encoded.
  const ImageSpec& image() const { return image_; }
  // The layout table's rows this dataset has, the primary first, in the
  // order they are fed.
  const std::vector<const layouts::LayoutDecl*>& layouts() const { return layouts_; }
  // Makes rows with what the layouts need (masks keep per-object coverage).
  const Generator& generator() const { return generator_; }
  // One keypoint schema for every file that writes keypoints (COCO, YOLO pose).
  const KeypointSchema& keypoints() const { return keypoints_; }
  // The most objects a row may hold (objects.count's upper end).
  std::size_t max_objects() const { return max_objects_; }
  // Rows of the whole dataset: stems, ids and splits are those of the whole,
  // whatever the shard.
  std::uint64_t row_count() const { return rows_; }
  // The rows this folder holds: all of them, or the shard's.
  const Shard& shard() const { return shard_; }
  RowRange rows() const { return range_; }
  // The rows of any shard of this dataset.
  RowRange rows_of(const Shard& shard) const;
  PlanRow row(std::uint64_t index) const;
  // Rows of each split among rows [0, end) (a WebDataset shard needs to know
  // where its first tar starts); linear in the base samples before `end`.
  std::map<std::string, std::uint64_t> split_rows_before(std::uint64_t end) const;
  // The row whose stem is `stem`, if any ("000042" -> 42).
  std::optional<std::uint64_t> row_of_stem(std::string_view stem) const;
  // Splits with a non-zero fraction, in the order train, val, test.
  const std::vector<std::string>& splits() const { return splitter_.splits(); }
  // Rows per batch: workers fill a batch, sinks take it in index order. Big
  // frames get smaller batches: two batches are in flight (one made while
  // the other is written), about 512 MiB of pixels at most.
  std::uint64_t batch_size(int jobs) const;

  const std::string& description() const { return run_.description; }
  // The dataset.ini text of the whole dataset (a shard adds its record).
  const std::string& recipe() const { return recipe_; }

 private:
  OutputSpec output_;
  ImageSpec image_;
  RunSpec run_;
  std::vector<const layouts::LayoutDecl*> layouts_;
  Generator generator_;
  std::uint64_t rows_;
  int variants_;
  Shard shard_;
  RowRange range_;
  std::size_t stem_digits_;
  Splitter splitter_;
  std::string recipe_;
  KeypointSchema keypoints_;
  std::size_t max_objects_;
};

}  // namespace shapegen
