#include "render/raster.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <vector>

#include "base/rng.hpp"
#include "render/cairo_util.hpp"
#include "render/ring.hpp"

namespace shapegen {

namespace {

void set_antialias(cairo_t* cr, bool on) {
  cairo_set_antialias(cr, on ? CAIRO_ANTIALIAS_DEFAULT : CAIRO_ANTIALIAS_NONE);
}

void set_color(cairo_t* cr, Rgb c) {
  cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0);
}

void outline_path(cairo_t* cr, const Object& obj) {
  cairo_new_path(cr);
  cairo_move_to(cr, obj.outline[0].x, obj.outline[0].y);
  for (std::size_t i = 1; i < obj.outline.size(); ++i)
    cairo_line_to(cr, obj.outline[i].x, obj.outline[i].y);
  cairo_close_path(cr);
}

void polyline_path(cairo_t* cr, const StrokePath& s) {
  cairo_new_path(cr);
  cairo_move_to(cr, s.points[0].x, s.points[0].y);
  for (std::size_t i = 1; i < s.points.size(); ++i) cairo_line_to(cr, s.points[i].x, s.points[i].y);
  if (s.closed) cairo_close_path(cr);
}

// A stroke whose width changes along it: the union of a quad per segment and
// a disc at each end and each joint that turns by more than 15 degrees (round
// caps and joins). At gentler joints the quads leave a notch no deeper than
// half the width times 1 - cos(7.5 deg), under 0.01 px for strokes up to
// 2.3 px: invisible, and cheaper to draw. All pieces are wound
// the same way, so the nonzero rule unites them without seams.
bool needs_disc(const StrokePath& s, std::size_t i) {
  const std::size_t n = s.points.size();
  if (!s.closed && (i == 0 || i + 1 == n)) return true;
  const Point a = s.points[(i + n - 1) % n], b = s.points[i], c = s.points[(i + 1) % n];
  const double ux = b.x - a.x, uy = b.y - a.y, vx = c.x - b.x, vy = c.y - b.y;
  const double cross = ux * vy - uy * vx, dot = ux * vx + uy * vy;
  if (dot > 0) {
    // The turn's tangent (tan 15 deg = 0.26795): away from the threshold it
    // decides alone, as atan2 would; near it, atan2 decides.
    const double tangent = std::abs(cross) / dot;
    if (tangent < 0.2679) return false;
    if (tangent > 0.2680) return true;
  }
  return std::abs(std::atan2(cross, dot)) > radians(15);
}

void variable_width_path(cairo_t* cr, const StrokePath& s) {
  cairo_new_path(cr);
  const std::size_t n = s.points.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (!needs_disc(s, i)) continue;
    cairo_new_sub_path(cr);
    cairo_arc(cr, s.points[i].x, s.points[i].y, s.widths[i] / 2, 0, 2 * M_PI);
  }
  const std::size_t segments = s.closed ? n : n - 1;
  for (std::size_t i = 0; i < segments; ++i) {
    const Point a = s.points[i], b = s.points[(i + 1) % n];
    const double len = distance(a, b);
    if (len == 0) continue;
    const Point across{-(b.y - a.y) / len, (b.x - a.x) / len};
    const double ha = s.widths[i] / 2, hb = s.widths[(i + 1) % n] / 2;
    Point q[4] = {a + across * ha, b + across * hb, b - across * hb, a - across * ha};
    if (polygon_area_signed(q) < 0) std::swap(q[1], q[3]);  // wind like cairo_arc
    cairo_move_to(cr, q[0].x, q[0].y);
    for (int k = 1; k < 4; ++k) cairo_line_to(cr, q[k].x, q[k].y);
    cairo_close_path(cr);
  }
}

// The shape of a stroke piece, filled or stroked with the current source.
void draw_stroke(cairo_t* cr, const StrokePath& s) {
  const bool constant =
      std::all_of(s.widths.begin(), s.widths.end(), [&](double w) { return w == s.widths[0]; });
  if (s.points.size() == 1) {  // a dot: the pen touched the paper and lifted
    cairo_new_path(cr);
    cairo_arc(cr, s.points[0].x, s.points[0].y, s.widths[0] / 2, 0, 2 * M_PI);
    cairo_fill(cr);
  } else if (constant && fill_ring(cr, s)) {
    // circles: filled as a ring, cheaper, the same ink
  } else if (constant) {
    polyline_path(cr, s);
    cairo_set_line_width(cr, s.widths[0]);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke(cr);
  } else {
    variable_width_path(cr, s);
    cairo_fill(cr);
  }
}

