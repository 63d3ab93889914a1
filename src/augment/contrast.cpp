// contrast: photometric changes of the whole image, in this order:
// foreground/background difference (rescale about the background level),
// inversion (dark on light <-> light on dark), contrast about mid-gray,
// brightness offset, gamma.
#include <algorithm>
#include <cmath>

#include "augment/ops.hpp"
#include "augment/pixels.hpp"

namespace shapegen::ops {

namespace {

struct ContrastParams {
  Range difference;
  double invert = 0;
  Range contrast, brightness, gamma;
};

class Contrast : public Op {
 public:
  explicit Contrast(const ContrastParams& p) : p_(p) {}

  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double difference = draw(rng, p_.difference);
    const bool invert = rng.bernoulli(p_.invert);
    const double contrast = draw(rng, p_.contrast), brightness = draw(rng, p_.brightness);
    const double gamma = draw(rng, p_.gamma);
    // Rescaling factor that makes |foreground - background| equal `difference`.
    double rescale = 1;
    const Rgb bg = s.scene.background;
    if (difference > 0 && !s.scene.objects.empty()) {
      const double current = std::abs(s.scene.objects[0].style.stroke.luma() - bg.luma());
      if (current > 0) rescale = difference / current;
    }
    // The mapping depends only on the value and the channel: one table each.
    const double bg_level[3] = {double(bg.r), double(bg.g), double(bg.b)};
    Image& img = s.image;
    std::uint8_t table[3][256];
    for (int c = 0; c < img.channels; ++c)
      for (int level = 0; level < 256; ++level) {
        double v = level;
        if (rescale != 1) v = std::clamp(bg_level[c] + (v - bg_level[c]) * rescale, 0.0, 255.0);
        if (invert) v = 255 - v;
        v = std::clamp((v - 127.5) * contrast + 127.5 + brightness, 0.0, 255.0);
        if (gamma != 1) v = 255 * std::pow(v / 255, 1 / gamma);
        table[c][level] = to_level(v);
      }
    const int ch = img.channels;
    for (int c = 0; c < ch; ++c)
      for (std::size_t i = c; i < img.pixels.size(); i += ch)
        img.pixels[i] = table[c][img.pixels[i]];
    if (difference > 0) rec.add("difference", difference);
    rec.add("invert", invert);
    rec.add("contrast", contrast);
    rec.add("brightness", brightness);
    rec.add("gamma", gamma);
  }

 private:
  const ContrastParams p_;
};

}  // namespace

OpDecl contrast_op() {
  using namespace declare;
  using P = ContrastParams;
  return declare_op<Contrast>(
      "contrast", OpFamily::contrast, Phase::pixels,
      "Foreground/background difference, inversion, contrast, brightness and gamma.",
      {field(&P::difference,
             range("difference", "0", {0, 255},
                   "Target |foreground - background| in gray levels (luma), reached by rescaling "
                   "about the background; 0 leaves it.")),
       field(&P::invert, real("invert", "0", {0, 1}, "Probability of inverting (v -> 255 - v).")),
       field(&P::contrast,
             range("contrast", "0.7..1.3", {0, 10}, "Contrast factor about mid-gray.")),
       field(&P::brightness,
             range("brightness", "-30..30", {-255, 255}, "Brightness offset, gray levels.")),
       field(&P::gamma,
             range("gamma", "0.8..1.25", {0.05, 20}, "Gamma: v = 255 (v/255)^(1/gamma)."))});
}

}  // namespace shapegen::ops
