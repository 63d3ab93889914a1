#pragma once
// Private: which files of a folder a shapegen dataset owns (a place some
// layout of the layout table writes, or a tool writes beside one), so
// --overwrite replaces only a dataset and never the user's own files beside
// it.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace shapegen {

struct ForeignFiles {
  std::vector<std::string> first;  // a few, relative to the folder
  std::uint64_t count = 0;
};

// Files and folders below `dir` that no layout writes.
ForeignFiles foreign_files(const std::filesystem::path& dir, std::size_t names = 5);

}  // namespace shapegen
