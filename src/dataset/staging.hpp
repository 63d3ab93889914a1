#pragma once
// Private: a dataset is built in a hidden folder beside its target
// (".<name>.partial-<pid>") and renamed into place when complete, so the
// target is never half-written. Used by generate and merge.
#include <filesystem>

namespace shapegen {

class Staging {
 public:
  // `out` without a trailing separator ("ds/" is the folder "ds"). Creates
  // the staging folder with images/ in it; IoError naming --out if it cannot.
  explicit Staging(const std::filesystem::path& out);
  // Removes the staging folder unless committed.
  ~Staging();
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  // Swaps the finished folder into place; an old dataset goes only after the
  // new one is there.
  void commit();

 private:
  std::filesystem::path out_;
  std::filesystem::path dir_;
  bool committed_ = false;
};

}  // namespace shapegen
