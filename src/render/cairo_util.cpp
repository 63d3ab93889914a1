#include "render/cairo_util.hpp"

#include <algorithm>
#include <vector>

namespace shapegen {

SurfacePtr make_surface(cairo_format_t format, int width, int height) {
  SurfacePtr surface(cairo_image_surface_create(format, width, height));
  check_cairo(cairo_surface_status(surface.get()), "creating an image surface");
  return surface;
}

namespace {

struct ScratchBuffer {
  std::vector<unsigned char> bytes;
  bool in_use = false;
};

ScratchBuffer& scratch_buffer() {
  thread_local ScratchBuffer buffer;
  return buffer;
}

}  // namespace

ScratchSurface::ScratchSurface(cairo_format_t format, int width, int height) {
  ScratchBuffer& buffer = scratch_buffer();
  const int stride = cairo_format_stride_for_width(format, width);
  if (buffer.in_use || stride < 0) {
    surface_ = make_surface(format, width, height);
    return;
  }
  const std::size_t size = std::size_t(stride) * std::size_t(height);
  if (buffer.bytes.size() < size) buffer.bytes.resize(size);
  if (format != CAIRO_FORMAT_RGB24) std::fill_n(buffer.bytes.begin(), size, 0);
  surface_.reset(
      cairo_image_surface_create_for_data(buffer.bytes.data(), format, width, height, stride));
  check_cairo(cairo_surface_status(surface_.get()), "creating an image surface");
  buffer.in_use = owns_buffer_ = true;
}

ScratchSurface::~ScratchSurface() {
  surface_.reset();
  if (owns_buffer_) scratch_buffer().in_use = false;
}

ContextPtr make_context(cairo_surface_t* surface) {
  ContextPtr cr(cairo_create(surface));
  check_cairo(cairo_status(cr.get()), "creating a context");
  return cr;
}

Image image_from_rgb24(cairo_surface_t* surface, int channels) {
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  Image img(cairo_image_surface_get_width(surface), cairo_image_surface_get_height(surface),
            channels);
  // One loop per layout, with the width in a local (a byte store could alias
  // img.width), so each vectorizes.
  const int width = img.width;
  for (int y = 0; y < img.height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + std::size_t(y) * stride);
    std::uint8_t* out = &img.pixels[std::size_t(y) * width * channels];
    if (channels == 3) {
      for (int x = 0; x < width; ++x) {
        const std::uint32_t p = row[x];  // native-endian 0x00RRGGBB
        out[3 * x] = std::uint8_t(p >> 16);
        out[3 * x + 1] = std::uint8_t(p >> 8);
        out[3 * x + 2] = std::uint8_t(p);
      }
    } else {
      for (int x = 0; x < width; ++x) out[x] = std::uint8_t(row[x] >> 16);  // r == g == b
    }
  }
  return img;
}

SurfacePtr rgb24_from_image(const Image& img) {
  SurfacePtr s = make_surface(CAIRO_FORMAT_RGB24, img.width, img.height);
  cairo_surface_flush(s.get());
  unsigned char* data = cairo_image_surface_get_data(s.get());
  const int stride = cairo_image_surface_get_stride(s.get());
  for (int y = 0; y < img.height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + std::size_t(y) * stride);
    for (int x = 0; x < img.width; ++x) {
      const std::uint32_t r = img.at(x, y, 0);
      const std::uint32_t g = img.channels == 3 ? img.at(x, y, 1) : r;
      const std::uint32_t b = img.channels == 3 ? img.at(x, y, 2) : r;
      row[x] = (r << 16) | (g << 8) | b;
    }
  }
  cairo_surface_mark_dirty(s.get());
  return s;
}

}  // namespace shapegen
