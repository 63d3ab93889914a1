#include "store/staging.hpp"

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "shapegen/error.hpp"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

namespace fs = std::filesystem;

namespace shapegen {

std::string host_name() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  return name;
}

namespace {

// Writes `text` to `path` and fsyncs it: the record must survive a power loss.
void write_synced(const fs::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0;
  for (std::size_t at = 0; ok && at < text.size();) {
    const ssize_t n = ::write(fd, text.data() + at, text.size() - at);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    at += ok ? std::size_t(n) : 0;
  }
  ok = ok && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!ok) throw IoError(path.string() + ": cannot be written");
}

// 0 when swapped; otherwise the errno (EINVAL/ENOSYS: no exchange here).
int exchange(const fs::path& a, const fs::path& b) {
  if (::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0)
    return 0;
  return errno;
}

}  // namespace

fs::path output_folder(const fs::path& out) { return out.has_filename() ? out : out.parent_path(); }

fs::path staging_path(const fs::path& out, long pid) {
  const fs::path folder = output_folder(out);
  const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
  return parent / ("." + folder.filename().string() + ".partial-" + std::to_string(pid));
}

Staging::Staging(const fs::path& out,
                 const std::vector<std::pair<std::string, std::string>>& record)
    : out_(output_folder(out)), dir_(staging_path(out, ::getpid())) {
  std::error_code ec;
  fs::create_directories(dir_.parent_path(), ec);
  if (!ec) fs::create_directory(dir_, ec);
  if (!ec) fs::create_directory(dir_ / "images", ec);
  if (ec)
    throw IoError("--out '" + out_.string() + "': cannot create the dataset there (" +
                  ec.message() + ")");
  try {
    for (const auto& [name, text] : record) write_synced(dir_ / name, text);
  } catch (...) {
    fs::remove_all(dir_, ec);
    throw;
  }
}

Staging::Staging(const fs::path& out, const fs::path& interrupted)
    : out_(output_folder(out)), dir_(staging_path(out, ::getpid())) {
  std::error_code ec;
  fs::rename(interrupted, dir_, ec);
  if (ec)
    throw IoError(interrupted.string() + ": cannot take over the interrupted run (" + ec.message() +
                  ")");
}

Staging::~Staging() {
  std::error_code ec;
  if (!committed_ && !kept_) fs::remove_all(dir_, ec);
}

void Staging::commit() {
  std::error_code ec;
  // The run's own files (".shapegen-*", with what a killed run left half
  // written, such as the checkpoint's temporary name) go first, the run
  // record last: a folder without it is complete (or nothing), never an
  // interrupted run to resume.
  std::vector<fs::path> own;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename().string().rfind(".shapegen-", 0) == 0 &&
        it->path().filename() != kRunFile)
      own.push_back(it->path());
  for (const fs::path& p : own) fs::remove_all(p, ec);
  fs::remove(dir_ / kRunFile, ec);
  if (!fs::exists(out_, ec)) {
    fs::rename(dir_, out_, ec);
    if (ec)
      throw IoError("--out '" + out_.string() + "': cannot move the dataset in (" + ec.message() +
                    ")");
    committed_ = true;
    return;
  }
  const fs::path old = dir_.string() + "-old";
  const int err = exchange(dir_, out_);
  if (err == 0) {
    // dir_ now holds the old dataset; "-old" tells a later run it may go.
    committed_ = true;
    fs::rename(dir_, old, ec);
    fs::remove_all(ec ? dir_ : old, ec);
    return;
  }
  if (err != EINVAL && err != ENOSYS && err != ENOTSUP)
    throw IoError("--out '" + out_.string() + "': cannot replace it (" +
                  std::generic_category().message(err) + ")");
  // No exchange on this file system: two renames. A kill between them
  // leaves "-old" without --out; the next generate restores it.
  fs::rename(out_, old, ec);
  if (ec) throw IoError("--out '" + out_.string() + "': cannot replace it (" + ec.message() + ")");
  fs::rename(dir_, out_, ec);
  if (ec) {
    std::error_code back;
    fs::rename(old, out_, back);
    throw IoError("--out '" + out_.string() + "': cannot move the dataset in (" + ec.message() +
                  ")");
  }
  committed_ = true;
  fs::remove_all(old, ec);
}

}  // namespace shapegen
