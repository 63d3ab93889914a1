#include "scene/sampler.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace shapegen {

Placement::Placement(const Scene& scene, double max_overlap, double min_visible,
                     const CoverageFn& coverage)
    : scene_(scene), max_overlap_(max_overlap), min_visible_(min_visible), coverage_(coverage) {}

// Sum of a coverage mask, in pixels (255 = one full pixel).
static double coverage_area(const Image& mask) {
  std::uint64_t sum = 0;
  for (std::uint8_t v : mask.pixels) sum += v;
  return sum / 255.0;
}

bool Placement::try_add(const Object& obj) {
  const Box box = ink_box(obj);
  for (const Box& other : boxes_)
    if (iou(box, other) > max_overlap_) return false;
  if (min_visible_ > 0) {
    // The new object lies on top: check what it leaves of the others before
    // changing anything.
    const Image cover = coverage_(scene_, obj);
    auto left = [&cover](std::uint8_t v, std::size_t i) {
      return v * (255 - cover.pixels[i]) / 255;
    };
    for (std::size_t j = 0; j < visible_.size(); ++j) {
      double area = 0;
      for (std::size_t i = 0; i < cover.pixels.size(); ++i) area += left(visible_[j].pixels[i], i);
      if (area / 255 < min_visible_ * whole_[j]) return false;
    }
    for (Image& v : visible_)
      for (std::size_t i = 0; i < cover.pixels.size(); ++i)
        v.pixels[i] = static_cast<std::uint8_t>(left(v.pixels[i], i));
    visible_.push_back(cover);
    whole_.push_back(coverage_area(cover));
  }
  boxes_.push_back(box);
  return true;
}

Sampler::Sampler(const Config& config, CoverageFn coverage)
    : Sampler(bind_scene_spec(config), std::move(coverage)) {}

Sampler::Sampler(SceneSpec spec, CoverageFn coverage)
    : spec_(std::move(spec)), coverage_(std::move(coverage)) {}

std::uint64_t Sampler::seed_of(std::uint64_t index) const { return sample_seed(spec_.seed, index); }

ShapeClass Sampler::first_class(std::uint64_t index) const {
  Rng rng = Rng::stream(seed_of(index), "object0");  // the first draw of draw_object
  return spec_.shape.label_of[std::size_t(spec_.shape.classes.draw(rng).id)];
}

Scene Sampler::draw(std::uint64_t index) const {
  if (spec_.objects.min_visible > 0 && !coverage_)
    throw std::logic_error("Sampler: objects.min_visible needs a coverage renderer");
  Scene scene;
  scene.width = spec_.image.width;
  scene.height = spec_.image.height;
  scene.rgb = spec_.image.mode == ImageMode::rgb;
  scene.antialias = spec_.image.antialias;
  // The scene stream draws the background and the number of objects; each
  // object draws from a stream of its own, so adding objects does not
  // change the ones before.
  const std::uint64_t seed = seed_of(index);
  Rng rng = Rng::stream(seed, "scene");
  scene.background = draw_color(rng, spec_.image.background);
  const IntegerRange count = spec_.objects.count;
  const std::int64_t n = count.lo == count.hi ? count.lo : rng.uniform_int(count.lo, count.hi);
  Placement placement(scene, spec_.objects.max_overlap, spec_.objects.min_visible, coverage_);
  for (std::int64_t k = 0; k < n; ++k) {
    Rng object_rng = Rng::stream(seed, "object" + std::to_string(k));
    Object obj = draw_object(object_rng, scene);
    // Redraw the centre until the object fits among the others; an object
    // that never fits is left out.
    for (int attempt = 0; attempt < kObjectPlacementTries; ++attempt) {
      if (placement.try_add(obj)) {
        scene.objects.push_back(std::move(obj));
        break;
      }
      place_centre(obj, object_rng, scene);
    }
  }
  return scene;
}

