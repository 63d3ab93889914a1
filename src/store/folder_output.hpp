#pragma once
// Private: the FileOutput of generate: files go into a folder (the staging
// folder), images linked or copied as output.link says. Every filesystem
// failure is an IoError naming the path.
#include <atomic>
#include <map>
#include <mutex>

#include "dataset/output.hpp"
#include "dataset/plan.hpp"
#include "store/checkpoint.hpp"

namespace shapegen {

class FileText;

class FolderOutput : public FileOutput {
 public:
  // `location`: the absolute folder the dataset will end up in, for files
  // that name it (YOLO's data.yaml). `resume`: the checkpoint of the
  // interrupted run whose folder `dir` is; its streamed files are cut back
  // to their recorded lengths and continued.
  FolderOutput(std::filesystem::path dir, std::filesystem::path location, const DatasetPlan& plan,
               const Checkpoint* resume = nullptr);

  std::unique_ptr<TextOutput> open_text(const std::string& file, TextCheck check) override;
  void write_image(const std::string& file, const Image& image, ImageCheck check,
                   std::uint64_t row) override;
  void place_image(const std::string& file, const std::string& primary,
                   const Image& image) override;
  std::filesystem::path scratch_path(const std::string& name) override;
  FileCensus census() const override;
  bool resuming() const override { return !resumed_.empty(); }

  // Rows start: until now, what sinks write into continued files (their
  // headers) is already there and is dropped.
  void begin_rows();
  // Flushes every open text file; their names and lengths, for a checkpoint.
  std::map<std::string, std::uint64_t> flush_open();

 private:
  // dir / file, with its folder created.
  std::filesystem::path prepare(const std::string& file) const;
  // Creates `folder` and its parents (no error when it exists).
  void make_folder(const std::filesystem::path& folder) const;
  // Links or copies `from` to `at` as output.link says.
  void place(const std::filesystem::path& from, const std::filesystem::path& at) const;

  std::filesystem::path dir_, location_;
  LinkMode link_;
  PngEncoder png_encoder_;
  int png_level_;
  std::atomic<std::uint64_t> files_{0}, bytes_{0};  // the census, from worker threads
  std::map<std::string, std::uint64_t> resumed_;    // continued files -> recorded length
  std::mutex open_lock_;
  std::map<std::string, FileText*> open_;  // open text files, for checkpoints
  friend class FileText;
};

}  // namespace shapegen
