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

std::vector<std::uint8_t> read_regular_file(const std::filesystem::path& path,
                                            const std::string& name, std::uint64_t max_bytes) {
  std::string problem = file_problem(path, name, max_bytes);
  if (!problem.empty()) throw IoError(problem);
  const Fd file{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) throw IoError(errno_problem(errno, name));
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) throw IoError(errno_problem(errno, name));
  problem = stat_problem(st, name, max_bytes);
  if (!problem.empty()) throw IoError(problem);
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(st.st_size));
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

}  // namespace shapegen
