// elastic: a smooth random displacement field applied to every point of the
// scene (outline, stroke pieces, vertices), like a wobbly hand or a bent
// sheet. The outline is first resampled every 2 px so straight edges bend.
#include <cmath>
#include <numbers>

#include "augment/ops.hpp"

namespace shapegen::ops {

namespace {

constexpr int kWaves =
    4;  // plane waves per axis: enough to look irregular, few enough to be smooth
// Outline resampling, px: wavelengths are >= 1 px, and usually >> 2 px, so
// points 2 px apart follow the field closely while keeping strokes cheap.
constexpr double kSpacing = 2.0;

struct ElasticParams {
  Range amplitude, smoothness;
};

class Elastic : public Op {
 public:
  explicit Elastic(const ElasticParams& p) : p_(p) {}

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    const double amplitude = draw(rng, p_.amplitude), smoothness = draw(rng, p_.smoothness);
    struct Wave {
      double kx, ky, phase;
    };
    Wave waves[2][kWaves];
    for (auto& axis : waves)
      for (Wave& w : axis) {
        const double dir = rng.uniform(0, 2 * std::numbers::pi);
        const double k = 2 * std::numbers::pi / (smoothness * rng.uniform(0.7, 1.4));
        w = {k * std::cos(dir), k * std::sin(dir), rng.uniform(0, 2 * std::numbers::pi)};
      }
    // Each axis sums kWaves unit sines: scaling by sqrt(2 / kWaves) gives an
    // RMS displacement of `amplitude` per axis.
    const double gain = amplitude * std::sqrt(2.0 / kWaves);
    for (Object& o : scene.objects) {
      o.outline = densify(o.outline, kSpacing, true);
      for (StrokePath& s : o.strokes) s = densify(s, kSpacing);
    }
    transform_points(scene, [&](Point p) {
      double d[2] = {0, 0};
      for (int axis = 0; axis < 2; ++axis)
        for (const Wave& w : waves[axis]) d[axis] += std::sin(w.kx * p.x + w.ky * p.y + w.phase);
      return Point{p.x + gain * d[0], p.y + gain * d[1]};
    });
    rec.add("amplitude", amplitude);
    rec.add("smoothness", smoothness);
  }

 private:
  const ElasticParams p_;
};

}  // namespace

OpDecl elastic_op() {
  using namespace declare;
  using P = ElasticParams;
  return declare_op<Elastic>(
      "elastic", OpFamily::distortion, Phase::scene,
      "A smooth random displacement of every point: wobbly, hand-drawn outlines.",
      {field(&P::amplitude,
             range("amplitude", "0.5..2", {0, 100}, "RMS displacement per axis, px.")),
       field(&P::smoothness, range("smoothness", "16..40", {1, 10000},
                                   "Wavelength of the displacement, px: larger is smoother."))});
}

}  // namespace shapegen::ops
