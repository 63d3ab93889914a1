// sign_noise: the "invisible by eye" adversarial-style perturbation: every
// value moves by exactly +-delta, delta = floor(epsilon * 255) levels, with a
// random sign (clamped at 0 and 255). The L-infinity change never exceeds
// epsilon on the [0, 1] scale.
#include <algorithm>
#include <cmath>

#include "augment/ops.hpp"

namespace shapegen::ops {

namespace {

class SignNoise : public Op {
 public:
  explicit SignNoise(const Config& c) : epsilon_(c.range("sign_noise.epsilon")) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double epsilon = draw(rng, epsilon_);
    const int delta = int(std::floor(epsilon * 255 + 1e-9));
    for (auto& v : s.image.pixels) {
      const int moved = v + (rng.bernoulli(0.5) ? delta : -delta);
      v = static_cast<std::uint8_t>(std::clamp(moved, 0, 255));
    }
    rec.add("epsilon", epsilon);
    rec.add("delta_levels", double(delta));
  }

 private:
  Range epsilon_;
};

}  // namespace

OpDecl sign_noise() {
  return {"sign_noise", "noise", Phase::pixels,
          "Bounded +-epsilon sign perturbation (L-infinity budget).",
          {declare::range("sign_noise.epsilon", "0.007..0.02", {0, 1},
                          "Budget on the [0, 1] scale; each value moves by floor(epsilon * 255) levels.")},
          [](const Config& c) { return std::make_unique<SignNoise>(c); }};
}

}  // namespace shapegen::ops
