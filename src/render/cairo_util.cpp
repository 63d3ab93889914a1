#include "render/cairo_util.hpp"

namespace shapegen {

SurfacePtr make_surface(cairo_format_t format, int width, int height) {
  SurfacePtr surface(cairo_image_surface_create(format, width, height));
  check_cairo(cairo_surface_status(surface.get()), "creating an image surface");
  return surface;
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
  for (int y = 0; y < img.height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + std::size_t(y) * stride);
    std::uint8_t* out = &img.pixels[std::size_t(y) * img.width * channels];
    for (int x = 0; x < img.width; ++x) {
      const std::uint32_t p = row[x];  // native-endian 0x00RRGGBB
      if (channels == 3) {
        *out++ = (p >> 16) & 0xff;
        *out++ = (p >> 8) & 0xff;
        *out++ = p & 0xff;
      } else {
        *out++ = (p >> 16) & 0xff;  // gray scenes draw r == g == b
      }
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
