// The streaming pass of `shapegen stats`: one manifest row at a time into
// fixed-size histograms and running sums.
#include "shapegen/stats.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "check/json_lines.hpp"
#include "dataset/output_spec.hpp"
#include "shapegen/error.hpp"

namespace shapegen {

namespace fs = std::filesystem;
using nlohmann::json;

void Summary::add(double value) {
  ++count;
  sum += value;
  min = std::min(min, value);
  max = std::max(max, value);
}

void Histogram::add(double value) {
  if (!std::isfinite(value)) return;
  summary_.add(value);
  if (capped_) {
    counts_[std::size_t(std::clamp(std::floor(value / width_), 0.0, double(kBins - 1)))]++;
    return;
  }
  while (value >= kBins * width_ && std::isfinite(kBins * width_ * 2)) {
    for (int k = 0; k < kBins; ++k)
      counts_[k] = k < kBins / 2 ? counts_[2 * k] + counts_[2 * k + 1] : 0;
    width_ *= 2;
  }
  counts_[std::size_t(std::clamp(std::floor(value / width_), 0.0, double(kBins - 1)))]++;
}

namespace {

// Names come from the file, so a damaged one could name without end: past
// these many, further names are pooled under "(other)".
constexpr std::size_t kMaxNames = 64;
constexpr std::size_t kMaxSplits = 16;

template <class Map>
typename Map::mapped_type& capped_entry(Map& map, const std::string& name) {
  if (map.size() >= kMaxNames && !map.count(name)) return map["(other)"];
  return map[name];
}

bool number(const json& j, double& out) {
  if (!j.is_number()) return false;
  out = j.get<double>();
  return true;
}

void add_object(SplitStats& s, const json& object) {
  ++s.objects;
  const auto cls = object.find("class");
  capped_entry(s.classes,
               cls != object.end() && cls->is_string() ? cls->get<std::string>() : "(none)")++;
  double v;
  if (const auto it = object.find("visible_fraction"); it != object.end() && number(*it, v))
    s.visible_fraction.add(v);
  if (const auto it = object.find("size"); it != object.end() && number(*it, v)) s.size.add(v);
  if (const auto it = object.find("stroke_width"); it != object.end() && number(*it, v))
    s.stroke_width.add(v);
  if (const auto it = object.find("bbox_full");
      it != object.end() && it->is_array() && it->size() == 4) {
    double x0, y0, x1, y1;
    if (number((*it)[0], x0) && number((*it)[1], y0) && number((*it)[2], x1) &&
        number((*it)[3], y1) && y1 > y0)
      s.aspect.add((x1 - x0) / (y1 - y0));
  }
}

void add_op(SplitStats& s, const json& entry) {
  const auto name = entry.find("op");
  if (name == entry.end() || !name->is_string()) return;
  OpStats& op = capped_entry(s.ops, name->get<std::string>());
  ++op.fired;
  for (const auto& [key, value] : entry.items()) {
    if (key == "op") continue;
    double v;
    if (number(value, v)) {
      capped_entry(op.values, key).add(v);
    } else if (value.is_array()) {
      for (const json& element : value)
        if (number(element, v)) capped_entry(op.values, key).add(v);
    }
  }
}

void add_row(SplitStats& s, const json& row) {
  ++s.rows;
  const json& objects = row["objects"];
  s.objects_per_image.add(double(objects.size()));
  for (const json& object : objects)
    if (object.is_object()) add_object(s, object);
  if (const auto it = row.find("augment"); it != row.end() && it->is_array())
    for (const json& entry : *it)
      if (entry.is_object()) add_op(s, entry);
}

SplitStats& split_entry(std::vector<SplitStats>& splits, const std::string& name) {
  for (SplitStats& s : splits)
    if (s.name == name) return s;
  if (splits.size() >= kMaxSplits) return splits.back();  // pooled past the cap
  splits.emplace_back().name = name;
  return splits.back();
}

// train, val, test first, as `output.split` names them; others as seen.
void order_splits(std::vector<SplitStats>& splits) {
  auto rank = [](const std::string& n) {
    const auto split = value_named<Split>(n);
    return split ? int(*split) : int(values_of<Split>().size());
  };
  std::stable_sort(splits.begin(), splits.end(), [&](const SplitStats& a, const SplitStats& b) {
    return rank(a.name) < rank(b.name);
  });
}

}  // namespace

DatasetStats compute_stats(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw IoError("stats: '" + dir + "' is not a folder");
  const fs::path manifest = fs::path(dir) / "manifest.jsonl";
  if (!fs::is_regular_file(manifest, ec))
    throw IoError("stats: '" + dir + "' holds no manifest.jsonl (not a shapegen dataset)");
  std::ifstream in(manifest, std::ios::binary);
  if (!in) throw IoError("stats: cannot read '" + manifest.string() + "'");

  DatasetStats stats;
  stats.manifest = manifest.string();
  SplitStats all;
  all.name = "all";
  JsonLines lines(in);
  json row;
  std::string error;
  while (lines.next(row, error)) {
    ++stats.lines;
    if (error.empty() &&
        (!row.is_object() || !row.contains("objects") || !row["objects"].is_array()))
      error = "not a manifest row";
    if (!error.empty()) {
      if (++stats.damaged <= DatasetStats::kMaxDamagedShown)
        stats.damaged_lines.push_back("line " + std::to_string(lines.line()) + ": " + error);
      continue;
    }
    const auto split = row.find("split");
    add_row(split_entry(stats.splits, split != row.end() && split->is_string()
                                          ? split->get<std::string>()
                                          : "(none)"),
            row);
    add_row(all, row);
  }
  if (in.bad()) throw IoError("stats: reading '" + manifest.string() + "' failed");
  order_splits(stats.splits);
  if (stats.splits.size() > 1) stats.splits.push_back(std::move(all));
  return stats;
}

}  // namespace shapegen
