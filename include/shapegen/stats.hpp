#pragma once
// layer: check
// `shapegen stats`: what a dataset folder holds, per split, read from its
// manifest.jsonl in one streaming pass. Memory does not grow with the row
// count: histograms have a fixed number of bins and values keep running sums.
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace shapegen {

// Count, min, mean and max of a stream of numbers.
struct Summary {
  std::uint64_t count = 0;
  double sum = 0;
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();

  void add(double value);
  double mean() const { return count ? sum / double(count) : 0.0; }
};

// kBins bins [k·width, (k+1)·width) from 0. An open histogram doubles its
// width (merging bins pairwise) when a value lands beyond the last bin, so the
// bins cover whatever range the data has without being stored; a capped one
// keeps its width and counts values at or beyond the top in the last bin.
// Negative values count in bin 0; non-finite ones are ignored.
class Histogram {
 public:
  static constexpr int kBins = 20;
  explicit Histogram(double width, bool capped = false) : width_(width), capped_(capped) {}

  void add(double value);
  double width() const { return width_; }
  const std::array<std::uint64_t, kBins>& counts() const { return counts_; }
  const Summary& summary() const { return summary_; }

 private:
  double width_;
  bool capped_;
  std::array<std::uint64_t, kBins> counts_{};
  Summary summary_;
};

struct OpStats {
  std::uint64_t fired = 0;
  // Every numeric value the op recorded, by name; arrays over all elements.
  std::map<std::string, Summary> values;
};

struct SplitStats {
  std::string name;  // "train", "val", "test", ... or "all"
  std::uint64_t rows = 0;
  std::uint64_t objects = 0;
  std::map<std::string, std::uint64_t> classes;
  Histogram objects_per_image{1};
  Histogram visible_fraction{0.05, true};
  Histogram size{1};      // circumscribed diameter, px
  Histogram aspect{0.1};  // bbox_full width / height
  Histogram stroke_width{0.25};
  std::map<std::string, OpStats> ops;
};

struct DatasetStats {
  std::string manifest;       // the path read
  std::uint64_t lines = 0;    // lines read, damaged ones included
  std::uint64_t damaged = 0;  // lines that are not a manifest row
  // "line N: not valid JSON" and the like, the first kMaxDamagedShown of them.
  std::vector<std::string> damaged_lines;
  // The splits in the order train, val, test, then others as first seen;
  // then "all" when there is more than one.
  std::vector<SplitStats> splits;

  static constexpr std::size_t kMaxDamagedShown = 20;
};

// Reads DIR/manifest.jsonl. Throws IoError when DIR is not a folder or holds
// no manifest; damaged lines are counted, not fatal.
DatasetStats compute_stats(const std::string& dir);

// The same numbers as plain text tables, and as one JSON document.
std::string stats_text(const DatasetStats& stats);
std::string stats_json(const DatasetStats& stats);

// A PNG of bar charts, one row of kStatsChartColumns charts per entry of
// `splits` (class balance, objects per image, visible fraction, size, aspect,
// stroke width, augment ops), each chart kStatsChartWidth × kStatsChartHeight.
constexpr int kStatsChartColumns = 7;
constexpr int kStatsChartWidth = 220;
constexpr int kStatsChartHeight = 150;
void write_stats_plot(const DatasetStats& stats, const std::string& path);

}  // namespace shapegen
