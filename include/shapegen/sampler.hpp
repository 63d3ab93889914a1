#pragma once
// Draws the Scene of sample i from the Config: a pure function of
// (config, index), using the sample's own random streams.
#include <cstdint>

#include "shapegen/config.hpp"
#include "shapegen/rng.hpp"
#include "shapegen/scene.hpp"

namespace shapegen {

class Sampler {
 public:
  explicit Sampler(const Config& config);
  std::uint64_t seed_of(std::uint64_t index) const;
  Scene draw(std::uint64_t index) const;

 private:
  Object draw_object(Rng& rng, const Scene& scene) const;
  Rgb draw_color(Rng& rng, const ColorRange& range) const;
  std::array<double, 3> draw_triangle_angles(Rng& rng, const std::string& kind) const;
  const Config config_;
};

}  // namespace shapegen
