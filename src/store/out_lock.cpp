#include "store/out_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <map>
#include <sstream>
#include <thread>

#include "base/printable.hpp"
#include "shapegen/error.hpp"
#include "store/staging.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

std::string now_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::gmtime_r(&now, &tm);
  char text[32] = {};
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return text;
}

bool same_file(int fd, const fs::path& path) {
  struct stat held = {}, named = {};
  return ::fstat(fd, &held) == 0 && ::lstat(path.c_str(), &named) == 0 &&
         held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

std::map<std::string, std::string> read_fields(int fd) {
  char buffer[4096];
  const ssize_t n = ::pread(fd, buffer, sizeof buffer, 0);
  std::map<std::string, std::string> fields;
  std::istringstream in(std::string(buffer, std::size_t(n > 0 ? n : 0)));
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find(" = ");
    if (!line.empty() && line[0] != '#' && eq != std::string::npos)
      fields[line.substr(0, eq)] = printable(line.substr(eq + 3), 64);
  }
  return fields;
}

// "pid 1234 on host, started 2026-12-07 23:40:01 UTC", as the holder wrote
// it. A run writes its record just after taking the lock: an empty file is
// read again for a moment.
std::string holder(int fd, const fs::path& path) {
  for (int attempt = 0; attempt < 50; ++attempt) {
    auto f = read_fields(fd);
    if (f.count("pid"))
      return "pid " + f["pid"] + (f.count("host") ? " on " + f["host"] : "") +
             (f.count("started") ? ", started " + f["started"] : "");
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return "its lock file " + path.string() + " names no process";
}

}  // namespace

fs::path lock_path(const fs::path& out) {
  const fs::path folder = output_folder(out);
  const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
  return parent / ("." + folder.filename().string() + ".lock");
}

OutLock::OutLock(const std::string& out) {
  if (out.empty()) throw IoError("--out: value '' is invalid; allowed: a folder path");
  path_ = lock_path(out);
  const std::string named = "--out '" + out + "': ";
  std::error_code ec;
  fs::create_directories(path_.parent_path(), ec);
  // A run that finished removes its file, perhaps after we opened it: the
  // lock counts only on the file the name still points to.
  for (int attempt = 0;; ++attempt) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
    if (fd_ < 0)
      throw IoError(named + "cannot create the dataset there (its lock file " + path_.string() +
                    ": " + std::strerror(errno) + ")");
    struct stat st {};
    if (::fstat(fd_, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd_);
      throw IoError(named + "its lock file " + path_.string() + " is not a regular file");
    }
    int err = 0;
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0 && (err = errno) == EINTR) err = 0;
    if (err == EWOULDBLOCK) {
      const std::string who = holder(fd_, path_);
      ::close(fd_);
      throw IoError(named + "another shapegen run (" + who +
                    ") is writing it; wait for it to finish or stop it");
    }
    // A file system without locks (NFS without lockd: ENOLCK) runs unlocked,
    // as before locks were taken; any other failure is refused.
    if (err != 0 && err != ENOLCK && err != EOPNOTSUPP && err != ENOSYS && err != EINVAL) {
      ::close(fd_);
      throw IoError(named + "cannot lock " + path_.string() + " (" + std::strerror(err) + ")");
    }
    if (same_file(fd_, path_)) break;
    ::close(fd_);
    if (attempt == 100) throw IoError(named + "its lock file " + path_.string() + " keeps moving");
  }
  // The record only informs: a run whose disk is full still holds the lock.
  const std::string record = "# shapegen: a run writing '" + out +
                             "' holds a lock on this file; it goes when the run ends\n"
                             "pid = " +
                             std::to_string(::getpid()) + "\nhost = " + host_name() +
                             "\nstarted = " + now_utc() + "\n";
  if (::ftruncate(fd_, 0) == 0) {
    [[maybe_unused]] const ssize_t written = ::pwrite(fd_, record.data(), record.size(), 0);
  }
}

OutLock::~OutLock() {
  // Removed while still locked, so no run locks a file about to go.
  if (same_file(fd_, path_)) ::unlink(path_.c_str());
  ::close(fd_);
}

}  // namespace shapegen
