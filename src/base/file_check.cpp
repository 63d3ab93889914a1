#include "base/file_check.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "shapegen/error.hpp"

namespace shapegen {

namespace {

// "" for a regular file within the limit, else what is wrong with it.
std::string stat_problem(const struct stat& st, const std::string& name, std::uint64_t max_bytes) {
  if (S_ISDIR(st.st_mode)) return name + ": is a folder, not a file";
  if (S_ISFIFO(st.st_mode)) return name + ": is a FIFO, not a regular file";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return name + ": is a device, not a regular file";
  if (S_ISSOCK(st.st_mode)) return name + ": is a socket, not a regular file";
  if (!S_ISREG(st.st_mode)) return name + ": not a regular file";
  if (std::uint64_t(st.st_size) > max_bytes)
    return name + ": too large (" + std::to_string(st.st_size) + " bytes; at most " +
           std::to_string(max_bytes) + ")";
  return "";
}

std::string errno_problem(int error, const std::string& name) {
  if (error == ENOENT) return name + ": missing";
  return name + ": cannot be read (" + std::strerror(error) + ")";
}

// Closes the descriptor on every path out.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::string file_problem(const std::filesystem::path& path, const std::string& name,
                         std::uint64_t max_bytes) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return errno_problem(errno, name);
  return stat_problem(st, name, max_bytes);
}

bool nothing_at(const std::filesystem::path& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
}

namespace {

// A descriptor of `path`, opened without blocking (a FIFO would block the
// open) and checked once open, so a FIFO swapped in after the first check
// cannot hang the reader; its size in `size`.
int open_checked(const std::filesystem::path& path, const std::string& name,
                 std::uint64_t max_bytes, std::uint64_t& size) {
  std::string problem = file_problem(path, name, max_bytes);
  if (!problem.empty()) throw IoError(problem);
  Fd file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) throw IoError(errno_problem(errno, name));
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) throw IoError(errno_problem(errno, name));
  problem = stat_problem(st, name, max_bytes);
  if (!problem.empty()) throw IoError(problem);
  size = std::uint64_t(st.st_size);
  const int fd = file.fd;
  file.fd = -1;
  return fd;
}

}  // namespace

std::vector<std::uint8_t> read_regular_file(const std::filesystem::path& path,
                                            const std::string& name, std::uint64_t max_bytes) {
  std::uint64_t size = 0;
  const Fd file{open_checked(path, name, max_bytes, size)};
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  std::size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = ::read(file.fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw IoError(errno_problem(errno, name));
    if (n == 0) break;  // shrank since fstat: the reader sees a truncated file
    got += std::size_t(n);
  }
  bytes.resize(got);
  return bytes;
}

RegularFile::RegularFile(const std::filesystem::path& path, std::string name,
                         std::uint64_t max_bytes)
    : name_(std::move(name)), max_bytes_(max_bytes), buffer_(std::size_t(1) << 16) {
  std::uint64_t size = 0;
  fd_ = open_checked(path, name_, max_bytes, size);
  setg(buffer_.data(), buffer_.data(), buffer_.data());
}

RegularFile::~RegularFile() {
  if (fd_ >= 0) ::close(fd_);
}

RegularFile::int_type RegularFile::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  ssize_t n;
  do n = ::read(fd_, buffer_.data(), buffer_.size());
  while (n < 0 && errno == EINTR);
  if (n < 0) throw IoError(errno_problem(errno, name_));
  read_ += std::uint64_t(n);
  if (read_ > max_bytes_)
    throw IoError(name_ + ": too large (grew past " + std::to_string(max_bytes_) +
                  " bytes while read)");
  setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
  return n == 0 ? traits_type::eof() : traits_type::to_int_type(*gptr());
}

}  // namespace shapegen
