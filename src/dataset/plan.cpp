#include "dataset/plan.hpp"

#include <algorithm>
#include <charconv>

#include "dataset/layouts/layout.hpp"

namespace shapegen {

namespace {

bool keeps_masks(const std::vector<const layouts::LayoutDecl*>& on, const OutputSpec& spec) {
  return std::any_of(on.begin(), on.end(), [&](const layouts::LayoutDecl* d) {
    return d->keep_masks && d->keep_masks(spec);
  });
}

}  // namespace

DatasetPlan::DatasetPlan(const Config& config, const Shard& shard, int jobs)
    : output_(bind_params(config, output_params())),
      image_(bind_params(config, image_params())),
      run_(bind_params(config, run_params())),
      layouts_(layouts::switched_on(output_)),
      generator_(config, keeps_masks(layouts_, output_)),
      rows_(generator_.row_count()),
      variants_(generator_.variants()),
      shard_(shard),
      range_(rows_of(shard)),
      // At least 6 digits, and as many as the last row needs, so names sort.
      stem_digits_(std::max<std::size_t>(6, std::to_string(rows_ - 1).size())),
      splitter_(output_.split, output_.split_mode, run_.seed, std::uint64_t(run_.count),
                Sampler(config), jobs),
      recipe_(config.to_ini()),
      keypoints_(keypoint_schema(config)),
      max_objects_(std::size_t(bind_params(config, objects_params()).count.hi)) {}

PlanRow DatasetPlan::row(std::uint64_t index) const {
  PlanRow r;
  r.index = index;
  r.base = variants_ == 0 ? index : index / std::uint64_t(variants_ + 1);
  const std::string digits = std::to_string(index);
  r.stem = std::string(stem_digits_ - std::min(stem_digits_, digits.size()), '0') + digits;
  r.file = "images/" + r.stem + ".png";
  r.split = splitter_.split_of(r.base);
  return r;
}

RowRange DatasetPlan::rows_of(const Shard& shard) const {
  const std::uint64_t per_base = std::uint64_t(variants_ + 1);
  return shard_rows(shard, rows_ / per_base, per_base);
}

std::map<std::string, std::uint64_t> DatasetPlan::split_rows_before(std::uint64_t end) const {
  std::map<std::string, std::uint64_t> rows;
  for (const std::string& split : splits()) rows[split] = 0;
  const std::uint64_t per_base = std::uint64_t(variants_ + 1);
  if (splits().size() == 1) {
    rows[splits().front()] = end;
    return rows;
  }
  for (std::uint64_t base = 0; base * per_base < end; ++base)
    rows[splitter_.split_of(base)] += std::min(per_base, end - base * per_base);
  return rows;
}

std::optional<std::uint64_t> DatasetPlan::row_of_stem(std::string_view stem) const {
  // Only the spelling the plan gives ("000042", not "42" or "0000042").
  if (stem.size() != stem_digits_) return std::nullopt;
  std::uint64_t index = 0;
  const char* end = stem.data() + stem.size();
  const auto [at, ec] = std::from_chars(stem.data(), end, index);
  if (ec != std::errc() || at != end || index >= rows_) return std::nullopt;
  return index;
}

std::uint64_t DatasetPlan::batch_size(int jobs) const {
  const std::uint64_t j = std::uint64_t(std::max(1, jobs));
  const std::uint64_t frame_bytes = std::uint64_t(image_.width) * std::uint64_t(image_.height) * 4;
  return std::max<std::uint64_t>(j, std::min<std::uint64_t>(16 * j, (256ull << 20) / frame_bytes));
}

}  // namespace shapegen
