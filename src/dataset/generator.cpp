#include "shapegen/generator.hpp"

#include "augment/augment.hpp"
#include "labels/labels.hpp"
#include "render/raster.hpp"
#include "scene/sampler.hpp"

namespace shapegen {

struct Generator::Impl {
  Sampler sampler;
  Augmenter augmenter;
  bool keep_masks;
  std::uint64_t count;
  int variants;
};

Generator::Generator(const Config& config, bool keep_masks)
    : impl_(std::make_shared<const Impl>(Impl{Sampler(config), Augmenter(config), keep_masks,
                                              static_cast<std::uint64_t>(config.integer("dataset.count")),
                                              static_cast<int>(config.integer("dataset.variants"))})) {}

int Generator::variants() const { return impl_->variants; }

std::uint64_t Generator::row_count() const { return impl_->count * (impl_->variants + 1); }

Sample Generator::make_row(std::uint64_t row) const {
  if (impl_->variants == 0) return make(row, 1);
  Sample s = make(row / (impl_->variants + 1), static_cast<int>(row % (impl_->variants + 1)));
  s.index = row;
  s.variant = static_cast<int>(row % (impl_->variants + 1));
  return s;
}

Sample Generator::make(std::uint64_t base, int variant) const {
  Sample sample;
  sample.index = base;
  sample.base_index = base;
  sample.seed = impl_->sampler.seed_of(base);
  sample.scene = impl_->sampler.draw(base);
  const std::uint64_t aug_seed = variant_seed(sample.seed, variant);
  if (variant != 0) impl_->augmenter.apply(sample.scene, aug_seed, sample.augment);
  sample.image = render_scene(sample.scene);
  RasterState state{sample.image, sample.scene, {}};
  if (variant != 0) impl_->augmenter.apply(state, aug_seed, sample.augment);
  label_scene(sample, state.hidden, impl_->keep_masks);
  return sample;
}


}  // namespace shapegen
