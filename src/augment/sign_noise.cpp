// sign_noise: the "invisible by eye" adversarial-style perturbation: every
// value moves by exactly +-delta, delta = floor(epsilon * 255) levels, with a
// random sign (clamped at 0 and 255). The L-infinity change never exceeds
// epsilon on the [0, 1] scale.
#include <algorithm>
#include <cmath>

#include "augment/ops.hpp"

namespace shapegen::ops {

namespace {

struct SignNoiseParams {
  Range epsilon;
};

class SignNoise : public Op {
 public:
  explicit SignNoise(const SignNoiseParams& p) : p_(p) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double epsilon = draw(rng, p_.epsilon);
    const int delta = int(std::floor(epsilon * 255 + 1e-9));
    // One draw gives the signs of 64 values.
    std::uint64_t signs = 0;
    for (std::size_t i = 0; i < s.image.pixels.size(); ++i) {
      if (i % 64 == 0) signs = rng.next_u64();
      std::uint8_t& v = s.image.pixels[i];
      const int moved = v + ((signs >> (i % 64)) & 1 ? delta : -delta);
      v = static_cast<std::uint8_t>(std::clamp(moved, 0, 255));
    }
    rec.add("epsilon", epsilon);
    rec.add("delta_levels", double(delta));
  }

 private:
  const SignNoiseParams p_;
};

}  // namespace

OpDecl sign_noise_op() {
  using P = SignNoiseParams;
  return declare_op<SignNoise>(
      "sign_noise", OpFamily::noise, Phase::pixels,
      "Bounded +-epsilon sign perturbation (L-infinity budget).",
      {field(&P::epsilon,
             declare::range(
                 "epsilon", "0.007..0.02", {0, 1},
                 "Budget on the [0, 1] scale; each value moves by floor(epsilon * 255) levels."))});
}

}  // namespace shapegen::ops
