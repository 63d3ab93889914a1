#pragma once
// layer: dataset
// The rows of a dataset as `shapegen generate` writes them, kept in memory, for
// library users that feed samples straight into training (the Python module).
// Row i here is row i of the dataset folder: the same pixels as its PNG and,
// byte for byte, the same manifest.jsonl line.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "shapegen/config.hpp"
#include "shapegen/sample.hpp"

namespace shapegen {

class DatasetRows {
 public:
  // keep_masks: fill Sample::visible (each object's visible coverage), as the
  // masks layout does.
  explicit DatasetRows(const Config& config, bool keep_masks = false);

  std::uint64_t size() const;  // rows, variants included
  // Every row's image: image.width, image.height, and 1 (gray) or 3 (rgb) channels.
  struct Frame {
    int width = 0, height = 0, channels = 1;
  };
  Frame frame() const;
  Sample make(std::uint64_t row) const;
  // Makes rows first .. first+n-1 on `jobs` threads (the caller's included) and
  // calls done(k, sample) for row first+k on the thread that made it, so `done`
  // may only touch what belongs to k. Nothing made depends on `jobs`.
  void make_range(std::uint64_t first, std::uint64_t n, int jobs,
                  const std::function<void(std::uint64_t k, Sample& sample)>& done) const;

  // "images/<stem>.png", as in the manifest's "file".
  std::string file(std::uint64_t row) const;
  // "train", "val" or "test" (output.split) of the row's base sample.
  std::string split(const Sample& sample) const;
  // The splits with a non-zero fraction (output.split), in the order train,
  // val, test; with the default output.split, "train" alone.
  std::vector<std::string> splits() const;
  // Rows whose base sample is in `split` (the rows whose manifest line says
  // that split), ascending; empty for a split not in splits().
  std::vector<std::uint64_t> split_rows(const std::string& split) const;
  // classes.json's text: the label classes every loader numbers by.
  std::string class_table() const;
  // The manifest.jsonl line `generate` writes for this sample, without the newline.
  std::string manifest_line(const Sample& sample) const;
  // The masks layout's instance image (masks/instance/<stem>.png): 0 for
  // background, k + 1 where object k owns the pixel (the object showing the most
  // visible ink there). Needs keep_masks.
  static Image instance_mask(const Sample& sample);

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace shapegen