// How much ink a piece leaves along it, per pixel of a window around it
// (an A8 surface at (x0, y0)): each point's disc, a pixel wider than the
// stroke so the stroke's antialiased edge finds ink too, stamps the ink of
// that point; later points replace earlier ones, so the ink follows the
// stroke instead of piling up. Made here rather than by Cairo: a Cairo fill
// or stroke per ink level cost more than all the rest of the piece.
// Calls f(point, width, ink) on each point of densify(s, spacing), computed
// as densify computes them, without making the copy.
template <typename F>
void for_each_dense_point(const StrokePath& s, double spacing, F&& f) {
  const bool inked = !s.inks.empty();
  densify_steps(
      s.points, s.closed, spacing,
      [&](std::size_t i, std::size_t j, double t) {
        f(interpolate(s.points[i], s.points[j], t), interpolate(s.widths[i], s.widths[j], t),
          inked ? interpolate(s.inks[i], s.inks[j], t) : 0);
      },
      [&](std::size_t last) { f(s.points[last], s.widths[last], inked ? s.inks[last] : 0); });
}

SurfacePtr ink_surface(const StrokePath& s, int& x0, int& y0) {
  // The points of densify(s, 1.0), into this thread's reused buffers.
  struct Dense {
    std::vector<Point> points;
    std::vector<double> widths, inks;
  };
  thread_local Dense dense;
  dense.points.clear();
  dense.widths.clear();
  dense.inks.clear();
  for_each_dense_point(s, 1.0, [&](Point p, double width, double ink) {
    dense.points.push_back(p);
    dense.widths.push_back(width);
    dense.inks.push_back(ink);
  });
  Box box{dense.points[0].x, dense.points[0].y, dense.points[0].x, dense.points[0].y};
  for (std::size_t i = 0; i < dense.points.size(); ++i) {
    const Point p = dense.points[i];
    const double r = dense.widths[i] / 2 + 1;
    box = {std::min(box.x0, p.x - r), std::min(box.y0, p.y - r), std::max(box.x1, p.x + r),
           std::max(box.y1, p.y + r)};
  }
  x0 = int(std::floor(box.x0));
  y0 = int(std::floor(box.y0));
  const int w = int(std::ceil(box.x1)) - x0 + 1, h = int(std::ceil(box.y1)) - y0 + 1;
  SurfacePtr surface = make_surface(CAIRO_FORMAT_A8, w, h);
  cairo_surface_flush(surface.get());
  unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (std::size_t i = 0; i < dense.points.size(); ++i) {
    const Point p{dense.points[i].x - x0, dense.points[i].y - y0};  // window coordinates
    const double r = dense.widths[i] / 2 + 1;
    const auto ink =
        static_cast<unsigned char>(std::lround(std::clamp(dense.inks[i], 0.0, 1.0) * 255));
    const int r0 = std::max(0, int(p.y - r)), r1 = std::min(h - 1, int(p.y + r));
    const int c0 = std::max(0, int(p.x - r)), c1 = std::min(w - 1, int(p.x + r));
    for (int y = r0; y <= r1; ++y)
      for (int x = c0; x <= c1; ++x) {
        const double dx = x + 0.5 - p.x, dy = y + 0.5 - p.y;
        if (dx * dx + dy * dy <= r * r) data[std::size_t(y) * stride + x] = ink;
      }
  }
  cairo_surface_mark_dirty(surface.get());
  return surface;
}

// This thread's group for inked pieces: an ARGB32 surface the size of the
// render with its own context, cleared before each piece: what
// cairo_push_group makes on an unclipped target, without making it anew
// (an allocation, a clear and a pattern per piece).
struct InkGroup {
  SurfacePtr surface;
  ContextPtr cr;
  int width = 0, height = 0;
};

