#include "dataset/plan.hpp"

#include <algorithm>
#include <charconv>

#include "dataset/layouts/layout.hpp"

namespace shapegen {

namespace {

// The one place the [output] keys are read.
OutputSpec read_output_spec(const Config& config) {
  OutputSpec spec;
  const auto& formats = std::get<NameList>(config.at("output.formats")).names;
  for (const layouts::LayoutDecl& d : layouts::all())
    if (std::find(formats.begin(), formats.end(), d.name) != formats.end())
      spec.layouts.push_back(d.kind);
  spec.split = {config.weights("output.split"), config.choice("output.split_mode") == "exact"};
  spec.yolo_task =
      config.choice("output.yolo_task") == "segment" ? YoloTask::segment : YoloTask::detect;
  const std::string& link = config.choice("output.link");
  spec.link = link == "symlink" ? LinkMode::symlink
              : link == "copy"  ? LinkMode::copy
                                : LinkMode::hardlink;
  spec.png_encoder = *value_named<PngEncoder>(config.choice("image.png_encoder"));
  spec.png_compression = static_cast<int>(config.integer("image.png_compression"));
  spec.webdataset_samples = static_cast<std::uint64_t>(config.integer("output.webdataset_samples"));
  if (spec.webdataset_samples > 0) spec.layouts.push_back(LayoutKind::webdataset);
  return spec;
}

bool keeps_masks(const OutputSpec& spec) {
  return std::any_of(spec.layouts.begin(), spec.layouts.end(),
                     [](LayoutKind k) { return layouts::decl(k).keep_masks; });
}

}  // namespace

bool OutputSpec::has(LayoutKind kind) const {
  return std::find(layouts.begin(), layouts.end(), kind) != layouts.end();
}

DatasetPlan::DatasetPlan(const Config& config, const Shard& shard, int jobs)
    : output_(read_output_spec(config)),
      generator_(config, keeps_masks(output_)),
      rows_(generator_.row_count()),
      variants_(generator_.variants()),
      shard_(shard),
      range_(rows_of(shard)),
      // At least 6 digits, and as many as the last row needs, so names sort.
      stem_digits_(std::max<std::size_t>(6, std::to_string(rows_ - 1).size())),
      splitter_(output_.split, static_cast<std::uint64_t>(config.integer("dataset.seed")),
                static_cast<std::uint64_t>(config.integer("dataset.count")), Sampler(config), jobs),
      frame_bytes_(std::uint64_t(config.integer("image.width")) *
                   std::uint64_t(config.integer("image.height")) * 4),
      description_(config.text("dataset.description")),
      recipe_(config.to_ini()) {}

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
  return std::max<std::uint64_t>(j, std::min<std::uint64_t>(16 * j, (256ull << 20) / frame_bytes_));
}

}  // namespace shapegen
