#include "dataset/staging.hpp"

#include <unistd.h>

#include "shapegen/error.hpp"

namespace fs = std::filesystem;

namespace shapegen {

Staging::Staging(const fs::path& out) : out_(out.has_filename() ? out : out.parent_path()) {
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

Staging::~Staging() {
  std::error_code ec;
  if (!committed_) fs::remove_all(dir_, ec);
}

void Staging::commit() {
  std::error_code ec;
  fs::path old;
  if (fs::exists(out_, ec)) {
    old = dir_.string() + "-old";
    fs::rename(out_, old, ec);
    if (ec)
      throw IoError("--out '" + out_.string() + "': cannot replace it (" + ec.message() + ")");
  }
  fs::rename(dir_, out_, ec);
  if (ec)
    throw IoError("--out '" + out_.string() + "': cannot move the dataset in (" + ec.message() +
                  ")");
  committed_ = true;
  if (!old.empty()) fs::remove_all(old, ec);
}

}  // namespace shapegen
