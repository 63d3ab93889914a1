#define BOOST_TEST_MODULE png
#include <boost/test/unit_test.hpp>

#include "base/rng.hpp"
#include "shapegen/error.hpp"
#include "shapegen/png.hpp"
#include "test_support.hpp"

using namespace shapegen;

static Image random_image(int w, int h, int c, std::uint64_t seed) {
  Image img(w, h, c);
  Rng r(seed);
  for (auto& p : img.pixels) p = static_cast<std::uint8_t>(r.uniform_int(0, 255));
  return img;
}

static std::string decode_error(const std::vector<std::uint8_t>& bytes) {
  try {
    decode_png(bytes, "x.png");
  } catch (const IoError& e) {
    return e.what();
  }
  return "(no error)";
}

BOOST_AUTO_TEST_CASE(gray_and_rgb_round_trip_at_every_level) {
  for (int channels : {1, 3})
    for (int level : {0, 6, 9}) {
      const Image img = random_image(37, 23, channels, level + channels);
      const auto bytes = encode_png(img, level);
      BOOST_TEST((decode_png(bytes, "mem") == img));
      BOOST_TEST((encode_png(img, level) == bytes));  // deterministic bytes
    }
}

BOOST_AUTO_TEST_CASE(files_round_trip_through_atomic_writes) {
  test::TempDir dir;
  const Image img = random_image(8, 8, 1, 1);
  write_png(dir.str("a.png"), img, 6);
  BOOST_TEST((read_png(dir.str("a.png")) == img));
  std::size_t files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir.path())) files += e.is_regular_file();
  BOOST_TEST(files == 1u);  // no temporary left behind
}

BOOST_AUTO_TEST_CASE(damaged_files_are_reported_not_crashed_on) {
  const auto good = encode_png(random_image(16, 16, 3, 2), 6);
  BOOST_TEST(decode_error({}) == "x.png: not a PNG file");
  auto truncated = good;
  truncated.resize(good.size() / 2);
  BOOST_TEST(decode_error(truncated).find("x.png: corrupt PNG") == 0u);
  auto corrupt = good;
  for (std::size_t i = 40; i < corrupt.size(); i += 7) corrupt[i] ^= 0x5a;
  BOOST_TEST(decode_error(corrupt).find("x.png: corrupt PNG") == 0u);
  BOOST_CHECK_THROW(read_png("/nonexistent.png"), IoError);
}
