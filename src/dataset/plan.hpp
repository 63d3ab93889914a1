#pragma once
// Private: the dataset plan, built once from a Config and shared by generate
// and verify. It alone knows how many rows there are, what each row's file
// is called and which split it belongs to, which layouts are on and what
// they need from the generator. Nothing else computes a file name of the
// primary images.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/split.hpp"
#include "shapegen/config.hpp"
#include "shapegen/generator.hpp"
#include "shapegen/png.hpp"

namespace shapegen {

enum class LayoutKind { imagefolder, coco, yolo, masks };
enum class YoloTask { detect, segment };
enum class LinkMode { hardlink, symlink, copy };

// The [output] keys and the PNG encoder and level, parsed once.
struct OutputSpec {
  std::vector<LayoutKind> layouts;  // in the order they are fed
  SplitSpec split;
  YoloTask yolo_task = YoloTask::detect;
  LinkMode link = LinkMode::hardlink;
  PngEncoder png_encoder = PngEncoder::libdeflate;
  int png_compression = 1;
  bool has(LayoutKind kind) const;
};

struct PlanRow {
  std::uint64_t index = 0;  // row of the dataset
  std::uint64_t base = 0;   // the base sample it shows; its variants share its split
  std::string stem;         // "000042"
  std::string file;         // the primary image: "images/000042.png"
  std::string split;        // "train", "val" or "test"
};

class DatasetPlan {
 public:
  // Exact splits draw every base scene once here (no rendering).
  explicit DatasetPlan(const Config& config);

  const OutputSpec& output() const { return output_; }
  // Makes rows with what the layouts need (masks keep per-object coverage).
  const Generator& generator() const { return generator_; }
  std::uint64_t row_count() const { return rows_; }
  PlanRow row(std::uint64_t index) const;
  // The row whose stem is `stem`, if any ("000042" -> 42).
  std::optional<std::uint64_t> row_of_stem(std::string_view stem) const;
  // Splits with a non-zero fraction, in the order train, val, test.
  const std::vector<std::string>& splits() const { return splitter_.splits(); }
  // Rows per batch: workers fill a batch, sinks take it in index order. Big
  // frames get smaller batches (about 512 MiB of pixels in flight at most).
  std::uint64_t batch_size(int jobs) const;

  const std::string& description() const { return description_; }
  const std::string& recipe() const { return recipe_; }  // dataset.ini text

 private:
  OutputSpec output_;
  Generator generator_;
  std::uint64_t rows_;
  int variants_;
  std::size_t stem_digits_;
  Splitter splitter_;
  std::uint64_t frame_bytes_;
  std::string description_;
  std::string recipe_;
};

}  // namespace shapegen
