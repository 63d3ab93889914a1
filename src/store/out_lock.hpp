#pragma once
// Private: one writer per --out. generate and merge hold an advisory lock
// (flock(2)) on ".<name>.lock" beside the folder from before they read or
// delete anything there until the swap is done. The lock is the kernel's: it
// goes when the process dies, so a crash or kill -9 cannot leave it stuck,
// and the file a dead run left is simply locked again. The file only tells a
// second run who holds it (pid, host, start time); it is never in the
// dataset, and the run that holds it removes it when done.
#include <filesystem>
#include <string>

namespace shapegen {

// ".<name>.lock" beside `out` (where its staging folders go).
std::filesystem::path lock_path(const std::filesystem::path& out);

class OutLock {
 public:
  // Locks `out` (the --out value, named as given in messages). IoError when
  // another process holds it, naming that run; nothing is touched then.
  explicit OutLock(const std::string& out);
  // Removes the lock file, then lets the lock go.
  ~OutLock();
  OutLock(const OutLock&) = delete;
  OutLock& operator=(const OutLock&) = delete;

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace shapegen
