#include "shapegen/versions.hpp"

#include <cairo.h>
#include <pixman.h>
#include <png.h>

#include "shapegen/version.hpp"

namespace shapegen {

const std::vector<std::pair<std::string, std::string>>& running_versions() {
  static const std::vector<std::pair<std::string, std::string>> versions = {
      {"dataset.shapegen_version", kVersion},
      {"dataset.cairo_version", cairo_version_string()},
      {"dataset.pixman_version", pixman_version_string()},
      {"dataset.libpng_version", png_get_libpng_ver(nullptr)},
  };
  return versions;
}

std::string running_version(const std::string& key) {
  for (const auto& [k, v] : running_versions())
    if (k == key) return v;
  return "";
}

}  // namespace shapegen
