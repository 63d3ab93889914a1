#include "sample/labels.hpp"

#include <algorithm>
#include <cmath>

#include "render/raster.hpp"

namespace shapegen {

// The object's ink box clipped to the frame and tightened to the pixels where
// `shown` is non-zero; an empty Box when there are none.
static Box visible_box(const Scene& scene, const Box& full, const Image& shown) {
  int c0 = scene.width, r0 = scene.height, c1 = -1, r1 = -1;
  for (int y = 0; y < scene.height; ++y)
    for (int x = 0; x < scene.width; ++x)
      if (shown.at(x, y)) {
        c0 = std::min(c0, x), c1 = std::max(c1, x);
        r0 = std::min(r0, y), r1 = std::max(r1, y);
      }
  if (c1 < 0) return {};
  const Box frame{0, 0, double(scene.width), double(scene.height)};
  return intersect(intersect(full, frame),
                   Box{double(c0), double(r0), double(c1 + 1), double(r1 + 1)});
}

ObjectLabel label_object(const Scene& scene, const Object& object, const Image& cover,
                         ObjectMasks* masks) {
  ObjectLabel label;
  label.object = object;
  label.bbox_full = ink_box(object);
  const bool covered = !cover.pixels.empty();
  for (const Point& p : object.vertices) {
    const bool in_frame = p.x >= 0 && p.x < scene.width && p.y >= 0 && p.y < scene.height;
    const bool hidden = in_frame && covered && cover.at(int(p.x), int(p.y)) >= 128;
    label.vertices.push_back({p, in_frame, in_frame && !hidden});
  }
  const Box& full = label.bbox_full;
  const bool all_in_frame =
      full.x0 >= 0 && full.y0 >= 0 && full.x1 <= scene.width && full.y1 <= scene.height;
  // Antialiased ink in the frame with nothing over it touches every pixel the
  // geometry touches: the box is the geometry's, whether masks are made or not.
  // (Aliased pieces, a jagged pen's, may drop thin tips: those are measured.)
  const bool antialiased =
      scene.antialias && std::none_of(object.strokes.begin(), object.strokes.end(),
                                      [](const StrokePath& s) { return s.aliased; });
  const bool whole_and_clear = all_in_frame && antialiased && !covered;
  if (whole_and_clear && !masks) {
    label.bbox = full;
    return label;
  }
  // Ink leaves the frame, something covers it, or aliasing drops pixels at
  // thin tips: measure the coverage Cairo draws, less what covers it, and
  // tighten the box to the pixels that still show ink.
  Image ink;
  double whole;
  if (all_in_frame) {
    ink = render_coverage(scene, object, 0, 0, scene.width, scene.height);
    whole = coverage_area(ink);
  } else {
    // One render of all the ink on a pixel-aligned window; the frame's part
    // of it is exactly what the frame shows.
    const int fx0 = int(std::floor(full.x0)), fy0 = int(std::floor(full.y0));
    const Image all = render_coverage(scene, object, fx0, fy0, int(std::ceil(full.x1)) - fx0 + 1,
                                      int(std::ceil(full.y1)) - fy0 + 1);
    whole = coverage_area(all);
    ink = Image(scene.width, scene.height, 1);
    for (int y = std::max(0, fy0); y < std::min(scene.height, fy0 + all.height); ++y)
      for (int x = std::max(0, fx0); x < std::min(scene.width, fx0 + all.width); ++x)
        ink.at(x, y) = all.at(x - fx0, y - fy0);
  }
  Image visible = ink;
  if (covered)
    for (std::size_t i = 0; i < visible.pixels.size(); ++i)
      visible.pixels[i] =
          static_cast<std::uint8_t>(visible.pixels[i] * (255 - cover.pixels[i]) / 255);
  label.visible_fraction = whole > 0 ? std::min(1.0, coverage_area(visible) / whole) : 0;
  // A pixel shows the object's ink unless something covers at least half of
  // it and less than half a pixel of ink is left (the antialiased rim of a
  // cover leaves faint slivers that are not "seen"). Pixels that do not show
  // it are cleared from `visible` (kept for masks).
  for (int y = 0; y < scene.height; ++y)
    for (int x = 0; x < scene.width; ++x) {
      std::uint8_t& v = visible.at(x, y);
      if (v && covered && cover.at(x, y) >= 128 && v < 128) v = 0;
    }
  label.bbox = whole_and_clear ? full : visible_box(scene, full, visible);
  if (masks) *masks = {std::move(ink), std::move(visible)};
  return label;
}

// a + b - a*b on 0..255 coverage: the union of two partial covers.
static void unite(Image& a, const Image& b) {
  if (a.pixels.empty()) {
    a = b;
    return;
  }
  for (std::size_t i = 0; i < a.pixels.size(); ++i)
    a.pixels[i] = static_cast<std::uint8_t>(a.pixels[i] + b.pixels[i] * (255 - a.pixels[i]) / 255);
}

void label_scene(Sample& sample, const Image& hidden, bool keep_masks) {
  const Scene& scene = sample.scene;
  const std::size_t n = scene.objects.size();
  sample.objects.assign(n, {});
  if (keep_masks) sample.visible.assign(n, {});
  const bool layered = n > 1 || keep_masks;
  std::vector<Image> shown(layered ? n : 0);
  // From the top down: each object is covered by the occluders and by the
  // ink of every object drawn after it.
  Image above;
  for (std::size_t j = n; j-- > 0;) {
    Image cover = hidden;
    if (!above.pixels.empty()) unite(cover, above);
    ObjectMasks masks;
    sample.objects[j] = label_object(scene, scene.objects[j], cover, layered ? &masks : nullptr);
    if (!layered) continue;
    unite(above, masks.ink);
    shown[j] = std::move(masks.visible);
  }
  if (!layered) return;
  // Where several objects show ink in one pixel, it belongs to the one that
  // shows the most (the upper one on a tie): each pixel has one owner, and
  // visible boxes and masks agree.
  for (std::size_t i = 0; i < std::size_t(scene.width) * scene.height; ++i) {
    std::size_t owner = n;
    for (std::size_t j = n; j-- > 0;)
      if (shown[j].pixels[i] && (owner == n || shown[j].pixels[i] > shown[owner].pixels[i]))
        owner = j;
    for (std::size_t j = 0; j < n; ++j)
      if (j != owner) shown[j].pixels[i] = 0;
  }
  for (std::size_t j = 0; j < n; ++j) {
    if (n > 1) sample.objects[j].bbox = visible_box(scene, sample.objects[j].bbox_full, shown[j]);
    if (keep_masks) sample.visible[j] = std::move(shown[j]);
  }
}

Image instance_mask(const Sample& sample) {
  const int w = sample.scene.width, h = sample.scene.height;
  Image instance(w, h, 1);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int best = 0, owner = -1;
      for (std::size_t j = 0; j < sample.visible.size(); ++j)
        if (sample.visible[j].at(x, y) > best) best = sample.visible[j].at(x, y), owner = int(j);
      if (owner >= 0) instance.at(x, y) = static_cast<std::uint8_t>(owner + 1);
    }
  return instance;
}

}  // namespace shapegen
