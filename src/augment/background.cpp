// background: replaces the solid background with a linear gradient or a
// smooth noise texture between the background color and a second color.
// A scene op: the texture is painted under the objects, so antialiased edges
// blend with it as they would in a real image.
#include "augment/ops.hpp"
#include "scene/sampler.hpp"

namespace shapegen::ops {

namespace {

class BackgroundOp : public Op {
 public:
  explicit BackgroundOp(const Config& c)
      : kinds_(c.weights("background.kind")), color_(c.color("background.color")),
        scale_(c.range("background.scale")) {}

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    const std::string kind = kinds_.names[rng.choice(kinds_.weights)];
    const Rgb other = draw_color(rng, color_);
    Background& t = scene.texture;
    t.kind = kind == "gradient" ? Background::Kind::gradient : Background::Kind::noise;
    t.other = other;
    t.angle = rng.uniform(0, 360);
    t.scale = draw(rng, scale_);
    t.seed = rng.next_u64();
    rec.add("kind", kind);
    rec.add("color", std::vector<double>{double(other.r), double(other.g), double(other.b)});
    if (t.kind == Background::Kind::gradient) rec.add("angle", t.angle);
    else rec.add("scale", t.scale);
  }

 private:
  Weights kinds_;
  ColorRange color_;
  Range scale_;
};

}  // namespace

OpDecl background() {
  using namespace declare;
  return {"background", "contrast", Phase::scene,
          "Gradient or smooth-noise background instead of a solid one.",
          {weights("background.kind", "gradient:1, noise:1", {"gradient", "noise"},
                   "Kind of background texture."),
           color("background.color", "0..255",
                 "Second color of the texture (the first is image.background)."),
           range("background.scale", "4..16", {1, 10000}, "Feature size of the noise texture, px.")},
          [](const Config& c) { return std::make_unique<BackgroundOp>(c); }};
}

}  // namespace shapegen::ops
