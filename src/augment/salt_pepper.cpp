// salt_pepper: a fraction of pixels (all channels together) set to 0 or 255.
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
    for (int y = 0; y < img.height; ++y)
      for (int x = 0; x < img.width; ++x) {
        if (!rng.bernoulli(amount)) continue;
        const std::uint8_t v = rng.bernoulli(0.5) ? 255 : 0;
        for (int c = 0; c < img.channels; ++c) img.at(x, y, c) = v;
      }
    rec.add("amount", amount);
  }

 private:
  const SaltPepperParams p_;
};

}  // namespace

OpDecl salt_pepper_op() {
  using P = SaltPepperParams;
  return declare_op<SaltPepper>("salt_pepper", "noise", Phase::pixels, "Salt-and-pepper noise.",
                                {field(&P::amount, declare::range("amount", "0.01..0.05", {0, 1},
                                                                  "Fraction of pixels hit."))});
}

}  // namespace shapegen::ops
