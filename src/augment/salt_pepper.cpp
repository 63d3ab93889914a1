// salt_pepper: a fraction of pixels (all channels together) set to 0 or 255.
#include <cmath>

#include "augment/ops.hpp"

namespace shapegen::ops {

namespace {

struct SaltPepperParams {
  Range amount;
};

class SaltPepper : public Op {
 public:
  explicit SaltPepper(const SaltPepperParams& p) : p_(p) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double amount = draw(rng, p_.amount);
    Image& img = s.image;
    // Each pixel is hit with probability `amount`: the gaps between hits are
    // geometric, so one draw finds the next hit (and its top bit picks salt
    // or pepper) instead of a draw per pixel.
    const std::size_t pixels = std::size_t(img.width) * img.height;
    const double log_miss = std::log1p(-amount);  // -inf when every pixel is hit
    for (std::size_t at = 0; amount > 0;) {
      const std::uint64_t bits = rng.next_u64();
      const double u = double(bits >> 11) * 0x1.0p-53;  // uniform in [0, 1)
      const double gap = amount >= 1 ? 0 : std::floor(std::log1p(-u) / log_miss);
      if (gap >= double(pixels - at)) break;
      at += std::size_t(gap);
      const std::uint8_t v = bits & 1 ? 255 : 0;
      for (int c = 0; c < img.channels; ++c) img.pixels[at * img.channels + c] = v;
      if (++at >= pixels) break;
    }
    rec.add("amount", amount);
  }

 private:
  const SaltPepperParams p_;
};

}  // namespace

OpDecl salt_pepper_op() {
  using P = SaltPepperParams;
  return declare_op<SaltPepper>(
      "salt_pepper", OpFamily::noise, Phase::pixels, "Salt-and-pepper noise.",
      {field(&P::amount,
             declare::range("amount", "0.01..0.05", {0, 1}, "Fraction of pixels hit."))});
}

}  // namespace shapegen::ops
