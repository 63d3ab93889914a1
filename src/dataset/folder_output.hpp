#pragma once
// Private: the FileOutput of generate: files go into a folder (the staging
// folder), images linked or copied as output.link says. Every filesystem
// failure is an IoError naming the path.
#include "dataset/output.hpp"
#include "dataset/plan.hpp"

namespace shapegen {

class FolderOutput : public FileOutput {
 public:
  // `location`: the absolute folder the dataset will end up in, for files
  // that name it (YOLO's data.yaml).
  FolderOutput(std::filesystem::path dir, std::filesystem::path location, const OutputSpec& spec);

  std::unique_ptr<TextOutput> open_text(const std::string& file, TextCheck check) override;
  void write_image(const std::string& file, const Image& image, ImageCheck check,
                   std::uint64_t row) override;
  void place_image(const std::string& file, const std::string& primary,
                   const Image& image) override;
  std::filesystem::path scratch_path(const std::string& name) override;

 private:
  // dir / file, with its folder created.
  std::filesystem::path prepare(const std::string& file) const;

  std::filesystem::path dir_, location_;
  LinkMode link_;
  PngEncoder png_encoder_;
  int png_level_;
};

}  // namespace shapegen
