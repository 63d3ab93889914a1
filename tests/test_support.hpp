#pragma once
// Helpers shared by the tests: running the CLI, temporary folders, masks.
#include <filesystem>
#include <string>
#include <vector>

#include "shapegen/config.hpp"
#include "shapegen/geometry.hpp"
#include "shapegen/image.hpp"
#include "shapegen/scene.hpp"

namespace shapegen::test {

struct RunResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};

// Runs the shapegen binary with `args` (a shell-quoted string).
RunResult run_cli(const std::string& args);
// Runs a shell command line.
RunResult run_shell(const std::string& command);

// A fresh empty folder under the system temp folder, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::string str(const std::string& child = "") const { return (path_ / child).string(); }

 private:
  std::filesystem::path path_;
};

// Pixel extents of all mask pixels above `threshold`, as a box of pixel
// edges; an empty Box when there are none.
Box mask_extents(const Image& mask, int threshold = 0);

// Largest coverage within `reach` pixels of the pixel holding p.
int coverage_near(const Image& mask, Point p, int reach);

// A built-in preset with overrides, as the CLI resolves it.
Config preset_config(const std::string& name, const Assignments& overrides = {});

std::string read_text(const std::filesystem::path& path);

// The shape class of that name (tests name classes as labels do).
ShapeClass shape_class(const std::string& name);
// An object's own label field (a triangle's "kind", "angles"); null when its
// class has none of that name.
const FieldValue* object_field(const Object& object, const std::string& name);
// A PNG signature and an IHDR claiming width x height, 8-bit gray (its CRC
// right, so libpng reads on), followed by `tail`: hostile headers for tests.
std::vector<std::uint8_t> png_header(std::uint32_t width, std::uint32_t height,
                                     const std::vector<std::uint8_t>& tail = {});

}  // namespace shapegen::test
