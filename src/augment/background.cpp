// background: replaces the solid background with a linear gradient or a
// smooth noise texture between the background color and a second color.
// A scene op: the texture is painted under the objects, so antialiased edges
// blend with it as they would in a real image.
#include "augment/ops.hpp"
#include "scene/sampler.hpp"

namespace shapegen::ops {

namespace {

struct BackgroundParams {
  Weighted<Background::Kind> kind;
  ColorRange color;
  Range scale;
};

class BackgroundOp : public Op {
 public:
  explicit BackgroundOp(const BackgroundParams& p) : p_(p) {}

  void apply(Scene& scene, Rng& rng, OpRecord& rec) const override {
    const Background::Kind kind = p_.kind.draw(rng);
    const Rgb other = draw_color(rng, p_.color);
    Background& t = scene.texture;
    t.kind = kind;
    t.other = other;
    t.angle = rng.uniform(0, 360);
    t.scale = draw(rng, p_.scale);
    t.seed = rng.next_u64();
    rec.add("kind", std::string(name_of(kind)));
    rec.add("color", std::vector<double>{double(other.r), double(other.g), double(other.b)});
    if (t.kind == Background::Kind::gradient)
      rec.add("angle", t.angle);
    else
      rec.add("scale", t.scale);
  }

 private:
  const BackgroundParams p_;
};

}  // namespace

OpDecl background_op() {
  using namespace declare;
  using P = BackgroundParams;
  return declare_op<BackgroundOp>(
      "background", OpFamily::background, Phase::scene,
      "Gradient or smooth-noise background instead of a solid one.",
      {field(&P::kind, weights("kind", "gradient:1, noise:1", names_of<Background::Kind>(),
                               "Kind of background texture.")),
       field(&P::color, color("color", "0..255",
                              "Second color of the texture (the first is image.background).")),
       field(&P::scale,
             range("scale", "4..16", {1, 10000}, "Feature size of the noise texture, px."))});
}

}  // namespace shapegen::ops