Rgb draw_color(Rng& rng, const ColorRange& range) {
  auto level = [&](const Range& r) {
    return static_cast<std::uint8_t>(std::lround(rng.uniform(r.lo, r.hi)));
  };
  if (!range.is_rgb) {
    const std::uint8_t v = level(range.channel[0]);
    return {v, v, v};
  }
  const std::uint8_t r = level(range.channel[0]);
  const std::uint8_t g = level(range.channel[1]);
  return {r, g, level(range.channel[2])};
}

// The interval of centre positions along one axis: the configured range,
// narrowed so that [lo_ink, hi_ink] (ink extents relative to the centre)
// stays within [0, length] when keep_inside is set.
static Range centre_interval(Range fraction, double length, double lo_ink, double hi_ink,
                             bool keep_inside) {
  Range wanted{fraction.lo * length, fraction.hi * length};
  if (!keep_inside) return wanted;
  const Range fits{-lo_ink, length - hi_ink};
  if (fits.lo > fits.hi) return {length / 2, length / 2};  // larger than the frame: centre it
  const Range both{std::max(wanted.lo, fits.lo), std::min(wanted.hi, fits.hi)};
  return both.lo <= both.hi ? both : fits;
}

Object Sampler::draw_object(Rng& rng, const Scene& scene) const {
  Object obj;
  const ShapeSpec& shape = spec_.shape;
  obj.shape = shape.classes.draw(rng);
  if (const ShapeClass label = shape.label_of[std::size_t(obj.shape.id)]; label != obj.shape)
    obj.label = label;
  obj.size = rng.uniform(shape.size.lo, shape.size.hi) * std::min(scene.width, scene.height);
  obj.rotation = rng.uniform(shape.rotation.lo, shape.rotation.hi);

  Style& style = obj.style;
  const StyleSpec& style_spec = spec_.style;
  style.stroke_width = rng.uniform(style_spec.stroke_width.lo, style_spec.stroke_width.hi);
  style.fill = style_spec.fill.draw(rng);
  // Redraw the foreground until it stands out from the background; if it never
  // does, keep the draw that came closest.
  double best_contrast = -1;
  for (int attempt = 0; attempt < 256 && best_contrast < style_spec.min_contrast; ++attempt) {
    const Rgb c = draw_color(rng, style_spec.foreground);
    const double contrast = std::abs(c.luma() - scene.background.luma());
    if (contrast > best_contrast) {
      best_contrast = contrast;
      style.stroke = c;
    }
  }
  style.fill_color = draw_color(rng, style_spec.fill_color);

  // The class draws the rest from the same stream (a triangle: kind, angles).
  ShapeGeometry geometry = spec_.makers[std::size_t(obj.shape.id)](rng, obj.size / 2);
  obj.outline = std::move(geometry.outline);
  obj.vertices = std::move(geometry.vertices);
  obj.fields = std::move(geometry.fields);
  for (Point& p : obj.outline) p = rotate(p, obj.rotation);
  for (Point& p : obj.vertices) p = rotate(p, obj.rotation);

  place_centre(obj, rng, scene);
  return obj;
}

void Sampler::place_centre(Object& obj, Rng& rng, const Scene& scene) const {
  const Point old = obj.center;
  transform_points(obj, [old](Point p) { return Point{p.x - old.x, p.y - old.y}; });
  const Box ink = ink_box(obj);  // relative to the centre
  const ShapeSpec& shape = spec_.shape;
  const Range cx = centre_interval(shape.center_x, scene.width, ink.x0, ink.x1, shape.keep_inside);
  const Range cy = centre_interval(shape.center_y, scene.height, ink.y0, ink.y1, shape.keep_inside);
  const Point at{rng.uniform(cx.lo, cx.hi), rng.uniform(cy.lo, cy.hi)};
  transform_points(obj, [at](Point p) { return translate(p, at); });
}

}  // namespace shapegen
