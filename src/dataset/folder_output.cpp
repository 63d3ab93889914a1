#include "dataset/folder_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

#include "shapegen/error.hpp"
#include "shapegen/png.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

class FileText : public TextOutput {
 public:
  FileText(fs::path path, const fs::path& location) : path_(std::move(path)), location_(location) {
    out_.open(path_, std::ios::binary | std::ios::trunc);
    if (!out_) throw IoError(path_.string() + ": cannot be written");
  }
  void write(std::string_view text) override {
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
  }
  void write_location(std::string_view prefix) override {
    out_ << prefix << location_.string() << "\n";
  }
  void close() override {
    out_.close();
    if (!out_) throw IoError(path_.string() + ": write failed (disk full?)");
  }

 private:
  fs::path path_;
  const fs::path& location_;
  std::ofstream out_;
};

// Writes a whole file in place: the staging folder is renamed into place
// only when complete, so a temporary name and a rename per file would buy
// nothing. Returns errno, 0 on success.
int write_whole_file(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return errno;
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : EIO;
      ::close(fd);
      return error;
    }
    done += std::size_t(n);
  }
  return ::close(fd) == 0 ? 0 : errno;
}

}  // namespace

FolderOutput::FolderOutput(fs::path dir, fs::path location, const OutputSpec& spec)
    : dir_(std::move(dir)),
      location_(std::move(location)),
      link_(spec.link),
      png_encoder_(spec.png_encoder),
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
  return std::make_unique<FileText>(prepare(file), location_);
}

void FolderOutput::write_image(const std::string& file, const Image& image, ImageCheck,
                               std::uint64_t) {
  const std::vector<std::uint8_t> bytes = encode_png(image, png_encoder_, png_level_);
  fs::path path = dir_ / file;
  int error = write_whole_file(path, bytes);
  if (error == ENOENT) error = write_whole_file(prepare(file), bytes);  // its folder, made once
  if (error)
    throw IoError(path.string() + ": cannot be written (" +
                  std::error_code(error, std::generic_category()).message() + ")");
}

void FolderOutput::place_image(const std::string& file, const std::string& primary, const Image&) {
  const fs::path from = dir_ / primary;
  std::error_code ec;
  if (link_ == LinkMode::hardlink) {
    const fs::path at = dir_ / file;
    fs::create_hard_link(from, at, ec);
    if (ec == std::errc::no_such_file_or_directory) {  // its folder, made once
      ec.clear();
      fs::create_hard_link(from, prepare(file), ec);
    }
    if (!ec) return;
    ec.clear();  // e.g. a filesystem without hard links: copy instead
  }
  const fs::path at = prepare(file);
  if (link_ == LinkMode::symlink) {
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

}  // namespace shapegen
