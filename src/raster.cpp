#include "shapegen/raster.hpp"

#include "cairo_util.hpp"

namespace shapegen {

namespace {

void set_antialias(cairo_t* cr, bool on) {
  cairo_set_antialias(cr, on ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
}

void set_color(cairo_t* cr, Rgb c) { cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0); }

void outline_path(cairo_t* cr, const Object& obj) {
  cairo_new_path(cr);
  cairo_move_to(cr, obj.outline[0].x, obj.outline[0].y);
  for (std::size_t i = 1; i < obj.outline.size(); ++i)
    cairo_line_to(cr, obj.outline[i].x, obj.outline[i].y);
  cairo_close_path(cr);
}

// Fill then stroke; `mono` draws everything opaque black (for coverage masks).
void draw_object(cairo_t* cr, const Object& obj, bool mono) {
  const Style& s = obj.style;
  outline_path(cr, obj);
  if (s.has_fill()) {
    if (mono) cairo_set_source_rgba(cr, 0, 0, 0, 1); else set_color(cr, s.fill_rgb());
    cairo_fill_preserve(cr);
  }
  if (s.stroked()) {
    if (mono) cairo_set_source_rgba(cr, 0, 0, 0, 1); else set_color(cr, s.stroke);
    cairo_set_line_width(cr, s.stroke_width);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke_preserve(cr);
  }
  cairo_new_path(cr);
  check_cairo(cairo_status(cr), "drawing an object");
}

}  // namespace

Image render_scene(const Scene& scene) {
  SurfacePtr surface = make_surface(CAIRO_FORMAT_RGB24, scene.width, scene.height);
  {
    ContextPtr cr = make_context(surface.get());
    set_antialias(cr.get(), scene.antialias);
    set_color(cr.get(), scene.background);
    cairo_paint(cr.get());
    for (const Object& obj : scene.objects) draw_object(cr.get(), obj, false);
  }
  return image_from_rgb24(surface.get(), scene.rgb ? 3 : 1);
}

Image render_coverage(const Scene& scene, const Object& object, int x0, int y0, int width,
                      int height) {
  SurfacePtr surface = make_surface(CAIRO_FORMAT_A8, width, height);
  {
    ContextPtr cr = make_context(surface.get());
    set_antialias(cr.get(), scene.antialias);
    cairo_translate(cr.get(), -x0, -y0);
    draw_object(cr.get(), object, true);
  }
  cairo_surface_flush(surface.get());
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  Image mask(width, height, 1);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) mask.at(x, y) = data[std::size_t(y) * stride + x];
  return mask;
}

}  // namespace shapegen
