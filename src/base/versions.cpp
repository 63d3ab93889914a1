#include "shapegen/versions.hpp"

#include <cairo.h>
#include <pixman.h>
#include <png.h>

#include "shapegen/version.hpp"

namespace shapegen {

const std::vector<std::pair<std::string, std::string>>& running_versions() {
  static const std::vector<std::pair<std::string, std::string>> versions = {
      {"shapegen", kVersion},
      {"cairo", cairo_version_string()},
      {"pixman", pixman_version_string()},
      {"libpng", png_get_libpng_ver(nullptr)},
  };
  return versions;
}

std::string version_key(const std::string& library) { return "dataset." + library + "_version"; }

std::string running_version(const std::string& key) {
  for (const auto& [library, version] : running_versions())
    if (version_key(library) == key) return version;
  return "";
}

}  // namespace shapegen
