#pragma once
// Private: a dataset is built in a hidden folder beside its target
// (".<name>.partial-<pid>") and swapped into place when complete, so the
// target is never half-written and never missing. Used by generate and merge.
// The folder's own files (the run record, the recipe, the checkpoint and
// scratch space) start with ".shapegen-" and are removed before the swap.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace shapegen {

inline constexpr const char* kRunFile = ".shapegen-run";            // host, pid, rows, shard
inline constexpr const char* kRecipeFile = ".shapegen-recipe.ini";  // the recipe being made
inline constexpr const char* kCheckpointFile = ".shapegen-checkpoint";
inline constexpr const char* kScratchDir = ".shapegen-scratch";

// This machine's name, as the run record and the lock file give it: another
// host's pids say nothing here.
std::string host_name();
// ".<name>.partial-<pid>" beside `out`.
std::filesystem::path staging_path(const std::filesystem::path& out, long pid);
// `out` without a trailing separator ("ds/" is the folder "ds").
std::filesystem::path output_folder(const std::filesystem::path& out);

class Staging {
 public:
  // Creates the staging folder with images/ in it and, first of all, the
  // files `record` names (file name -> text; fsync'd) that let a later run
  // find, resume or refuse it. IoError naming --out if it cannot.
  Staging(const std::filesystem::path& out,
          const std::vector<std::pair<std::string, std::string>>& record = {});
  // Takes over an interrupted run's folder: renamed to ours, so no other
  // process can take it too.
  Staging(const std::filesystem::path& out, const std::filesystem::path& interrupted);
  // Removes the staging folder unless committed or kept.
  ~Staging();
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  // Leave the folder for --resume (an interrupt or a write error).
  void keep() { kept_ = true; }
  // Swaps the finished folder into place (rename-exchange where the file
  // system has it); the old dataset goes only after the new one is there.
  void commit();

 private:
  std::filesystem::path out_;
  std::filesystem::path dir_;
  bool committed_ = false;
  bool kept_ = false;
};

}  // namespace shapegen
