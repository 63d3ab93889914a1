#define BOOST_TEST_MODULE golden
// Reference images for fixed seeds. Tolerance: a pixel "fails" when it differs
// by more than 8 levels; at most 0.5% of pixels may fail; no pixel may differ
// by more than 64. That absorbs antialiasing changes between Cairo/pixman
// releases and catches any shape that moved, grew or changed style.
// Regenerate the references with scripts/update-golden.sh, then read the
// diff and say why in the commit.
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "shapegen/png.hpp"
#include "shapegen/raster.hpp"
#include "shapegen/sample.hpp"
#include "test_support.hpp"

using namespace shapegen;

namespace {

struct GoldenCase {
  std::string name;
  std::string preset;
  Assignments overrides;
  std::uint64_t index;
};

const std::vector<GoldenCase> kCases = {
    {"basic_triangle", "basic", {{"shape.classes", "triangle:1"}}, 3},
    {"basic_circle", "basic", {{"shape.classes", "circle:1"}}, 3},
    {"basic_square", "basic", {{"shape.classes", "square:1"}}, 3},
    {"basic_aliased_square", "basic", {{"shape.classes", "square:1"}, {"image.antialias", "false"}}, 3},
    {"mnist28", "mnist28", {}, 0},
    {"color_rgb", "color", {}, 1},
};

constexpr int kFailThreshold = 8;
constexpr double kFailFraction = 0.005;
constexpr int kHardFail = 64;

}  // namespace

BOOST_AUTO_TEST_CASE(rendered_images_match_the_references) {
  const std::filesystem::path dir = std::filesystem::path(SHAPEGEN_TEST_DIR) / "golden";
  const bool update = std::getenv("SHAPEGEN_UPDATE_GOLDEN") != nullptr;
  for (const GoldenCase& c : kCases) {
    BOOST_TEST_CONTEXT(c.name) {
      const Sample s = Generator(test::preset_config(c.preset, c.overrides)).make(c.index, 1);
      const std::string ref_path = (dir / (c.name + ".png")).string();
      if (update) {
        write_png(ref_path, s.image, 9);
        std::cout << "updated " << ref_path << "\n";
        continue;
      }
      const Image ref = read_png(ref_path);
      BOOST_REQUIRE(ref.width == s.image.width);
      BOOST_REQUIRE(ref.height == s.image.height);
      BOOST_REQUIRE(ref.channels == s.image.channels);
      int worst = 0;
      std::size_t failing = 0;
      for (std::size_t i = 0; i < ref.pixels.size(); ++i) {
        const int d = std::abs(int(ref.pixels[i]) - int(s.image.pixels[i]));
        worst = std::max(worst, d);
        failing += d > kFailThreshold;
      }
      const double fraction = double(failing) / ref.pixels.size();
      if (worst > 0) {
        const std::string actual = std::filesystem::absolute(c.name + ".actual.png").string();
        write_png(actual, s.image, 6);
        std::cout << c.name << ": worst difference " << worst << ", " << failing
                  << " values over " << kFailThreshold << "; actual image: " << actual << "\n";
      }
      BOOST_TEST(worst <= kHardFail);
      BOOST_TEST(fraction <= kFailFraction);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_moved_shape_is_caught) {
  // The tolerance must not hide real changes: shift the centre one pixel.
  Sample s = Generator(test::preset_config("basic", {{"shape.classes", "square:1"}})).make(3, 1);
  const Image original = s.image;
  for (Point& p : s.scene.objects[0].outline) p.x += 1;
  const Image moved = render_scene(s.scene);
  std::size_t failing = 0;
  for (std::size_t i = 0; i < moved.pixels.size(); ++i)
    failing += std::abs(int(moved.pixels[i]) - int(original.pixels[i])) > kFailThreshold;
  BOOST_TEST(double(failing) / moved.pixels.size() > kFailFraction);
}
