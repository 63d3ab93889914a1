#include "shapegen/sample.hpp"

#include <algorithm>
#include <cmath>

#include "shapegen/raster.hpp"

namespace shapegen {

ObjectLabel label_object(const Scene& scene, const Object& object, const Image& hidden) {
  ObjectLabel label;
  label.object = object;
  label.bbox_full = ink_box(object);
  const bool occluded = !hidden.pixels.empty();
  const Box frame{0, 0, double(scene.width), double(scene.height)};
  for (const Point& p : object.vertices) {
    const bool in_frame = p.x >= 0 && p.x < scene.width && p.y >= 0 && p.y < scene.height;
    const bool covered = in_frame && occluded && hidden.at(int(p.x), int(p.y)) >= 128;
    label.vertices.push_back({p, in_frame, in_frame && !covered});
  }
  const Box& full = label.bbox_full;
  const bool all_in_frame =
      full.x0 >= 0 && full.y0 >= 0 && full.x1 <= scene.width && full.y1 <= scene.height;
  if (all_in_frame && scene.antialias && !occluded) {
    label.bbox = full;  // antialiased ink touches every pixel the geometry touches
    return label;
  }
  // Ink leaves the frame, an occluder hides some, or aliasing drops pixels at
  // thin tips: measure the coverage Cairo draws, less what occluders hide,
  // and tighten the box to the pixels that still show ink.
  Image visible;
  double whole;
  if (all_in_frame) {
    visible = render_coverage(scene, object, 0, 0, scene.width, scene.height);
    whole = coverage_area(visible);
  } else {
    // One render of all the ink on a pixel-aligned window; the frame's part
    // of it is exactly what the frame shows.
    const int fx0 = int(std::floor(full.x0)), fy0 = int(std::floor(full.y0));
    const Image all = render_coverage(scene, object, fx0, fy0, int(std::ceil(full.x1)) - fx0 + 1,
                                      int(std::ceil(full.y1)) - fy0 + 1);
    whole = coverage_area(all);
    visible = Image(scene.width, scene.height, 1);
    for (int y = std::max(0, fy0); y < std::min(scene.height, fy0 + all.height); ++y)
      for (int x = std::max(0, fx0); x < std::min(scene.width, fx0 + all.width); ++x)
        visible.at(x, y) = all.at(x - fx0, y - fy0);
  }
  if (occluded)
    for (std::size_t i = 0; i < visible.pixels.size(); ++i)
      visible.pixels[i] = static_cast<std::uint8_t>(visible.pixels[i] * (255 - hidden.pixels[i]) / 255);
  label.visible_fraction = whole > 0 ? std::min(1.0, coverage_area(visible) / whole) : 0;
  int c0 = scene.width, r0 = scene.height, c1 = -1, r1 = -1;
  for (int y = 0; y < scene.height; ++y)
    for (int x = 0; x < scene.width; ++x)
      if (visible.at(x, y)) {
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

Generator::Generator(const Config& config)
    : sampler_(config), augmenter_(config),
      count_(static_cast<std::uint64_t>(config.integer("dataset.count"))),
      variants_(static_cast<int>(config.integer("dataset.variants"))) {}

std::uint64_t Generator::row_count() const { return count_ * (variants_ + 1); }

Sample Generator::make_row(std::uint64_t row) const {
  if (variants_ == 0) return make(row, 1);
  Sample s = make(row / (variants_ + 1), static_cast<int>(row % (variants_ + 1)));
  s.index = row;
  s.variant = static_cast<int>(row % (variants_ + 1));
  return s;
}

Sample Generator::make(std::uint64_t base, int variant) const {
  Sample sample;
  sample.index = base;
  sample.base_index = base;
  sample.seed = sampler_.seed_of(base);
  sample.scene = sampler_.draw(base);
  const std::uint64_t aug_seed = variant_seed(sample.seed, variant);
  if (variant != 0) augmenter_.apply(sample.scene, aug_seed, sample.augment);
  sample.image = render_scene(sample.scene);
  RasterState state{sample.image, sample.scene, {}};
  if (variant != 0) augmenter_.apply(state, aug_seed, sample.augment);
  for (const Object& obj : sample.scene.objects)
    sample.objects.push_back(label_object(sample.scene, obj, state.hidden));
  return sample;
}

}  // namespace shapegen
