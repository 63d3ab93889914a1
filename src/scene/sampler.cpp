#include "scene/sampler.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "render/raster.hpp"

namespace shapegen {

Placement::Placement(const Scene& scene, double max_overlap, double min_visible)
    : scene_(scene), max_overlap_(max_overlap), min_visible_(min_visible) {}

bool Placement::try_add(const Object& obj) {
  const Box box = ink_box(obj);
  for (const Box& other : boxes_)
    if (iou(box, other) > max_overlap_) return false;
  if (min_visible_ > 0) {
    // The new object lies on top: check what it leaves of the others before
    // changing anything.
    const Image cover = render_coverage(scene_, obj, 0, 0, scene_.width, scene_.height);
    auto left = [&cover](std::uint8_t v, std::size_t i) { return v * (255 - cover.pixels[i]) / 255; };
    for (std::size_t j = 0; j < visible_.size(); ++j) {
      double area = 0;
      for (std::size_t i = 0; i < cover.pixels.size(); ++i) area += left(visible_[j].pixels[i], i);
      if (area / 255 < min_visible_ * whole_[j]) return false;
    }
    for (Image& v : visible_)
      for (std::size_t i = 0; i < cover.pixels.size(); ++i) v.pixels[i] = static_cast<std::uint8_t>(left(v.pixels[i], i));
    visible_.push_back(cover);
    whole_.push_back(coverage_area(cover));
  }
  boxes_.push_back(box);
  return true;
}

Sampler::Sampler(const Config& config) : config_(config) {}

std::uint64_t Sampler::seed_of(std::uint64_t index) const {
  return sample_seed(static_cast<std::uint64_t>(config_.integer("dataset.seed")), index);
}

Scene Sampler::draw(std::uint64_t index) const {
  Scene scene;
  scene.width = static_cast<int>(config_.integer("image.width"));
  scene.height = static_cast<int>(config_.integer("image.height"));
  scene.rgb = config_.choice("image.mode") == "rgb";
  scene.antialias = config_.flag("image.antialias");
  // The scene stream draws the background and the number of objects; each
  // object draws from a stream of its own, so adding objects does not
  // change the ones before.
  const std::uint64_t seed = seed_of(index);
  Rng rng = Rng::stream(seed, "scene");
  scene.background = draw_color(rng, config_.color("image.background"));
  const Range count = config_.range("objects.count");
  const auto n = count.lo == count.hi ? std::int64_t(count.lo)
                                      : rng.uniform_int(std::int64_t(count.lo), std::int64_t(count.hi));
  Placement placement(scene, config_.real("objects.max_overlap"), config_.real("objects.min_visible"));
  for (std::int64_t k = 0; k < n; ++k) {
    Rng object_rng = Rng::stream(seed, "object" + std::to_string(k));
    Object obj = draw_object(object_rng, scene);
    // Redraw the centre until the object fits among the others; an object
    // that never fits is left out.
    for (int attempt = 0; attempt < kPlacementTries; ++attempt) {
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

std::array<double, 3> Sampler::draw_triangle_angles(Rng& rng, const std::string& kind) const {
  if (kind == "equilateral") return {60, 60, 60};
  if (kind == "isosceles") {
    const Range apex = config_.range("shape.isosceles_apex");
    const double a = rng.uniform(apex.lo, apex.hi);
    return {a, (180 - a) / 2, (180 - a) / 2};
  }
  if (kind == "right") {
    const Range acute = config_.range("shape.right_acute");
    const double a = rng.uniform(acute.lo, acute.hi);
    return {90, a, 90 - a};
  }
  // Scalene: rejection sampling over the angle simplex; the consistency check
  // guarantees the fallback triangle satisfies the constraints.
  const double m = config_.real("shape.scalene_min_angle");
  const double d = config_.real("shape.scalene_min_difference");
  for (int attempt = 0; attempt < 100; ++attempt) {
    const double a0 = rng.uniform(m, 180 - 2 * m);
    const double a1 = rng.uniform(m, 180 - 2 * m);
    const double a2 = 180 - a0 - a1;
    if (a2 < m) continue;
    if (std::abs(a0 - a1) < d || std::abs(a1 - a2) < d || std::abs(a0 - a2) < d) continue;
    return {a0, a1, a2};
  }
  return {m, m + d, 180 - 2 * m - d};
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
  obj.shape = kAllClasses[rng.choice(config_.weights("shape.classes").weights)];
  const Range size = config_.range("shape.size");
  obj.size = rng.uniform(size.lo, size.hi) * std::min(scene.width, scene.height);
  const Range rotation = config_.range("shape.rotation");
  obj.rotation = rng.uniform(rotation.lo, rotation.hi);

  Style& style = obj.style;
  const Range stroke = config_.range("style.stroke_width");
  style.stroke_width = rng.uniform(stroke.lo, stroke.hi);
  style.fill = static_cast<FillMode>(rng.choice(config_.weights("style.fill").weights));
  // Redraw the foreground until it stands out from the background; if it never
  // does, keep the draw that came closest.
  const double min_contrast = config_.real("style.min_contrast");
  double best_contrast = -1;
  for (int attempt = 0; attempt < 256 && best_contrast < min_contrast; ++attempt) {
    const Rgb c = draw_color(rng, config_.color("style.foreground"));
    const double contrast = std::abs(c.luma() - scene.background.luma());
    if (contrast > best_contrast) {
      best_contrast = contrast;
      style.stroke = c;
    }
  }
  style.fill_color = draw_color(rng, config_.color("style.fill_color"));

  const double r = obj.size / 2;
  switch (obj.shape) {
    case ShapeClass::triangle: {
      const Weights& kinds = config_.weights("shape.triangle_kinds");
      obj.kind = kinds.names[rng.choice(kinds.weights)];
      obj.angles = draw_triangle_angles(rng, obj.kind);
      obj.vertices = triangle_vertices(r, obj.angles[0], obj.angles[1], obj.angles[2]);
      obj.outline = obj.vertices;
      break;
    }
    case ShapeClass::square:
      obj.vertices = square_vertices(r);
      obj.outline = obj.vertices;
      break;
    case ShapeClass::circle:
      obj.vertices = {Point{0, 0}};
      obj.outline = circle_outline(r, 0);
      break;
  }
  for (Point& p : obj.outline) p = rotate(p, obj.rotation);
  for (Point& p : obj.vertices) p = rotate(p, obj.rotation);

  place_centre(obj, rng, scene);
  return obj;
}

void Sampler::place_centre(Object& obj, Rng& rng, const Scene& scene) const {
  const Point old = obj.center;
  transform_points(obj, [old](Point p) { return Point{p.x - old.x, p.y - old.y}; });
  const Box ink = ink_box(obj);  // relative to the centre
  const bool keep_inside = config_.flag("shape.keep_inside");
  const Range cx = centre_interval(config_.range("shape.center_x"), scene.width, ink.x0, ink.x1,
                                   keep_inside);
  const Range cy = centre_interval(config_.range("shape.center_y"), scene.height, ink.y0, ink.y1,
                                   keep_inside);
  const Point at{rng.uniform(cx.lo, cx.hi), rng.uniform(cy.lo, cy.hi)};
  transform_points(obj, [at](Point p) { return translate(p, at); });
}

}  // namespace shapegen
