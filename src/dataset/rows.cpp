#include "shapegen/rows.hpp"

#include <algorithm>

#include "base/parallel.hpp"
#include "dataset/class_table.hpp"
#include "dataset/manifest.hpp"
#include "dataset/plan.hpp"
#include "sample/labels.hpp"

namespace shapegen {

// The writer's own plan (files, splits) and manifest_line, so a row made here
// cannot drift from the row written to disk; the generator keeps masks when
// asked, whatever the layouts.
struct DatasetRows::Impl {
  DatasetPlan plan;
  Generator generator;
};

DatasetRows::DatasetRows(const Config& config, bool keep_masks)
    : impl_(
          std::make_shared<const Impl>(Impl{DatasetPlan(config), Generator(config, keep_masks)})) {}

std::uint64_t DatasetRows::size() const { return impl_->plan.row_count(); }

DatasetRows::Frame DatasetRows::frame() const {
  const ImageSpec& image = impl_->plan.image();
  return {image.width, image.height, image.mode == ImageMode::rgb ? 3 : 1};
}

Sample DatasetRows::make(std::uint64_t row) const { return impl_->generator.make_row(row); }

void DatasetRows::make_range(std::uint64_t first, std::uint64_t n, int jobs,
                             const std::function<void(std::uint64_t, Sample&)>& done) const {
  parallel_for(n, jobs, [&](std::uint64_t k) {
    Sample sample = impl_->generator.make_row(first + k);
    done(k, sample);
  });
}

std::string DatasetRows::file(std::uint64_t row) const { return impl_->plan.row(row).file; }

std::string DatasetRows::split(const Sample& sample) const {
  return impl_->plan.row(sample.index).split;
}

std::vector<std::string> DatasetRows::splits() const { return impl_->plan.splits(); }

std::vector<std::uint64_t> DatasetRows::split_rows(const std::string& split) const {
  std::vector<std::uint64_t> out;
  const std::vector<std::string>& used = impl_->plan.splits();
  if (std::find(used.begin(), used.end(), split) == used.end()) return out;
  for (std::uint64_t i = 0; i < size(); ++i)
    if (impl_->plan.row(i).split == split) out.push_back(i);
  return out;
}
std::string DatasetRows::class_table() const { return class_table_json(impl_->generator); }

std::string DatasetRows::manifest_line(const Sample& sample) const {
  const PlanRow row = impl_->plan.row(sample.index);
  return shapegen::manifest_line(sample, row.file, row.split);
}

Image DatasetRows::instance_mask(const Sample& sample) { return shapegen::instance_mask(sample); }

}  // namespace shapegen
