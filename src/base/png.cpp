#include "shapegen/png.hpp"

#include <libdeflate.h>
#include <png.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/file_check.hpp"
#include "shapegen/error.hpp"

namespace shapegen {

namespace {

// libpng reports errors by longjmp; its message is kept here so the C++ side
// can throw it once control is back in our frame.
struct PngState {
  char message[256] = "unknown libpng error";
  const std::vector<std::uint8_t>* input = nullptr;
  std::size_t offset = 0;
  std::vector<std::uint8_t>* output = nullptr;
};

void on_error(png_structp png, png_const_charp msg) {
  auto* state = static_cast<PngState*>(png_get_error_ptr(png));
  std::snprintf(state->message, sizeof state->message, "%s", msg);
  png_longjmp(png, 1);
}
void on_warning(png_structp, png_const_charp) {}

void on_write(png_structp png, png_bytep data, png_size_t length) {
  auto* state = static_cast<PngState*>(png_get_io_ptr(png));
  state->output->insert(state->output->end(), data, data + length);
}
void on_flush(png_structp) {}

// The size an IHDR claims, read before libpng allocates anything for it.
bool claimed_size(const std::vector<std::uint8_t>& bytes, std::uint32_t& width,
                  std::uint32_t& height) {
  if (bytes.size() < 24 || std::memcmp(bytes.data() + 12, "IHDR", 4) != 0) return false;
  const auto be32 = [&](std::size_t at) {
    return std::uint32_t(bytes[at]) << 24 | std::uint32_t(bytes[at + 1]) << 16 |
           std::uint32_t(bytes[at + 2]) << 8 | std::uint32_t(bytes[at + 3]);
  };
  width = be32(16);
  height = be32(20);
  return true;
}

// Deflate packs at most 1032 bytes into one, so a file of N bytes cannot
// hold more than about 1032 N bytes of rows: a 68-byte file claiming
// 60000 x 60000 is corrupt, and is reported before 3.6 GB are allocated.
bool can_hold(std::size_t file_bytes, std::uint64_t width, std::uint64_t height, int channels) {
  const std::uint64_t row_bytes = height * (1 + width * std::uint64_t(channels));
  return row_bytes / 1032 <= file_bytes;
}

void on_read(png_structp png, png_bytep data, png_size_t length) {
  auto* state = static_cast<PngState*>(png_get_io_ptr(png));
  if (state->offset + length > state->input->size()) png_error(png, "file is truncated");
  std::memcpy(data, state->input->data() + state->offset, length);
  state->offset += length;
}

}  // namespace

std::vector<std::uint8_t> encode_png(const Image& image, int compression_level) {
  std::vector<std::uint8_t> out;
  PngState state;
  state.output = &out;
  std::vector<png_bytep> rows(image.height);
  for (int y = 0; y < image.height; ++y)
    rows[y] = const_cast<png_bytep>(&image.pixels[std::size_t(y) * image.width * image.channels]);

  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &state, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_write_struct(&png, &info);
    throw Error("libpng: out of memory creating a PNG writer");
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    throw Error(std::string("libpng: encoding failed: ") + state.message);
  }
  png_set_write_fn(png, &state, on_write, on_flush);
  png_set_compression_level(png, compression_level);
  png_set_IHDR(png, info, image.width, image.height, 8,
               image.channels == 3 ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  png_write_image(png, rows.data());
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

namespace {

// A compressor per thread and level, kept: allocating one costs more than
// compressing a small image.
libdeflate_compressor* deflate_compressor(int level) {
  struct Kept {
    std::array<libdeflate_compressor*, 13> by_level{};
    ~Kept() {
      for (libdeflate_compressor* c : by_level) libdeflate_free_compressor(c);
    }
  };
  thread_local Kept kept;
  libdeflate_compressor*& c = kept.by_level[std::size_t(std::clamp(level, 0, 12))];
  if (!c) c = libdeflate_alloc_compressor(std::clamp(level, 0, 12));
  if (!c) throw Error("libdeflate: out of memory creating a compressor");
  return c;
}

void put_u32(std::uint8_t* at, std::uint32_t v) {
  at[0] = std::uint8_t(v >> 24), at[1] = std::uint8_t(v >> 16);
  at[2] = std::uint8_t(v >> 8), at[3] = std::uint8_t(v);
}

// Appends a chunk of `size` bytes whose data the caller wrote (or writes)
// right after its type; returns where the data starts.
std::size_t open_chunk(std::vector<std::uint8_t>& out, const char* type, std::size_t size) {
  const std::size_t at = out.size();
  out.resize(at + 8 + size);
  put_u32(&out[at], std::uint32_t(size));
  std::copy_n(type, 4, &out[at + 4]);
  return at + 8;
}

// The chunk whose data starts at `data` ends `size` bytes later: its CRC.
void close_chunk(std::vector<std::uint8_t>& out, std::size_t data, std::size_t size) {
  out.resize(data + size + 4);
  put_u32(&out[data - 8], std::uint32_t(size));
  put_u32(&out[data + size], std::uint32_t(libdeflate_crc32(0, &out[data - 4], size + 4)));
}

// Signature, IHDR, one IDAT (a chunk holds up to 2^31 - 1 bytes; frames are
// at most 8192 x 8192 x 3), IEND.
std::vector<std::uint8_t> encode_png_libdeflate(const Image& image, int level) {
  const std::size_t row = std::size_t(image.width) * image.channels;
  thread_local std::vector<std::uint8_t> raw;  // filter byte 0 (None) + the row, per row
  raw.resize((row + 1) * std::size_t(image.height));
  for (int y = 0; y < image.height; ++y) {
    raw[y * (row + 1)] = 0;
    std::copy_n(&image.pixels[y * row], row, &raw[y * (row + 1) + 1]);
  }
  libdeflate_compressor* compressor = deflate_compressor(level);
  std::vector<std::uint8_t> out = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  const std::size_t header = open_chunk(out, "IHDR", 13);
  put_u32(&out[header], std::uint32_t(image.width));
  put_u32(&out[header + 4], std::uint32_t(image.height));
  const std::uint8_t rest[5] = {8, std::uint8_t(image.channels == 3 ? 2 : 0), 0, 0, 0};
  std::copy_n(rest, 5, &out[header + 8]);
  close_chunk(out, header, 13);
  const std::size_t bound = libdeflate_zlib_compress_bound(compressor, raw.size());
  const std::size_t data = open_chunk(out, "IDAT", bound);
  const std::size_t size =
      libdeflate_zlib_compress(compressor, raw.data(), raw.size(), &out[data], bound);
  if (size == 0) throw Error("libdeflate: encoding failed");
  close_chunk(out, data, size);
  close_chunk(out, open_chunk(out, "IEND", 0), 0);
  return out;
}

}  // namespace

std::vector<std::uint8_t> encode_png(const Image& image, PngEncoder encoder,
                                     int compression_level) {
  return encoder == PngEncoder::libdeflate ? encode_png_libdeflate(image, compression_level)
                                           : encode_png(image, compression_level);
}

Image decode_png(const std::vector<std::uint8_t>& bytes, const std::string& origin) {
  if (bytes.size() < 8 || png_sig_cmp(bytes.data(), 0, 8) != 0)
    throw IoError(origin + ": not a PNG file");
  std::uint32_t claimed_width = 0, claimed_height = 0;
  if (claimed_size(bytes, claimed_width, claimed_height) &&
      (claimed_width > kMaxPngSide || claimed_height > kMaxPngSide))
    throw IoError(origin + ": image too large (" + std::to_string(claimed_width) + "x" +
                  std::to_string(claimed_height) + "; at most " + std::to_string(kMaxPngSide) +
                  "x" + std::to_string(kMaxPngSide) + ")");
  PngState state;
  state.input = &bytes;
  Image image;
  std::vector<png_bytep> rows;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state, on_error, on_warning);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  if (!png || !info) {
    png_destroy_read_struct(&png, &info, nullptr);
    throw Error("libpng: out of memory creating a PNG reader");
  }
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_read_struct(&png, &info, nullptr);
    throw IoError(origin + ": corrupt PNG (" + state.message + ")");
  }
  png_set_read_fn(png, &state, on_read);
  // Bounds on what a hostile file can make libpng allocate: the frame, the
  // number of ancillary chunks kept and the size of any one. libpng only
  // warns about a chunk over that size and allocates it anyway (an sPLT
  // claiming 0x73737373 bytes cost 2.1 GB), so the ancillary chunks, none
  // of which shapegen reads, are skipped unread. Rows are read in place.
  png_set_user_limits(png, kMaxPngSide, kMaxPngSide);
  png_set_chunk_cache_max(png, 128);
  png_set_chunk_malloc_max(png, 8u << 20);
  png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, nullptr, -1);
  png_read_info(png, info);
  const int depth = png_get_bit_depth(png, info);
  const int type = png_get_color_type(png, info);
  if (depth != 8 || (type != PNG_COLOR_TYPE_GRAY && type != PNG_COLOR_TYPE_RGB)) {
    png_destroy_read_struct(&png, &info, nullptr);
    throw IoError(origin + ": unsupported PNG format (need 8-bit gray or RGB, got bit depth " +
                  std::to_string(depth) + ", color type " + std::to_string(type) + ")");
  }
  const std::uint32_t width = png_get_image_width(png, info);
  const std::uint32_t height = png_get_image_height(png, info);
  const int channels = type == PNG_COLOR_TYPE_RGB ? 3 : 1;
  if (!can_hold(bytes.size(), width, height, channels)) {
    png_destroy_read_struct(&png, &info, nullptr);
    throw IoError(origin + ": corrupt PNG (claims " + std::to_string(width) + "x" +
                  std::to_string(height) + " pixels, more than its " +
                  std::to_string(bytes.size()) + " bytes can hold)");
  }
  image = Image(int(width), int(height), channels);
  rows.resize(image.height);
  for (int y = 0; y < image.height; ++y)
    rows[y] = &image.pixels[std::size_t(y) * image.width * image.channels];
  png_read_image(png, rows.data());
  png_read_end(png, nullptr);
  png_destroy_read_struct(&png, &info, nullptr);
  return image;
}

std::vector<std::uint8_t> read_file(const std::string& path, std::uint64_t max_bytes) {
  return read_regular_file(path, path, max_bytes);
}

void write_file_atomic(const std::string& path, const void* data, std::size_t size) {
  // Unique per call, not just per process: two threads may write the same
  // name (verify's diff images of two layouts' files with one stem). A
  // killed run's leftovers are found by this form (store/writer.cpp).
  static std::atomic<std::uint64_t> calls{0};
  const std::string tmp =
      path + ".tmp" + std::to_string(::getpid()) + "-" + std::to_string(calls++);
  std::error_code ignored;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError(path + ": cannot be written");
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    if (!out) {
      std::filesystem::remove(tmp, ignored);
      throw IoError(path + ": write failed (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ignored);
    throw IoError(path + ": cannot be written (" + ec.message() + ")");
  }
}

Image read_png(const std::string& path) {
  return decode_png(read_file(path, kMaxPngFileBytes), path);
}

void write_png(const std::string& path, const Image& image, int compression_level) {
  const auto bytes = encode_png(image, compression_level);
  write_file_atomic(path, bytes.data(), bytes.size());
}

}  // namespace shapegen
