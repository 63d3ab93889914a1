#include "shapegen/rows.hpp"

#include "base/parallel.hpp"
#include "dataset/manifest.hpp"
#include "dataset/split.hpp"
#include "scene/sampler.hpp"
#include "shapegen/dataset.hpp"
#include "shapegen/generator.hpp"

namespace shapegen {

// The same Generator, Splitter and manifest_line that generate_dataset uses,
// so a row made here cannot drift from the row written to disk.
struct DatasetRows::Impl {
  Generator generator;
  Splitter splitter;
  std::uint64_t count;
};

DatasetRows::DatasetRows(const Config& config, bool keep_masks) {
  Generator generator(config, keep_masks);
  const std::uint64_t count = generator.row_count();
  impl_ = std::make_shared<const Impl>(Impl{generator, Splitter(config, Sampler(config)), count});
}

std::uint64_t DatasetRows::size() const { return impl_->count; }

Sample DatasetRows::make(std::uint64_t row) const { return impl_->generator.make_row(row); }

void DatasetRows::make_range(std::uint64_t first, std::uint64_t n, int jobs,
                             const std::function<void(std::uint64_t, Sample&)>& done) const {
  parallel_for(n, jobs, [&](std::uint64_t k) {
    Sample sample = impl_->generator.make_row(first + k);
    done(k, sample);
  });
}

std::string DatasetRows::file(std::uint64_t row) const {
  return "images/" + sample_stem(row, impl_->count) + ".png";
}

const std::string& DatasetRows::split(const Sample& sample) const {
  return impl_->splitter.split_of(sample.base_index);
}

std::string DatasetRows::manifest_line(const Sample& sample) const {
  return shapegen::manifest_line(sample, file(sample.index), split(sample));
}

// The rule of the masks layout (layouts/masks.cpp), for one sample in memory:
// a strictly larger coverage takes the pixel, so a tie goes to the object drawn first.
Image DatasetRows::instance_mask(const Sample& sample) {
  const int w = sample.scene.width, h = sample.scene.height;
  Image instance(w, h, 1);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int best = 0, owner = -1;
      for (std::size_t j = 0; j < sample.visible.size(); ++j)
        if (sample.visible[j].at(x, y) > best) best = sample.visible[j].at(x, y), owner = int(j);
      if (owner >= 0) instance.at(x, y) = static_cast<std::uint8_t>(owner + 1);
    }
  return instance;
}

}  // namespace shapegen
