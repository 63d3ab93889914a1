// salt_pepper: a fraction of pixels (all channels together) set to 0 or 255.
#include "augment/ops.hpp"

namespace shapegen::ops {

namespace {

class SaltPepper : public Op {
 public:
  explicit SaltPepper(const Config& c) : amount_(c.range("salt_pepper.amount")) {}
  void apply(RasterState& s, Rng& rng, OpRecord& rec) const override {
    const double amount = draw(rng, amount_);
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
  Range amount_;
};

}  // namespace

OpDecl salt_pepper() {
  return {"salt_pepper", "noise", Phase::pixels, "Salt-and-pepper noise.",
          {declare::range("salt_pepper.amount", "0.01..0.05", {0, 1}, "Fraction of pixels hit.")},
          [](const Config& c) { return std::make_unique<SaltPepper>(c); }};
}

}  // namespace shapegen::ops
