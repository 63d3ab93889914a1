// `shapegen stats --plot`: small bar charts drawn with Cairo, one row per split.
#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

#include "render/cairo_util.hpp"
#include "shapegen/png.hpp"
#include "shapegen/stats.hpp"

namespace shapegen {

namespace {

struct Rgb {
  double r, g, b;
};
constexpr Rgb kClassColor{70 / 255.0, 130 / 255.0, 180 / 255.0};
constexpr Rgb kHistogramColor{60 / 255.0, 160 / 255.0, 90 / 255.0};
constexpr Rgb kOpColor{200 / 255.0, 100 / 255.0, 40 / 255.0};

// The bars' area inside a chart cell.
constexpr int kLeft = 8, kRight = kStatsChartWidth - 8, kTop = 22, kBottom = kStatsChartHeight - 22;

struct Bar {
  std::uint64_t count;
  std::string label;  // drawn under the bar when they fit
};

struct Chart {
  std::string title;
  std::vector<Bar> bars;
  Rgb color;
  std::string left_label, right_label;  // under the axis' ends
};

// Text has its own context: where fonts are missing, Cairo may put the
// context that shows text in an error state, and only that one. Labels are
// decoration; the bars, drawn on the checked context, render regardless.
void draw_text(cairo_surface_t* surface, double x, double y, double size, const std::string& text) {
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, text.c_str());
  cairo_destroy(cr);
}

std::string short_number(double v) {
  std::ostringstream out;
  out << std::setprecision(3) << v;
  return out.str();
}

void draw_chart(cairo_t* cr, cairo_surface_t* surface, int x0, int y0, const Chart& chart) {
  cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
  cairo_rectangle(cr, x0 + 0.5, y0 + 0.5, kStatsChartWidth - 1, kStatsChartHeight - 1);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
  cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
  cairo_rectangle(cr, x0 + kLeft, y0 + kBottom, kRight - kLeft, 1);
  cairo_fill(cr);

  const std::uint64_t most =
      chart.bars.empty()
          ? 0
          : std::max_element(chart.bars.begin(), chart.bars.end(), [](const Bar& a, const Bar& b) {
              return a.count < b.count;
            })->count;
  const int n = int(chart.bars.size());
  // Whole pixels, so every bar is one exact colour (the test looks for it).
  const int step = n ? std::max(1, (kRight - kLeft) / n) : 0;
  const bool labels_fit = n > 0 && n <= 6;
  for (int i = 0; i < n && most > 0; ++i) {
    const int height =
        int(std::lround(double(chart.bars[i].count) / double(most) * (kBottom - kTop)));
    if (height == 0) continue;
    cairo_set_source_rgb(cr, chart.color.r, chart.color.g, chart.color.b);
    cairo_rectangle(cr, x0 + kLeft + i * step, y0 + kBottom - height, std::max(1, step - 1),
                    height);
    cairo_fill(cr);
  }
  check_cairo(cairo_status(cr), "drawing the stats charts");

  draw_text(surface, x0 + kLeft, y0 + 14, 10, chart.title);
  if (labels_fit) {
    for (int i = 0; i < n; ++i)
      draw_text(surface, x0 + kLeft + i * step, y0 + kBottom + 12, 9,
                chart.bars[i].label.substr(0, 10));
  } else {
    draw_text(surface, x0 + kLeft, y0 + kBottom + 12, 9, chart.left_label);
    draw_text(surface, x0 + kRight - 30, y0 + kBottom + 12, 9, chart.right_label);
  }
  if (n == 0 || most == 0) draw_text(surface, x0 + kLeft, y0 + kTop + 20, 9, "(none)");
}

Chart histogram_chart(const std::string& title, const Histogram& h, Rgb color) {
  Chart chart{title, {}, color, "0", short_number(Histogram::kBins * h.width())};
  for (const std::uint64_t n : h.counts()) chart.bars.push_back({n, ""});
  return chart;
}

std::vector<Chart> split_charts(const SplitStats& s) {
  std::vector<Chart> charts;
  Chart classes{s.name + ": class balance", {}, kClassColor, "", ""};
  for (const auto& [name, n] : s.classes) classes.bars.push_back({n, name});
  classes.left_label = std::to_string(s.classes.size()) + " classes";
  charts.push_back(classes);
  charts.push_back(
      histogram_chart(s.name + ": objects per image", s.objects_per_image, kHistogramColor));
  charts.push_back(
      histogram_chart(s.name + ": visible_fraction", s.visible_fraction, kHistogramColor));
  charts.push_back(histogram_chart(s.name + ": size (px)", s.size, kHistogramColor));
  charts.push_back(histogram_chart(s.name + ": aspect (w/h)", s.aspect, kHistogramColor));
  charts.push_back(histogram_chart(s.name + ": stroke_width", s.stroke_width, kHistogramColor));
  Chart ops{s.name + ": augment ops fired", {}, kOpColor, "", ""};
  for (const auto& [name, op] : s.ops) ops.bars.push_back({op.fired, name});
  ops.left_label = std::to_string(s.ops.size()) + " ops";
  charts.push_back(ops);
  return charts;
}

}  // namespace

void write_stats_plot(const DatasetStats& stats, const std::string& path) {
  const int rows = std::max<int>(1, int(stats.splits.size()));
  SurfacePtr surface = make_surface(CAIRO_FORMAT_RGB24, kStatsChartColumns * kStatsChartWidth,
                                    rows * kStatsChartHeight);
  ContextPtr cr = make_context(surface.get());
  cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  for (std::size_t r = 0; r < stats.splits.size(); ++r) {
    const std::vector<Chart> charts = split_charts(stats.splits[r]);
    for (std::size_t c = 0; c < charts.size(); ++c)
      draw_chart(cr.get(), surface.get(), int(c) * kStatsChartWidth, int(r) * kStatsChartHeight,
                 charts[c]);
  }
  if (stats.splits.empty()) draw_text(surface.get(), 10, 20, 12, "no rows");
  check_cairo(cairo_status(cr.get()), "drawing the stats charts");
  write_png(path, image_from_rgb24(surface.get(), 3), 6);
}

}  // namespace shapegen
