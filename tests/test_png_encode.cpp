#define BOOST_TEST_MODULE png_encode
#include <boost/test/unit_test.hpp>
#include <thread>

#include "base/rng.hpp"
#include "shapegen/generator.hpp"
#include "shapegen/png.hpp"
#include "test_support.hpp"

using namespace shapegen;

namespace {

Image random_image(int w, int h, int c, std::uint64_t seed) {
  Image img(w, h, c);
  Rng r(seed);
  for (auto& p : img.pixels) p = static_cast<std::uint8_t>(r.uniform_int(0, 255));
  return img;
}

// Flat areas, gradients and noise, as datasets hold.
std::vector<Image> images() {
  std::vector<Image> out = {random_image(1, 1, 1, 1),   random_image(37, 23, 1, 2),
                            random_image(64, 64, 3, 3), random_image(3, 200, 3, 4),
                            Image(224, 224, 3),         Image(64, 64, 1)};
  for (const char* preset : {"basic", "augmented", "color", "photometric"}) {
    const Generator generator(test::preset_config(preset));
    for (int i = 0; i < 5; ++i) out.push_back(generator.make_row(i).image);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(libdeflate_writes_pngs_libpng_decodes_to_the_same_pixels) {
  for (const Image& img : images())
    for (int level : {0, 1, 6, 9}) {
      const auto bytes = encode_png(img, PngEncoder::libdeflate, level);
      BOOST_TEST((decode_png(bytes, "x.png") == img));
      BOOST_TEST((encode_png(img, PngEncoder::libdeflate, level) == bytes));  // deterministic
    }
}

BOOST_AUTO_TEST_CASE(the_zlib_encoder_is_libpngs_writer) {
  for (const Image& img : images()) {
    BOOST_TEST((encode_png(img, PngEncoder::zlib, 6) == encode_png(img, 6)));
    BOOST_TEST((decode_png(encode_png(img, PngEncoder::zlib, 1), "x.png") == img));
  }
}

BOOST_AUTO_TEST_CASE(libdeflate_encodes_the_same_on_any_thread) {
  const std::vector<Image> all = images();
  std::vector<std::vector<std::uint8_t>> here, there(all.size());
  for (const Image& img : all) here.push_back(encode_png(img, PngEncoder::libdeflate, 1));
  std::thread([&] {
    for (std::size_t i = 0; i < all.size(); ++i)
      there[i] = encode_png(all[i], PngEncoder::libdeflate, 1);
  }).join();
  BOOST_TEST((here == there));
}

BOOST_AUTO_TEST_CASE(a_dataset_is_written_with_the_encoder_and_level_it_records) {
  test::TempDir t;
  const std::string common = "generate --preset basic --count 3 --jobs 1 --out ";
  BOOST_REQUIRE(test::run_cli(common + t.str("fast")).exit_code == 0);
  BOOST_REQUIRE(
      test::run_cli(common + t.str("zlib") + " --image.png_encoder=zlib --image.png_compression=6")
          .exit_code == 0);
  BOOST_TEST(test::read_text(t.path() / "fast/dataset.ini").find("png_encoder = libdeflate\n") !=
             std::string::npos);
  BOOST_TEST(test::read_text(t.path() / "zlib/dataset.ini").find("png_encoder = zlib\n") !=
             std::string::npos);
  for (const char* stem : {"000000", "000001", "000002"}) {
    const std::string name = std::string("images/") + stem + ".png";
    const auto fast = read_file(t.str("fast/" + name)), zlib = read_file(t.str("zlib/" + name));
    const Image pixels = decode_png(fast, name);
    BOOST_TEST((decode_png(zlib, name) == pixels));
    BOOST_TEST((fast == encode_png(pixels, PngEncoder::libdeflate, 1)));
    BOOST_TEST((zlib == encode_png(pixels, PngEncoder::zlib, 6)));
  }
}
