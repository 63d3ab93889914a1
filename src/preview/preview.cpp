#include "shapegen/preview.hpp"

#include <algorithm>
#include <cmath>

#include "render/cairo_util.hpp"
#include "shapes/registry.hpp"

namespace shapegen {

static void overlay_color(cairo_t* cr, ShapeClass c) {
  const auto& [r, g, b] = shape_decl(c).overlay;
  cairo_set_source_rgb(cr, r, g, b);
}

Image contact_sheet(const std::vector<Sample>& samples, const PreviewOptions& options) {
  const int n = static_cast<int>(samples.size());
  const int w = samples.front().image.width, h = samples.front().image.height;
  const int scale =
      options.scale > 0 ? options.scale : std::max(1, (96 + std::max(w, h) - 1) / std::max(w, h));
  const int columns = options.columns > 0 ? options.columns : int(std::ceil(std::sqrt(double(n))));
  const int rows = (n + columns - 1) / columns;
  constexpr int kGap = 4;
  const int tw = w * scale, th = h * scale;
  const int width = columns * (tw + kGap) + kGap, height = rows * (th + kGap) + kGap;

  SurfacePtr sheet = make_surface(CAIRO_FORMAT_RGB24, width, height);
  ContextPtr context = make_context(sheet.get());
  cairo_t* cr = context.get();
  cairo_set_source_rgb(cr, 0.35, 0.35, 0.4);
  cairo_paint(cr);
  for (int i = 0; i < n; ++i) {
    const Sample& s = samples[i];
    const double ox = kGap + (i % columns) * (tw + kGap), oy = kGap + (i / columns) * (th + kGap);
    SurfacePtr tile = rgb24_from_image(s.image);
    cairo_save(cr);
    cairo_translate(cr, ox, oy);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, tile.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
    cairo_paint(cr);
    cairo_restore(cr);
    if (!options.overlays) continue;
    cairo_save(cr);  // overlays stay inside their tile, even for points outside the frame
    cairo_rectangle(cr, ox, oy, tw, th);
    cairo_clip(cr);
    cairo_set_line_width(cr, 1);
    for (const ObjectLabel& l : s.objects) {
      if (l.bbox.empty()) continue;
      overlay_color(cr, label_class(l.object));
      cairo_rectangle(cr, ox + l.bbox.x0 * scale, oy + l.bbox.y0 * scale, l.bbox.width() * scale,
                      l.bbox.height() * scale);
      cairo_stroke(cr);
      cairo_set_source_rgb(cr, 1, 0.85, 0);
      for (const VertexLabel& v : l.vertices) {
        cairo_arc(cr, ox + v.point.x * scale, oy + v.point.y * scale, 1.5, 0, 6.2832);
        cairo_fill(cr);
      }
    }
    cairo_restore(cr);
  }
  check_cairo(cairo_status(cr), "drawing the contact sheet");
  return image_from_rgb24(sheet.get(), 3);
}

}  // namespace shapegen