InkGroup& ink_group(int width, int height) {
  thread_local InkGroup group;
  if (!group.surface || group.width != width || group.height != height) {
    group.cr.reset();
    group.surface = make_surface(CAIRO_FORMAT_ARGB32, width, height);
    group.cr = make_context(group.surface.get());
    group.width = width;
    group.height = height;
  } else {
    cairo_surface_flush(group.surface.get());
    std::fill_n(cairo_image_surface_get_data(group.surface.get()),
                std::size_t(cairo_image_surface_get_stride(group.surface.get())) * height, 0);
    cairo_surface_mark_dirty(group.surface.get());
  }
  return group;
}

// A piece whose ink varies along it: its shape in the stroke color, masked
// by its ink. Each piece is composited on its own, so where two pieces cross
// the ink adds up as a pen's does.
void draw_inked_stroke(cairo_t* cr, const StrokePath& s, Rgb color) {
  int x0 = 0, y0 = 0;
  const SurfacePtr ink = ink_surface(s, x0, y0);
  cairo_surface_t* target = cairo_get_target(cr);
  InkGroup& group =
      ink_group(cairo_image_surface_get_width(target), cairo_image_surface_get_height(target));
  cairo_t* gcr = group.cr.get();
  cairo_set_antialias(gcr, cairo_get_antialias(cr));
  set_color(gcr, color);
  draw_stroke(gcr, s);
  cairo_new_path(gcr);
  check_cairo(cairo_status(gcr), "drawing an inked piece");
  cairo_set_source_surface(cr, group.surface.get(), 0, 0);
  cairo_mask_surface(cr, ink.get(), x0, y0);
}

// Fill then stroke; `mono` draws everything opaque black (for coverage masks:
// the ink's extent, whatever its level).
void draw_object(cairo_t* cr, const Object& obj, bool mono) {
  const Style& s = obj.style;
  if (s.has_fill()) {
    outline_path(cr, obj);
    if (mono)
      cairo_set_source_rgba(cr, 0, 0, 0, 1);
    else
      set_color(cr, s.fill_rgb());
    cairo_fill(cr);
  }
  const cairo_antialias_t antialias = cairo_get_antialias(cr);
  for_each_ink_stroke(obj, [&](const StrokePath& piece) {
    if (piece.aliased) cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
    if (!mono && !piece.inks.empty()) {
      draw_inked_stroke(cr, piece, s.stroke);
    } else {
      if (mono)
        cairo_set_source_rgba(cr, 0, 0, 0, 1);
      else
        set_color(cr, s.stroke);
      draw_stroke(cr, piece);
    }
    cairo_set_antialias(cr, antialias);
  });
  cairo_new_path(cr);
  check_cairo(cairo_status(cr), "drawing an object");
}

// Value noise in [0, 1]: random values on a lattice of spacing `scale`,
// blended with smoothstep. Lattice values hash their coordinates, so the
// texture does not depend on the order pixels are visited; they are computed
// once per lattice point into a grid.
class ValueNoise {
 public:
  ValueNoise(std::uint64_t seed, double scale, int width, int height)
      : scale_(scale),
        nx_(int(width / scale) + 2),
        ny_(int(height / scale) + 2),
        grid_(std::size_t(nx_) * ny_) {
    for (int iy = 0; iy < ny_; ++iy)
      for (int ix = 0; ix < nx_; ++ix) {
        std::uint64_t h = seed ^ (static_cast<std::uint64_t>(ix) * 0x9e3779b97f4a7c15ULL) ^
                          (static_cast<std::uint64_t>(iy) * 0xc2b2ae3d27d4eb4fULL);
        grid_[std::size_t(iy) * nx_ + ix] = static_cast<double>(splitmix64(h) >> 11) * 0x1.0p-53;
      }
  }
  // At the centre of pixel (x, y).
  double at(int x, int y) const {
    const double u = (x + 0.5) / scale_, v = (y + 0.5) / scale_;
    const int ix = int(u), iy = int(v);
    auto smooth = [](double t) { return t * t * (3 - 2 * t); };
    const double tx = smooth(u - ix), ty = smooth(v - iy);
    const double* row0 = &grid_[std::size_t(iy) * nx_ + ix];
    const double* row1 = row0 + nx_;
    const double top = row0[0] * (1 - tx) + row0[1] * tx,
                 bottom = row1[0] * (1 - tx) + row1[1] * tx;
    return top * (1 - ty) + bottom * ty;
  }

