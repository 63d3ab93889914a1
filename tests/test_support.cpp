#include "test_support.hpp"

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "shapes/registry.hpp"

namespace shapegen::test {

RunResult run_cli(const std::string& args) {
  return run_shell(std::string("'") + SHAPEGEN_BIN + "' " + args);
}

RunResult run_shell(const std::string& command) {
  RunResult result;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer;
  std::size_t n;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    result.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

TempDir::TempDir() {
  std::random_device rd;
  path_ = std::filesystem::temp_directory_path() / ("shapegen-test-" + std::to_string(rd()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

Box mask_extents(const Image& mask, int threshold) {
  int c0 = mask.width, r0 = mask.height, c1 = -1, r1 = -1;
  for (int y = 0; y < mask.height; ++y)
    for (int x = 0; x < mask.width; ++x)
      if (mask.at(x, y) > threshold) {
        c0 = std::min(c0, x), c1 = std::max(c1, x);
        r0 = std::min(r0, y), r1 = std::max(r1, y);
      }
  if (c1 < 0) return {};
  return {double(c0), double(r0), double(c1 + 1), double(r1 + 1)};
}

int coverage_near(const Image& mask, Point p, int reach) {
  int best = 0;
  for (int dy = -reach; dy <= reach; ++dy)
    for (int dx = -reach; dx <= reach; ++dx) {
      const int x = int(std::floor(p.x)) + dx, y = int(std::floor(p.y)) + dy;
      if (x >= 0 && y >= 0 && x < mask.width && y < mask.height)
        best = std::max<int>(best, mask.at(x, y));
    }
  return best;
}

Config preset_config(const std::string& name, const Assignments& overrides) {
  return load_config(std::string(SHAPEGEN_PRESET_DIR) + "/" + name + ".ini", overrides);
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

ShapeClass shape_class(const std::string& name) {
  if (const auto c = value_named<ShapeClass>(name)) return *c;
  throw std::invalid_argument("no shape class " + name);
}

const FieldValue* object_field(const Object& object, const std::string& name) {
  const std::vector<ShapeField>& fields = shape_decl(object.shape).fields;
  for (std::size_t i = 0; i < fields.size() && i < object.fields.size(); ++i)
    if (fields[i].name == name) return &object.fields[i];
  return nullptr;
}

std::vector<std::uint8_t> png_header(std::uint32_t width, std::uint32_t height,
                                     const std::vector<std::uint8_t>& tail) {
  std::string ihdr = "IHDR";
  for (std::uint32_t v : {width, height})
    for (int s = 24; s >= 0; s -= 8) ihdr += char(v >> s);
  ihdr += std::string("\x08\0\0\0\0", 5);  // depth 8, gray, no interlace
  std::uint32_t crc = 0xffffffffu;
  for (char byte : ihdr) {
    crc ^= std::uint8_t(byte);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  crc ^= 0xffffffffu;
  std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\x0d", 12) + ihdr;
  for (int s = 24; s >= 0; s -= 8) png += char(crc >> s);
  std::vector<std::uint8_t> out(png.begin(), png.end());
  out.insert(out.end(), tail.begin(), tail.end());
  return out;
}

}  // namespace shapegen::test
