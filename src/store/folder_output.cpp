#include "store/folder_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <functional>
#include <optional>

#include "shapegen/error.hpp"
#include "shapegen/png.hpp"
#include "store/staging.hpp"

namespace fs = std::filesystem;

namespace shapegen {

class FileText : public TextOutput {
 public:
  // `resume_at`: continue a file of an interrupted run, cut back to that
  // length (dropping writes until rows begin); none: a new file.
  FileText(FolderOutput& owner, std::string name, fs::path path,
           std::optional<std::uint64_t> resume_at)
      : owner_(owner), name_(std::move(name)), path_(std::move(path)) {
    if (resume_at) {
      std::error_code ec;
      const std::uintmax_t size = fs::file_size(path_, ec);
      if (ec || size < *resume_at)
        throw IoError(path_.string() +
                      ": shorter than the checkpoint of the interrupted run records; discard the "
                      "run with --overwrite");
      fs::resize_file(path_, *resume_at, ec);
      if (ec) throw IoError(path_.string() + ": cannot be cut back (" + ec.message() + ")");
      out_.open(path_, std::ios::binary | std::ios::in | std::ios::out);
      out_.seekp(0, std::ios::end);
      bytes_ = *resume_at;
      dropping_ = true;
    } else {
      out_.open(path_, std::ios::out | std::ios::binary | std::ios::trunc);
    }
    if (!out_) throw IoError(path_.string() + ": cannot be written");
    std::lock_guard<std::mutex> guard(owner_.open_lock_);
    owner_.open_[name_] = this;
  }
  ~FileText() override { forget(); }
  void write(std::string_view text) override {
    if (dropping_) return;
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    bytes_ += text.size();
  }
  void write_location(std::string_view prefix) override {
    out_ << prefix << owner_.location_.string() << "\n";
    names_folder_ = true;
  }
  void close() override {
    forget();
    out_.close();
    if (!out_) throw IoError(path_.string() + ": write failed (disk full?)");
    if (!names_folder_) {
      ++owner_.files_;
      owner_.bytes_ += bytes_;
    }
  }
  void begin_rows() { dropping_ = false; }
  std::uint64_t flush() {
    out_.flush();
    if (!out_) throw IoError(path_.string() + ": write failed (disk full?)");
    return bytes_;
  }

 private:
  void forget() {
    std::lock_guard<std::mutex> guard(owner_.open_lock_);
    auto it = owner_.open_.find(name_);
    if (it != owner_.open_.end() && it->second == this) owner_.open_.erase(it);
  }

  FolderOutput& owner_;
  std::string name_;
  fs::path path_;
  std::fstream out_;
  std::uint64_t bytes_ = 0;
  bool names_folder_ = false;
  bool dropping_ = false;
};

namespace {

// Writes a whole file in place: the staging folder is renamed into place
// only when complete, so a temporary name and a rename per file would buy
// nothing. A file cut short by a crash belongs to a row after the last
// checkpoint, which --resume writes again (O_TRUNC). Returns errno, 0 on
// success.
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

FolderOutput::FolderOutput(fs::path dir, fs::path location, const DatasetPlan& plan,
                           const Checkpoint* resume)
    : dir_(std::move(dir)),
      location_(std::move(location)),
      link_(plan.output().link),
      png_encoder_(plan.image().png_encoder),
      png_level_(plan.image().png_compression) {
  if (!resume) return;
  files_ = resume->census.files;
  bytes_ = resume->census.bytes;
  resumed_ = resume->files;
}

void FolderOutput::begin_rows() {
  std::lock_guard<std::mutex> guard(open_lock_);
  for (auto& [name, text] : open_) text->begin_rows();
}

std::map<std::string, std::uint64_t> FolderOutput::flush_open() {
  std::lock_guard<std::mutex> guard(open_lock_);
  std::map<std::string, std::uint64_t> lengths;
  for (auto& [name, text] : open_) lengths[name] = text->flush();
  return lengths;
}

fs::path FolderOutput::prepare(const std::string& file) const {
  fs::path path = dir_ / file;
  make_folder(path.parent_path());
  return path;
}

std::unique_ptr<TextOutput> FolderOutput::open_text(const std::string& file, TextCheck) {
  std::optional<std::uint64_t> resume_at;
  if (auto it = resumed_.find(file); it != resumed_.end()) resume_at = it->second;
  return std::make_unique<FileText>(*this, file, prepare(file), resume_at);
}

void FolderOutput::write_image(const std::string& file, const Image& image, ImageCheck,
                               std::uint64_t) {
  const std::vector<std::uint8_t> bytes = encode_png(image, png_encoder_, png_level_);
  const fs::path path = dir_ / file;
  int error = write_whole_file(path, bytes);
  if (error == ENOENT) error = write_whole_file(prepare(file), bytes);  // its folder, made once
  if (error)
    throw IoError(path.string() + ": cannot be written (" +
                  std::error_code(error, std::generic_category()).message() + ")");
  ++files_;
  bytes_ += bytes.size();
}

void FolderOutput::place_image(const std::string& file, const std::string& primary, const Image&) {
  const fs::path at = dir_ / file;
  place(dir_ / primary, at);
  std::error_code ec;
  const std::uint64_t size = fs::file_size(at, ec);  // a link counts as what it points to
  if (ec) throw IoError(at.string() + ": cannot be read (" + ec.message() + ")");
  ++files_;
  bytes_ += size;
}

void FolderOutput::make_folder(const fs::path& folder) const {
  std::error_code ec;
  fs::create_directories(folder, ec);  // safe when workers race for one folder
  if (ec) throw IoError(folder.string() + ": cannot create the folder (" + ec.message() + ")");
}

void FolderOutput::place(const fs::path& from, const fs::path& at) const {
  std::error_code ec;
  if (link_ == LinkMode::hardlink) {
    fs::create_hard_link(from, at, ec);
    if (ec == std::errc::no_such_file_or_directory) {  // its folder, made once
      make_folder(at.parent_path());
      ec.clear();
      fs::create_hard_link(from, at, ec);
    }
    if (ec == std::errc::file_exists && !resumed_.empty()) {  // a resumed run's row: link afresh
      fs::remove(at, ec);
      fs::create_hard_link(from, at, ec);
    }
    if (!ec) return;
    ec.clear();  // e.g. a filesystem without hard links: copy instead
  }
  make_folder(at.parent_path());
  if (link_ == LinkMode::symlink) {
    // Relative, so it survives the staging folder's rename.
    const fs::path target = fs::relative(from, at.parent_path(), ec);
    if (!ec) fs::create_symlink(target, at, ec);
    if (ec == std::errc::file_exists && !resumed_.empty()) {  // a resumed run's row: link afresh
      fs::remove(at, ec);
      fs::create_symlink(target, at, ec);
    }
    if (!ec) return;
    throw IoError(at.string() + ": cannot create a symbolic link (" + ec.message() + ")");
  }
  fs::copy_file(from, at, fs::copy_options::overwrite_existing, ec);
  if (ec) throw IoError(at.string() + ": cannot be written (" + ec.message() + ")");
}

// In the staging folder's own scratch space, which it removes before the
// swap: a resumed run still finds a side file its checkpoint counts on.
fs::path FolderOutput::scratch_path(const std::string& name) {
  return prepare(std::string(kScratchDir) + "/" + name);
}

FileCensus FolderOutput::census() const { return {files_.load(), bytes_.load()}; }

}  // namespace shapegen