 private:
  double scale_;
  int nx_, ny_;
  std::vector<double> grid_;
};

void paint_background(cairo_t* cr, const Scene& scene) {
  const Background& t = scene.texture;
  const Rgb a = scene.background, b = t.other;
  if (t.kind == Background::Kind::solid) {
    set_color(cr, a);
    cairo_paint(cr);
    return;
  }
  if (t.kind == Background::Kind::gradient) {
    // From the frame corner furthest back along the direction to the one furthest ahead.
    const double ux = std::cos(radians(t.angle)), uy = std::sin(radians(t.angle));
    const double cx = scene.width / 2.0, cy = scene.height / 2.0;
    const double reach = (std::abs(ux) * scene.width + std::abs(uy) * scene.height) / 2;
    cairo_pattern_t* g = cairo_pattern_create_linear(cx - ux * reach, cy - uy * reach,
                                                     cx + ux * reach, cy + uy * reach);
    cairo_pattern_add_color_stop_rgb(g, 0, a.r / 255.0, a.g / 255.0, a.b / 255.0);
    cairo_pattern_add_color_stop_rgb(g, 1, b.r / 255.0, b.g / 255.0, b.b / 255.0);
    cairo_set_source(cr, g);
    cairo_paint(cr);
    cairo_pattern_destroy(g);
    return;
  }
  // Two octaves: broad blotches plus finer grain.
  const ValueNoise broad(t.seed, t.scale, scene.width, scene.height);
  const ValueNoise fine(~t.seed, t.scale / 2, scene.width, scene.height);
  // Written straight into the surface: painting an opaque RGB24 texture over
  // it would copy the same pixels, through a second surface.
  cairo_surface_t* target = cairo_get_target(cr);
  cairo_surface_flush(target);
  unsigned char* data = cairo_image_surface_get_data(target);
  const int stride = cairo_image_surface_get_stride(target);
  for (int y = 0; y < scene.height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + std::size_t(y) * stride);
    for (int x = 0; x < scene.width; ++x) {
      const double v = 0.65 * broad.at(x, y) + 0.35 * fine.at(x, y);
      // v in [0, 1] keeps every value in 0..255: + 0.5 and truncate rounds.
      const auto r = static_cast<std::uint8_t>(a.r + (b.r - a.r) * v + 0.5);
      const auto g = static_cast<std::uint8_t>(a.g + (b.g - a.g) * v + 0.5);
      const auto bl = static_cast<std::uint8_t>(a.b + (b.b - a.b) * v + 0.5);
      row[x] = std::uint32_t(r) << 16 | std::uint32_t(g) << 8 | bl;
    }
  }
  cairo_surface_mark_dirty(target);
}

}  // namespace

Image render_scene(const Scene& scene) {
  ScratchSurface surface(CAIRO_FORMAT_RGB24, scene.width, scene.height);  // painted over whole
  {
    ContextPtr cr = make_context(surface.get());
    set_antialias(cr.get(), scene.antialias);
    paint_background(cr.get(), scene);
    for (const Object& obj : scene.objects) draw_object(cr.get(), obj, false);
  }
  return image_from_rgb24(surface.get(), scene.rgb ? 3 : 1);
}

