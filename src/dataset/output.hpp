#pragma once
// Private: where the sinks put a dataset's files. generate writes them into
// the staging folder (FolderOutput); verify hands the same sinks a comparer
// that checks each file against the dataset on disk instead. Sinks never
// learn which one they talk to. File names are relative to the dataset
// folder, with '/'.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "shapegen/image.hpp"

namespace shapegen {

// How a comparer judges a text file.
enum class TextCheck {
  lines,  // the first differing line: "<file>: differs from line N"
  table,  // the same, worded "<file>: line N differs" (labels.csv's wording)
  rows,   // line k is the record of row k (manifest.jsonl): each differing line
          // is reported with its first differing field and fails row k
  input,  // the recipe verify itself reads (dataset.ini): present, not compared
  tar,    // a tar of rows' members (WebDataset): members in order, PNG members by pixels
          // within the tolerance (they fail their row), the others byte for byte
  bytes,  // a binary file appended row by row (the array layout's .npy): byte for byte,
          // whatever the tolerance: "<file>: differs from byte N" (0-based), or its length
};

// How a comparer judges an image.
enum class ImageCheck {
  sample,  // a row's own image: within the tolerance; a difference fails the row
  exact,   // a label image (masks): identical pixels whatever the tolerance
};

// Files and bytes an output wrote, but for files naming the folder (their
// size depends on where the dataset lives): a shard records them so merge can
// tell a whole shard from a damaged one.
struct FileCensus {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
  bool operator==(const FileCensus&) const = default;
};

class TextOutput {
 public:
  virtual ~TextOutput() = default;
  virtual void write(std::string_view text) = 0;
  // A whole line naming the folder the dataset lives in (YOLO's "path:
  // /abs/ds"). It changes when the dataset moves, so a comparer accepts any
  // line there that starts with `prefix`.
  virtual void write_location(std::string_view prefix) = 0;
  // Throws IoError naming the file when it could not be written.
  virtual void close() = 0;
};

// Called from worker threads for distinct files, while the main thread
// writes the text files spanning rows; implementations are thread-safe for
// that.
class FileOutput {
 public:
  virtual ~FileOutput() = default;
  virtual std::unique_ptr<TextOutput> open_text(const std::string& file, TextCheck check) = 0;
  // `row`: the dataset row the image belongs to.
  virtual void write_image(const std::string& file, const Image& image, ImageCheck check,
                           std::uint64_t row) = 0;
  // Puts the already written image `primary` at `file` too (a link or a copy,
  // as output.link says); `image` is its pixels, for a comparer. Judged
  // within the tolerance.
  virtual void place_image(const std::string& file, const std::string& primary,
                           const Image& image) = 0;
  // A file for intermediate data that is no part of the dataset (COCO's
  // annotation side files); its folder exists. The caller removes it.
  virtual std::filesystem::path scratch_path(const std::string& name) = 0;
  // What was written so far (a comparer writes nothing).
  virtual FileCensus census() const { return {}; }
  // True when continuing an interrupted run: side files (scratch) already
  // hold what the checkpoint counts on and must not be truncated.
  virtual bool resuming() const { return false; }

  void write_text(const std::string& file, std::string_view text, TextCheck check) {
    auto out = open_text(file, check);
    out->write(text);
    out->close();
  }
};

}  // namespace shapegen
