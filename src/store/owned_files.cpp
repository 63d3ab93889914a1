#include "store/owned_files.hpp"

#include "dataset/layouts/layout.hpp"

namespace fs = std::filesystem;

namespace shapegen {

ForeignFiles foreign_files(const fs::path& root, std::size_t names) {
  ForeignFiles found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    // Symbolic links are files here (a layout's links), never followed.
    const bool dir = it->is_directory(type_ec) && !it->is_symlink(type_ec);
    const std::string rel = fs::relative(it->path(), root, type_ec).generic_string();
    // Any layout's, whichever the old dataset had (the layout table's patterns).
    if (layouts::owned_path(rel, dir)) continue;
    ++found.count;
    if (found.first.size() < names)
      found.first.push_back(fs::relative(it->path(), root, type_ec).string() + (dir ? "/" : ""));
    if (dir) it.disable_recursion_pending();  // a foreign folder counts once
  }
  return found;
}

}  // namespace shapegen
