#pragma once
// layer: base
// PNG encoding and decoding with libpng: gray8 and RGB8. Output bytes are a
// pure function of the pixels, the encoder and its level (no timestamps, no
// text).
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "shapegen/enum_names.hpp"
#include "shapegen/image.hpp"

namespace shapegen {

// What decode_png and read_png accept; larger files are reported, never
// allocated (shapegen itself writes at most 8192 x 8192).
inline constexpr std::uint32_t kMaxPngSide = 16384;
inline constexpr std::uint64_t kMaxPngFileBytes = std::uint64_t(1) << 30;

// What compresses a PNG's rows. zlib: libpng's writer with its adaptive row
// filters, the reference. libdeflate: rows unfiltered (filter None) in one
// libdeflate stream, several times faster at a few percent more bytes. Both
// decode to the same pixels.
enum class PngEncoder { libdeflate, zlib };
constexpr std::array<EnumName<PngEncoder>, 2> enum_names(PngEncoder) {
  return {{{PngEncoder::libdeflate, "libdeflate"}, {PngEncoder::zlib, "zlib"}}};
}

// `compression_level`: 0 (none) to 9 (best) for either encoder.
std::vector<std::uint8_t> encode_png(const Image& image, PngEncoder encoder, int compression_level);
// libpng and zlib.
std::vector<std::uint8_t> encode_png(const Image& image, int compression_level);
// Throws IoError naming `origin` for anything that is not an 8-bit gray or
// RGB PNG, is truncated or corrupt, or is larger than the limits above.
Image decode_png(const std::vector<std::uint8_t>& bytes, const std::string& origin);

Image read_png(const std::string& path);
void write_png(const std::string& path, const Image& image, int compression_level);

// Whole-file helpers. read_file reads regular files of at most max_bytes
// only (a folder, FIFO or device is an IoError, not a hang). write_file_atomic
// writes a temporary sibling and renames it, so a reader never sees half a file.
std::vector<std::uint8_t> read_file(const std::string& path,
                                    std::uint64_t max_bytes = kMaxPngFileBytes);
void write_file_atomic(const std::string& path, const void* data, std::size_t size);
inline void write_file_atomic(const std::string& path, const std::string& text) {
  write_file_atomic(path, text.data(), text.size());
}

}  // namespace shapegen
