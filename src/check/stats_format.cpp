// `shapegen stats` output: plain text tables and one JSON document, the same
// numbers in both.
#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

#include "shapegen/stats.hpp"

namespace shapegen {

namespace {

using nlohmann::ordered_json;

double percent(std::uint64_t part, std::uint64_t whole) {
  return whole ? 100.0 * double(part) / double(whole) : 0.0;
}

std::uint64_t rows_read(const DatasetStats& stats) { return stats.lines - stats.damaged; }

// Short, readable numbers for the tables; JSON keeps full precision.
std::string short_number(double v) {
  std::ostringstream out;
  out << std::setprecision(4) << v;
  return out.str();
}

std::string summary_text(const Summary& s) {
  if (!s.count) return "n 0";
  return "n " + std::to_string(s.count) + ", min " + short_number(s.min) + ", mean " +
         short_number(s.mean()) + ", max " + short_number(s.max);
}

void histogram_text(std::ostream& out, const std::string& title, const Histogram& h) {
  out << title << "  (" << summary_text(h.summary()) << ")\n";
  const auto& c = h.counts();
  const auto first = std::find_if(c.begin(), c.end(), [](auto n) { return n > 0; });
  if (first == c.end()) return;
  const auto last = std::find_if(c.rbegin(), c.rend(), [](auto n) { return n > 0; }).base();
  const std::uint64_t most = *std::max_element(c.begin(), c.end());
  for (auto it = first; it != last; ++it) {
    const auto k = it - c.begin();
    std::ostringstream bin;
    bin << "[" << short_number(double(k) * h.width()) << ", "
        << short_number(double(k + 1) * h.width()) << ")";
    out << "  " << std::left << std::setw(16) << bin.str() << std::right << std::setw(8) << *it
        << "  " << std::string(std::size_t((30 * *it + most - 1) / most), '#') << "\n";
  }
}

void split_text(std::ostream& out, const SplitStats& s) {
  out << "\n== " << s.name << ": " << s.rows << " rows, " << s.objects << " objects ==\n";
  out << "class balance\n";
  for (const auto& [name, n] : s.classes)
    out << "  " << std::left << std::setw(16) << name << std::right << std::setw(8) << n << "  "
        << std::fixed << std::setprecision(1) << std::setw(5) << percent(n, s.objects) << "%\n"
        << std::defaultfloat;
  histogram_text(out, "objects per image", s.objects_per_image);
  histogram_text(out, "visible_fraction", s.visible_fraction);
  histogram_text(out, "size (px)", s.size);
  histogram_text(out, "aspect of bbox_full (w/h)", s.aspect);
  histogram_text(out, "stroke_width", s.stroke_width);
  if (s.ops.empty()) {
    out << "augment ops: none fired\n";
    return;
  }
  out << "augment ops (fired, % of rows)\n";
  for (const auto& [name, op] : s.ops) {
    out << "  " << std::left << std::setw(16) << name << std::right << std::setw(8) << op.fired
        << "  " << std::fixed << std::setprecision(1) << std::setw(5) << percent(op.fired, s.rows)
        << "%\n"
        << std::defaultfloat;
    for (const auto& [value, summary] : op.values)
      out << "    " << std::left << std::setw(20) << value << std::right << summary_text(summary)
          << "\n";
  }
}

ordered_json summary_json(const Summary& s) {
  ordered_json j;
  j["count"] = s.count;
  j["min"] = s.count ? ordered_json(s.min) : ordered_json(nullptr);
  j["mean"] = s.count ? ordered_json(s.mean()) : ordered_json(nullptr);
  j["max"] = s.count ? ordered_json(s.max) : ordered_json(nullptr);
  return j;
}

ordered_json histogram_json(const Histogram& h) {
  ordered_json j;
  j["bin_width"] = h.width();
  j["counts"] = h.counts();
  j.update(summary_json(h.summary()));
  return j;
}

ordered_json split_json(const SplitStats& s) {
  ordered_json j;
  j["rows"] = s.rows;
  j["objects"] = s.objects;
  ordered_json& classes = j["classes"] = ordered_json::object();
  for (const auto& [name, n] : s.classes)
    classes[name] = {{"count", n}, {"percent", percent(n, s.objects)}};
  j["objects_per_image"] = histogram_json(s.objects_per_image);
  j["visible_fraction"] = histogram_json(s.visible_fraction);
  j["size"] = histogram_json(s.size);
  j["aspect"] = histogram_json(s.aspect);
  j["stroke_width"] = histogram_json(s.stroke_width);
  ordered_json& ops = j["augment"] = ordered_json::object();
  for (const auto& [name, op] : s.ops) {
    ordered_json& o = ops[name];
    o["fired"] = op.fired;
    o["percent"] = percent(op.fired, s.rows);
    ordered_json& values = o["values"] = ordered_json::object();
    for (const auto& [value, summary] : op.values) values[value] = summary_json(summary);
  }
  return j;
}

}  // namespace

std::string stats_text(const DatasetStats& stats) {
  std::ostringstream out;
  out << stats.manifest << ": " << rows_read(stats) << " rows, " << stats.damaged
      << " damaged lines\n";
  for (const std::string& line : stats.damaged_lines) out << "  " << line << "\n";
  if (stats.damaged > stats.damaged_lines.size())
    out << "  ... and " << stats.damaged - stats.damaged_lines.size() << " more\n";
  for (const SplitStats& s : stats.splits) split_text(out, s);
  return out.str();
}

std::string stats_json(const DatasetStats& stats) {
  ordered_json j;
  j["manifest"] = stats.manifest;
  j["lines"] = stats.lines;
  j["rows"] = rows_read(stats);
  j["damaged"] = stats.damaged;
  j["damaged_lines"] = stats.damaged_lines;
  ordered_json& splits = j["splits"] = ordered_json::object();
  for (const SplitStats& s : stats.splits) splits[s.name] = split_json(s);
  return j.dump(2) + "\n";
}

}  // namespace shapegen
