#define BOOST_TEST_MODULE png
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>

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

// #13 item 5: a few bytes must not make the reader allocate gigabytes.
BOOST_AUTO_TEST_CASE(hostile_headers_are_refused_before_anything_is_allocated) {
  BOOST_TEST(decode_error(test::png_header(60000, 60000)) ==
             "x.png: image too large (60000x60000; at most 16384x16384)");
  // Within the side limit, but 16000 x 16000 pixels do not fit in 33 bytes.
  const std::string idat = std::string("\0\0\0\x0aIDAT", 8);  // where the rows would start
  BOOST_TEST(decode_error(test::png_header(16000, 16000, {idat.begin(), idat.end()})) ==
             "x.png: corrupt PNG (claims 16000x16000 pixels, more than its 41 bytes can hold)");
  // An sPLT chunk claiming 0x73737373 bytes: skipped, not allocated (the
  // fuzz regression input fuzz/corpus/png/splt-huge-length runs it under a
  // malloc limit), so the file just ends too soon.
  const std::string chunk = "sssssPLT" + std::string(64, 's');  // 's' is 0x73
  const auto splt = test::png_header(16, 16, std::vector<std::uint8_t>(chunk.begin(), chunk.end()));
  BOOST_TEST(decode_error(splt) == "x.png: corrupt PNG (file is truncated)");
}

// #13 item 5: readers check the file before they read it.
BOOST_AUTO_TEST_CASE(only_regular_files_within_the_limit_are_read) {
  test::TempDir dir;
  const auto error = [](const std::string& path) {
    try {
      read_png(path);
    } catch (const IoError& e) {
      return std::string(e.what());
    }
    return std::string("(no error)");
  };
  std::filesystem::create_directories(dir.path() / "folder.png");
  BOOST_TEST(error(dir.str("folder.png")) == dir.str("folder.png") + ": is a folder, not a file");
  BOOST_REQUIRE(::mkfifo(dir.str("fifo.png").c_str(), 0600) == 0);
  BOOST_TEST(error(dir.str("fifo.png")) == dir.str("fifo.png") + ": is a FIFO, not a regular file");
  std::filesystem::create_symlink("/dev/zero", dir.path() / "zero.png");
  BOOST_TEST(error(dir.str("zero.png")) ==
             dir.str("zero.png") + ": is a device, not a regular file");
  std::ofstream(dir.str("huge.png")).close();
  std::filesystem::resize_file(dir.path() / "huge.png", kMaxPngFileBytes + 1);  // sparse
  BOOST_TEST(
      error(dir.str("huge.png")).find(": too large (1073741825 bytes; at most 1073741824)") !=
      std::string::npos);
  BOOST_TEST(error(dir.str("none.png")) == dir.str("none.png") + ": missing");
}
