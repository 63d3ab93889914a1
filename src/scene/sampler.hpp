#pragma once
// Draws the Scene of sample i from the scene spec: a pure function of
// (spec, index), using the sample's own random streams.
#include <cstdint>
#include <functional>
#include <vector>

#include "base/rng.hpp"
#include "scene/scene_spec.hpp"
#include "shapegen/config.hpp"
#include "shapegen/image.hpp"
#include "shapegen/scene.hpp"

namespace shapegen {

// The coverage (0..255) of one object's ink over the scene's frame. Pixels
// come from a layer above scenes, so whoever renders passes this in.
using CoverageFn = std::function<Image(const Scene& scene, const Object& object)>;

// Where objects of a multi-object scene may go: their ink boxes overlap by at
// most `max_overlap` (IoU), and every object keeps at least `min_visible` of
// its ink in view under the objects drawn after it (measured with `coverage`).
class Placement {
 public:
  Placement(const Scene& scene, double max_overlap, double min_visible, const CoverageFn& coverage);
  // Adds the object (on top of the others) if it fits; false leaves nothing changed.
  bool try_add(const Object& obj);

 private:
  const Scene& scene_;
  double max_overlap_, min_visible_;
  const CoverageFn& coverage_;
  std::vector<Box> boxes_;
  std::vector<Image> visible_;  // coverage of each placed object still in view
  std::vector<double> whole_;
};

// Centres drawn for an object before it is left out (the 50 of objects.min_visible's doc).
inline constexpr int kObjectPlacementTries = 50;

// A color from a color range, each channel uniform and rounded to a level;
// a gray range draws once for all three channels.
Rgb draw_color(Rng& rng, const ColorRange& range);

class Sampler {
 public:
  // `coverage` is needed to draw scenes when objects.min_visible > 0;
  // without it draw() throws std::logic_error there (a caller's bug).
  explicit Sampler(const Config& config, CoverageFn coverage = {});
  explicit Sampler(SceneSpec spec, CoverageFn coverage = {});
  std::uint64_t seed_of(std::uint64_t index) const;
  Scene draw(std::uint64_t index) const;
  // The label class of the scene's first object without drawing the scene:
  // the first object is always placed, as nothing lies under it.
  ShapeClass first_class(std::uint64_t index) const;
  const SceneSpec& spec() const { return spec_; }

 private:
  Object draw_object(Rng& rng, const Scene& scene) const;
  // Draws a new centre for the object (keeping its shape) within the frame rules.
  void place_centre(Object& obj, Rng& rng, const Scene& scene) const;
  const SceneSpec spec_;
  const CoverageFn coverage_;
};

}  // namespace shapegen
