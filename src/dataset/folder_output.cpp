#include "dataset/folder_output.hpp"

#include <fstream>
#include <functional>

#include "shapegen/error.hpp"
#include "shapegen/png.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

class FileText : public TextOutput {
 public:
  // `counted`: what the file adds to the census, on close.
  FileText(fs::path path, const fs::path& location, std::function<void(std::uint64_t)> counted)
      : path_(std::move(path)), location_(location), counted_(std::move(counted)) {
    out_.open(path_, std::ios::binary | std::ios::trunc);
    if (!out_) throw IoError(path_.string() + ": cannot be written");
  }
  void write(std::string_view text) override {
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    bytes_ += text.size();
  }
  void write_location(std::string_view prefix) override {
    out_ << prefix << location_.string() << "\n";
    names_folder_ = true;
  }
  void close() override {
    out_.close();
    if (!out_) throw IoError(path_.string() + ": write failed (disk full?)");
    if (!names_folder_) counted_(bytes_);
  }

 private:
  fs::path path_;
  const fs::path& location_;
  std::function<void(std::uint64_t)> counted_;
  std::ofstream out_;
  std::uint64_t bytes_ = 0;
  bool names_folder_ = false;
};

}  // namespace

FolderOutput::FolderOutput(fs::path dir, fs::path location, const OutputSpec& spec)
    : dir_(std::move(dir)),
      location_(std::move(location)),
      link_(spec.link),
      png_level_(spec.png_compression) {}

fs::path FolderOutput::prepare(const std::string& file) const {
  fs::path path = dir_ / file;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);  // safe when workers race for one folder
  if (ec)
    throw IoError(path.parent_path().string() + ": cannot create the folder (" + ec.message() +
                  ")");
  return path;
}

std::unique_ptr<TextOutput> FolderOutput::open_text(const std::string& file, TextCheck) {
  return std::make_unique<FileText>(prepare(file), location_, [this](std::uint64_t bytes) {
    ++files_;
    bytes_ += bytes;
  });
}

void FolderOutput::write_image(const std::string& file, const Image& image, ImageCheck,
                               std::uint64_t) {
  const auto png = encode_png(image, png_level_);
  write_file_atomic(prepare(file).string(), png.data(), png.size());
  ++files_;
  bytes_ += png.size();
}

void FolderOutput::place_image(const std::string& file, const std::string& primary, const Image&) {
  const fs::path at = prepare(file);
  const fs::path from = dir_ / primary;
  place(from, at);
  std::error_code ec;
  const std::uint64_t size = fs::file_size(at, ec);  // a link counts as what it points to
  if (ec) throw IoError(at.string() + ": cannot be read (" + ec.message() + ")");
  ++files_;
  bytes_ += size;
}

void FolderOutput::place(const fs::path& from, const fs::path& at) const {
  std::error_code ec;
  if (link_ == LinkMode::hardlink) {
    fs::create_hard_link(from, at, ec);
    if (!ec) return;
    ec.clear();  // e.g. a filesystem without hard links: copy instead
  } else if (link_ == LinkMode::symlink) {
    // Relative, so it survives the staging folder's rename.
    const fs::path target = fs::relative(from, at.parent_path(), ec);
    if (!ec) fs::create_symlink(target, at, ec);
    if (!ec) return;
    throw IoError(at.string() + ": cannot create a symbolic link (" + ec.message() + ")");
  }
  fs::copy_file(from, at, fs::copy_options::overwrite_existing, ec);
  if (ec) throw IoError(at.string() + ": cannot be written (" + ec.message() + ")");
}

fs::path FolderOutput::scratch_path(const std::string& name) { return prepare(name); }

FileCensus FolderOutput::census() const { return {files_.load(), bytes_.load()}; }

}  // namespace shapegen
