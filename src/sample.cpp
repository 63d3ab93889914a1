#include "shapegen/sample.hpp"

#include <algorithm>
#include <cmath>

#include "shapegen/raster.hpp"

namespace shapegen {

static double coverage_sum(const Image& mask) {
  double sum = 0;
  for (std::uint8_t v : mask.pixels) sum += v;
  return sum;
}

ObjectLabel label_object(const Scene& scene, const Object& object) {
  ObjectLabel label;
  label.object = object;
  label.bbox_full = inflate(extents(object.outline), object.style.ink_margin());
  const Box frame{0, 0, double(scene.width), double(scene.height)};
  for (const Point& p : object.vertices) {
    const bool in_frame = p.x >= 0 && p.x < scene.width && p.y >= 0 && p.y < scene.height;
    label.vertices.push_back({p, in_frame, in_frame});
  }
  const Box& full = label.bbox_full;
  const bool all_in_frame =
      full.x0 >= 0 && full.y0 >= 0 && full.x1 <= scene.width && full.y1 <= scene.height;
  if (all_in_frame && scene.antialias) {
    label.bbox = full;  // antialiased ink touches every pixel the geometry touches
    return label;
  }
  // Ink leaves the frame, or aliasing drops pixels at thin tips: measure the
  // coverage Cairo draws and tighten the box to the pixels that hold ink.
  const Image inside = render_coverage(scene, object, 0, 0, scene.width, scene.height);
  if (!all_in_frame) {
    const int fx0 = int(std::floor(full.x0)), fy0 = int(std::floor(full.y0));
    const Image whole = render_coverage(scene, object, fx0, fy0, int(std::ceil(full.x1)) - fx0 + 1,
                                        int(std::ceil(full.y1)) - fy0 + 1);
    const double whole_sum = coverage_sum(whole);
    label.visible_fraction = whole_sum > 0 ? coverage_sum(inside) / whole_sum : 0;
  }
  int c0 = scene.width, r0 = scene.height, c1 = -1, r1 = -1;
  for (int y = 0; y < scene.height; ++y)
    for (int x = 0; x < scene.width; ++x)
      if (inside.at(x, y)) {
        c0 = std::min(c0, x), c1 = std::max(c1, x);
        r0 = std::min(r0, y), r1 = std::max(r1, y);
      }
  if (c1 < 0) {
    label.bbox = {};
    return label;
  }
  const Box clipped = intersect(full, frame);
  label.bbox = intersect(clipped, Box{double(c0), double(r0), double(c1 + 1), double(r1 + 1)});
  return label;
}

Sample make_sample(const Sampler& sampler, std::uint64_t index) {
  Sample sample;
  sample.index = index;
  sample.seed = sampler.seed_of(index);
  sample.scene = sampler.draw(index);
  sample.image = render_scene(sample.scene);
  for (const Object& obj : sample.scene.objects)
    sample.objects.push_back(label_object(sample.scene, obj));
  return sample;
}

}  // namespace shapegen
