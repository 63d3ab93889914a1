#include "store/estimate.hpp"

#include <sys/statvfs.h>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "dataset/layouts/layout.hpp"
#include "dataset/manifest.hpp"
#include "shapegen/png.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

std::string fixed(double x, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, x);
  return text;
}

std::string format_time(double s) {
  if (s < 120) return fixed(s, 0) + " s";
  if (s < 2 * 3600) return fixed(s / 60, 0) + " min";
  if (s < 2 * 86400) return fixed(s / 3600, 1) + " h";
  if (s < 2 * 365.25 * 86400) return fixed(s / 86400, 0) + " days";
  return fixed(s / (365.25 * 86400), 0) + " years";
}

}  // namespace

std::string format_size(double bytes) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
  int u = 0;
  while (bytes >= 1000 && u < 6) bytes /= 1000, ++u;
  return fixed(bytes, u == 0 || bytes >= 100 ? 0 : 1) + " " + units[u];
}

std::optional<RunEstimate> estimate_run(const DatasetPlan& plan, std::uint64_t rows, int jobs) {
  const RowRange range = plan.rows();
  if (rows == 0) return std::nullopt;
  const auto start = std::chrono::steady_clock::now();
  const Sample sample = plan.generator().make_row(range.first);
  const double pixels = double(sample.image.width) * sample.image.height * sample.image.channels;
  if (rows <= 100000 && pixels * double(rows) <= 1e9) return std::nullopt;
  const ImageSpec& image = plan.image();
  const double png =
      double(encode_png(sample.image, image.png_encoder, image.png_compression).size());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const PlanRow row = plan.row(range.first);
  const double line = double(manifest_line(sample, row.file, row.split).size());
  // Each layout's share, the primary files' first.
  const layouts::SampleCost cost{plan, sample, row, png, line};
  double bytes = 0;
  for (const layouts::LayoutDecl* layout : plan.layouts()) bytes += layout->row_bytes(cost);
  RunEstimate e;
  e.rows = rows;
  e.bytes_per_row = bytes;
  e.seconds_per_row = seconds / std::max(1, jobs);
  return e;
}

std::optional<std::uint64_t> free_bytes(const fs::path& out) {
  std::error_code ec;
  fs::path at = fs::absolute(out, ec);
  while (!at.empty() && !fs::exists(at, ec) && at != at.parent_path()) at = at.parent_path();
  struct statvfs s;
  if (::statvfs(at.c_str(), &s) != 0) return std::nullopt;
  return std::uint64_t(s.f_bavail) * s.f_frsize;
}

std::string describe(const RunEstimate& e, int jobs) {
  return "about " + format_size(e.bytes()) + " (" + format_size(e.bytes_per_row) + " a row) and " +
         format_time(e.seconds()) + " on " + std::to_string(jobs) + " thread" +
         (jobs == 1 ? "" : "s");
}

}  // namespace shapegen