namespace {

// Draws `objects` opaque into an A8 window of the plane.
Image render_mono(const Scene& scene, std::span<const Object> objects, int x0, int y0, int width,
                  int height) {
  ScratchSurface surface(CAIRO_FORMAT_A8, width, height);
  {
    ContextPtr cr = make_context(surface.get());
    set_antialias(cr.get(), scene.antialias);
    cairo_translate(cr.get(), -x0, -y0);
    for (const Object& obj : objects) draw_object(cr.get(), obj, true);
  }
  cairo_surface_flush(surface.get());
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  Image mask(width, height, 1);
  for (int y = 0; y < height; ++y)
    std::copy_n(data + std::size_t(y) * stride, width, &mask.pixels[std::size_t(y) * width]);
  return mask;
}

// Whether a window holds all of the ink inside `ink`: Cairo draws none outside
// the ink box's pixels, and only then does a render not depend on its window
// (it culls geometry beyond the surface, which moves its rounding).
bool holds(const Box& ink, int x0, int y0, int width, int height) {
  return std::floor(ink.x0) >= x0 && std::floor(ink.y0) >= y0 && std::ceil(ink.x1) <= x0 + width &&
         std::ceil(ink.y1) <= y0 + height;
}

// The thread's last render_ink_coverage (raster.hpp).
struct InkMemo {
  std::vector<Object> objects;
  bool antialias = true;
  int x0 = 0, y0 = 0;
  Image mask;
  bool complete = false;  // the window holds all their ink

  bool shows(const Scene& scene) const {
    return !mask.pixels.empty() && antialias == scene.antialias && objects == scene.objects;
  }
  bool shows_only(const Scene& scene, const Object& object) const {
    return !mask.pixels.empty() && antialias == scene.antialias && objects.size() == 1 &&
           objects[0] == object;
  }
  // What a render over the window would give, when it can tell: the same
  // window, or both holding all the ink (`ink`, its box).
  std::optional<Image> window(const Box& ink, int wx, int wy, int width, int height) const {
    const bool same = wx == x0 && wy == y0 && width == mask.width && height == mask.height;
    if (same) return mask;
    if (!complete || !holds(ink, wx, wy, width, height)) return std::nullopt;
    Image out(width, height, 1);
    for (int y = std::max(wy, y0); y < std::min(wy + height, y0 + mask.height); ++y) {
      const int from = std::max(wx, x0), to = std::min(wx + width, x0 + mask.width);
      if (from < to)
        std::copy_n(&mask.pixels[std::size_t(y - y0) * mask.width + (from - x0)], to - from,
                    &out.pixels[std::size_t(y - wy) * width + (from - wx)]);
    }
    return out;
  }
};

InkMemo& ink_memo() {
  thread_local InkMemo memo;
  return memo;
}

}  // namespace

Image render_coverage(const Scene& scene, const Object& object, int x0, int y0, int width,
                      int height) {
  const InkMemo& memo = ink_memo();
  if (memo.shows_only(scene, object))
    if (auto kept = memo.window(ink_box(object), x0, y0, width, height)) return std::move(*kept);
  return render_mono(scene, std::span<const Object>(&object, 1), x0, y0, width, height);
}

Image render_ink_coverage(const Scene& scene, int x0, int y0, int width, int height) {
  InkMemo& memo = ink_memo();
  const Box ink = scene_ink_box(scene);
  const bool shown = memo.shows(scene);
  if (shown)
    if (auto kept = memo.window(ink, x0, y0, width, height)) return std::move(*kept);
  Image mask = render_mono(scene, scene.objects, x0, y0, width, height);
  const bool complete = holds(ink, x0, y0, width, height);
  if (!shown || !memo.complete || complete) {  // keep a render that holds all ink
    memo.objects = scene.objects;
    memo.antialias = scene.antialias;
    memo.x0 = x0;
    memo.y0 = y0;
    memo.mask = mask;
    memo.complete = complete;
  }
  return mask;
}

void ink_coverage_moved(const Scene& scene, Point by) {
  InkMemo& memo = ink_memo();
  if (memo.mask.pixels.empty()) return;
  const bool whole_pixels = by.x == std::floor(by.x) && by.y == std::floor(by.y) &&
                            std::abs(by.x) < 1e6 && std::abs(by.y) < 1e6;
  if (whole_pixels && memo.objects.size() == scene.objects.size()) {
    // The same expression crop moves the scene with, so the copies match bit for bit.
    for (Object& o : memo.objects) transform_points(o, [by](Point p) { return translate(p, by); });
    memo.x0 += int(by.x);
    memo.y0 += int(by.y);
    if (memo.shows(scene)) return;
  }
  memo = {};
}

double coverage_area(const Image& mask) {
  std::uint64_t sum = 0;
  for (std::uint8_t v : mask.pixels) sum += v;
  return sum / 255.0;
}

}  // namespace shapegen
