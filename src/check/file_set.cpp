#include "check/file_set.hpp"

namespace shapegen {

std::pair<std::string, std::uint64_t> FileSet::family_of(std::string_view file) const {
  const std::size_t slash = file.rfind('/');
  const std::size_t name_at = slash == std::string_view::npos ? 0 : slash + 1;
  const std::string_view name = file.substr(name_at);
  const std::size_t dot = std::min(name.find('.'), name.size());
  const auto row = plan_.row_of_stem(name.substr(0, dot));
  if (!row) return {"", plan_.row_count()};
  // folder + NUL + extension: no file name holds a NUL.
  std::string key(file.substr(0, name_at));
  key += '\0';
  key += name.substr(dot);
  return {std::move(key), *row};
}

void FileSet::insert(std::string_view file) {
  auto [key, row] = family_of(file);
  std::lock_guard<std::mutex> guard(lock_);
  if (row == plan_.row_count()) {
    others_.emplace(file);
    return;
  }
  std::vector<bool>& rows = families_[std::move(key)];
  if (rows.size() <= row) rows.resize(row + 1);
  rows[row] = true;
}

bool FileSet::contains(std::string_view file) const {
  const auto [key, row] = family_of(file);
  std::lock_guard<std::mutex> guard(lock_);
  if (row == plan_.row_count()) return others_.find(file) != others_.end();
  const auto it = families_.find(key);
  return it != families_.end() && row < it->second.size() && it->second[row];
}

std::optional<std::uint64_t> FileSet::row_of(std::string_view file) const {
  const std::uint64_t row = family_of(file).second;
  if (row == plan_.row_count()) return std::nullopt;
  return row;
}

}  // namespace shapegen
