#include "dataset/layouts/layout.hpp"

#include "shapegen/error.hpp"

namespace fs = std::filesystem;

namespace shapegen::layouts {

int class_index(ShapeClass c) { return static_cast<int>(c); }

void place_image(const Context& context, const std::string& file, const fs::path& at) {
  const fs::path primary = context.dir / file;
  std::error_code ec;
  fs::create_directories(at.parent_path(), ec);
  const std::string& mode = context.config.choice("output.link");
  if (mode == "hardlink") {
    fs::create_hard_link(primary, at, ec);
    if (!ec) return;
    ec.clear();  // e.g. a filesystem without hard links: copy instead
  } else if (mode == "symlink") {
    // Relative, so it survives the staging folder's rename.
    fs::create_symlink(fs::relative(primary, at.parent_path()), at, ec);
    if (!ec) return;
    throw IoError(at.string() + ": cannot create a symbolic link (" + ec.message() + ")");
  }
  fs::copy_file(primary, at, fs::copy_options::overwrite_existing, ec);
  if (ec) throw IoError(at.string() + ": cannot be written (" + ec.message() + ")");
}

}  // namespace shapegen::layouts
