// The PNG reader of verify and diff: any bytes either decode or are an
// IoError naming the file, within the size limits; what decodes encodes
// and decodes back to the same pixels.
#include "shapegen/png.hpp"

#include <cstdint>
#include <vector>

#include "fuzz_check.hpp"
#include "shapegen/error.hpp"

using namespace shapegen;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::uint8_t> bytes(data, data + size);
  Image image;
  try {
    image = decode_png(bytes, "fuzz.png");
  } catch (const IoError&) {
    return 0;
  }
  fuzz::require(image.width > 0 && image.height > 0 && std::uint32_t(image.width) <= kMaxPngSide &&
                    std::uint32_t(image.height) <= kMaxPngSide,
                "a decoded image outside the size limits");
  fuzz::require(image.channels == 1 || image.channels == 3, "a decoded image of odd channels");
  fuzz::require(decode_png(encode_png(image, 1), "again") == image,
                "pixels changed in a round trip");
  return 0;
}
