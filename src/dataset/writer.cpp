#include "shapegen/dataset.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "dataset/feed.hpp"
#include "dataset/folder_output.hpp"
#include "dataset/plan.hpp"
#include "shapegen/error.hpp"

namespace fs = std::filesystem;

namespace shapegen {

void check_output_dir(const std::string& out_dir, bool overwrite) {
  if (out_dir.empty()) throw IoError("--out: value '' is invalid; allowed: a folder path");
  std::error_code ec;
  const fs::path out(out_dir);
  if (!fs::exists(out, ec)) {
    // Not "absent" but unusable, e.g. a symbolic link loop.
    if (ec) throw IoError("--out '" + out_dir + "': cannot be used (" + ec.message() + ")");
    return;
  }
  if (!fs::is_directory(out, ec))
    throw IoError("--out '" + out_dir + "': exists and is not a folder");
  if (fs::is_empty(out, ec)) return;
  if (!overwrite)
    throw IoError("--out '" + out_dir + "': folder is not empty; pass --overwrite to replace it");
  if (!fs::exists(out / "dataset.ini", ec))
    throw IoError("--out '" + out_dir +
                  "': refusing to replace a folder that is not a shapegen dataset (no "
                  "dataset.ini); choose an empty or new folder");
}

namespace {

class Staging {
 public:
  // `out` without a trailing separator ("ds/" is the folder "ds").
  explicit Staging(const fs::path& out) : out_(out.has_filename() ? out : out.parent_path()) {
    const fs::path parent = out_.has_parent_path() ? out_.parent_path() : fs::path(".");
    dir_ = parent / ("." + out_.filename().string() + ".partial-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (!ec) fs::create_directory(dir_, ec);
    if (!ec) fs::create_directory(dir_ / "images", ec);
    if (ec)
      throw IoError("--out '" + out_.string() + "': cannot create the dataset there (" +
                    ec.message() + ")");
  }
  ~Staging() {
    std::error_code ec;
    if (!committed_) fs::remove_all(dir_, ec);
  }
  const fs::path& dir() const { return dir_; }

  // Swaps the finished folder into place; an old dataset goes only after the
  // new one is there.
  void commit() {
    std::error_code ec;
    fs::path old;
    if (fs::exists(out_, ec)) {
      old = dir_.string() + "-old";
      fs::rename(out_, old, ec);
      if (ec) throw IoError("--out '" + out_.string() + "': cannot replace it (" + ec.message() + ")");
    }
    fs::rename(dir_, out_, ec);
    if (ec) throw IoError("--out '" + out_.string() + "': cannot move the dataset in (" + ec.message() + ")");
    committed_ = true;
    if (!old.empty()) fs::remove_all(old, ec);
  }

 private:
  fs::path out_;
  fs::path dir_;
  bool committed_ = false;
};

}  // namespace

void generate_dataset(const Config& config, const GenerateOptions& options) {
  check_output_dir(options.out_dir, options.overwrite);
  const DatasetPlan plan(config);
  Staging staging(options.out_dir);
  FolderOutput out(staging.dir(), fs::absolute(options.out_dir).lexically_normal(), plan.output());
  FeedOptions feed;
  feed.jobs = std::max(1, options.jobs);
  feed.between_batches = [&](std::uint64_t done, std::uint64_t total) {
    if (done > 0 && options.progress) options.progress(done, total);
    if (done < total && options.cancel && options.cancel->load())
      throw IoError("interrupted after " + std::to_string(done) + " of " + std::to_string(total) +
                    " samples; nothing was written to --out '" + options.out_dir + "'");
  };
  feed_rows(plan, out, feed);
  staging.commit();
}

}  // namespace shapegen
