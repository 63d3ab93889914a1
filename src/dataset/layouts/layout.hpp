#pragma once
// Private: the dataset layouts written beside the manifest (ImageFolder,
// COCO, YOLO, masks). Each gets every row in index order and writes its own
// files into the staging folder; the manifest stays the source of truth and
// every layout points at (or links to) the primary image.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "shapegen/config.hpp"
#include "shapegen/sample.hpp"

namespace shapegen::layouts {

struct Context {
  std::filesystem::path dir;        // the staging folder, renamed to final_dir at the end
  std::filesystem::path final_dir;  // absolute, for files that must name it (data.yaml)
  const Config& config;
  std::vector<std::string> splits;  // splits with a non-zero fraction
  std::string recipe;               // the resolved preset (dataset.ini)
};

struct Row {
  std::string stem;   // "000042"
  std::string file;   // primary image, relative to the dataset: "images/000042.png"
  std::string split;  // "train", "val" or "test"
};

class Layout {
 public:
  virtual ~Layout() = default;
  virtual void add(const Sample& sample, const Row& row) = 0;
  virtual void finish() {}
};

std::unique_ptr<Layout> imagefolder(const Context& context);
std::unique_ptr<Layout> coco(const Context& context);
std::unique_ptr<Layout> yolo(const Context& context);
std::unique_ptr<Layout> masks(const Context& context);

// Puts the primary image at `at` as a hard link (falling back to a copy), a
// relative symbolic link, or a copy.
void place_image(const Context& context, const std::string& file, const std::filesystem::path& at);

// COCO category / YOLO class of a shape: 1-based and 0-based ids in the
// order triangle, circle, square.
int class_index(ShapeClass c);

}  // namespace shapegen::layouts
