#pragma once
// Private Cairo helpers: every Cairo status passes through check_cairo, and
// pixels cross between Cairo surfaces and Images only here.
#include <cairo.h>

#include <memory>
#include <string>

#include "shapegen/error.hpp"
#include "shapegen/image.hpp"

namespace shapegen {

inline void check_cairo(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS)
    throw Error(std::string("cairo: ") + what + ": " + cairo_status_to_string(status));
}

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

SurfacePtr make_surface(cairo_format_t format, int width, int height);
ContextPtr make_context(cairo_surface_t* surface);

// A surface like make_surface's, but over this thread's reused buffer: a
// fresh image surface costs an allocation and a clear per render, and
// renders come by the thousand. A8 surfaces start clear; RGB24 ones hold
// garbage (render_scene paints every pixel opaque first). One at a time per
// thread: while one is alive, this falls back to make_surface.
class ScratchSurface {
 public:
  ScratchSurface(cairo_format_t format, int width, int height);
  ~ScratchSurface();
  ScratchSurface(const ScratchSurface&) = delete;
  ScratchSurface& operator=(const ScratchSurface&) = delete;
  cairo_surface_t* get() const { return surface_.get(); }

 private:
  SurfacePtr surface_;
  bool owns_buffer_ = false;
};

// RGB24 surface -> Image with 1 (gray: the red channel) or 3 channels.
Image image_from_rgb24(cairo_surface_t* surface, int channels);
// Gray or RGB Image -> new RGB24 surface.
SurfacePtr rgb24_from_image(const Image& image);

}  // namespace shapegen
