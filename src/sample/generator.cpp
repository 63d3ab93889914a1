#include "shapegen/generator.hpp"

#include "augment/augment.hpp"
#include "params/run_spec.hpp"
#include "render/raster.hpp"
#include "sample/labels.hpp"
#include "sample/vertex_order.hpp"
#include "scene/sampler.hpp"

namespace shapegen {

// Object placement (objects.min_visible) measures ink with the renderer.
static Image frame_coverage(const Scene& scene, const Object& object) {
  return render_coverage(scene, object, 0, 0, scene.width, scene.height);
}

struct Generator::Impl {
  Impl(const Config& config, bool keep_masks, const RunSpec& run)
      : sampler(config, frame_coverage),
        augmenter(config),
        keep_masks(keep_masks),
        count(static_cast<std::uint64_t>(run.count)),
        variants(run.variants) {}
  Sampler sampler;
  Augmenter augmenter;
  bool keep_masks;
  std::uint64_t count;
  int variants;
};

Generator::Generator(const Config& config, bool keep_masks)
    : impl_(std::make_shared<const Impl>(config, keep_masks, bind_params(config, run_params()))) {}

int Generator::variants() const { return impl_->variants; }

std::vector<ShapeClass> Generator::label_classes() const {
  return listed_classes(impl_->sampler.spec().shape);
}

std::vector<ShapeClass> Generator::drawn_as(ShapeClass label) const {
  const ShapeSpec& shape = impl_->sampler.spec().shape;
  std::vector<ShapeClass> out;
  for (ShapeClass c : shape_classes())
    if (shape.classes.of(c) > 0 && shape.label_of[std::size_t(c.id)] == label) out.push_back(c);
  return out;
}

bool Generator::relabels() const {
  const ShapeSpec& shape = impl_->sampler.spec().shape;
  for (ShapeClass c : shape_classes())
    if (shape.classes.of(c) > 0 && shape.label_of[std::size_t(c.id)] != c) return true;
  return false;
}

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
  if (impl_->sampler.spec().shape.vertex_order == VertexOrder::clockwise_from_top)
    order_vertices_clockwise(sample);
  return sample;
}

}  // namespace shapegen
