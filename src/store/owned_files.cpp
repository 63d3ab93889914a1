#include "store/owned_files.hpp"

#include <set>

namespace fs = std::filesystem;

namespace shapegen {

namespace {

bool is_split(const std::string& s) { return s == "train" || s == "val" || s == "test"; }

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// `parts`: the path inside the dataset; `dir`: whether it is a folder.
// Mirrors the layouts: images/, manifest.jsonl, labels.csv, dataset.ini,
// <split>/<class>/ (ImageFolder), annotations/ (COCO), images/<split>/,
// labels/<split>/, data.yaml (YOLO), masks/{semantic,instance}/, webdataset/.
bool owned(const std::vector<std::string>& p, bool dir) {
  static const std::set<std::string> top_files = {"manifest.jsonl", "labels.csv", "dataset.ini",
                                                  "data.yaml"};
  const std::size_t n = p.size();
  if (n == 1)
    return dir ? (p[0] == "images" || p[0] == "annotations" || p[0] == "labels" ||
                  p[0] == "masks" || p[0] == "webdataset" || is_split(p[0]))
               : top_files.count(p[0]) > 0;
  const std::string& top = p[0];
  const std::string& last = p.back();
  if (top == "images")
    return n == 2 ? (dir ? is_split(last) : ends_with(last, ".png"))
                  : n == 3 && !dir && is_split(p[1]) && ends_with(last, ".png");
  if (top == "annotations")
    return n == 2 && !dir && last.rfind("instances_", 0) == 0 && ends_with(last, ".json");
  if (top == "labels")
    return n == 2 ? dir && is_split(last) : n == 3 && !dir && ends_with(last, ".txt");
  if (top == "masks")
    return n == 2 ? dir && (last == "semantic" || last == "instance")
                  : n == 3 && !dir && ends_with(last, ".png");
  if (top == "webdataset") return n == 2 && !dir && ends_with(last, ".tar");
  if (is_split(top)) return n == 2 ? dir : n == 3 && !dir && ends_with(last, ".png");
  return false;
}

}  // namespace

ForeignFiles foreign_files(const fs::path& root, std::size_t names) {
  ForeignFiles found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code type_ec;
    // Symbolic links are files here (a layout's links), never followed.
    const bool dir = it->is_directory(type_ec) && !it->is_symlink(type_ec);
    std::vector<std::string> parts;
    for (const auto& part : fs::relative(it->path(), root, type_ec)) parts.push_back(part.string());
    if (owned(parts, dir)) continue;
    ++found.count;
    if (found.first.size() < names)
      found.first.push_back(fs::relative(it->path(), root, type_ec).string() + (dir ? "/" : ""));
    if (dir) it.disable_recursion_pending();  // a foreign folder counts once
  }
  return found;
}

}  // namespace shapegen
