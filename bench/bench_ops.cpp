// Cost of each augmentation op, measured side by side in one run: for every
// op, samples are generated with only that op on (p = 1) and with nothing on,
// in interleaved rounds; the op's cost is the difference of the medians.
// Output: a Markdown table (microseconds per image) for 64x64 gray and
// 224x224 RGB, with the base sample and PNG encoding for scale; then the cost
// of whole presets relative to the un-augmented basic preset.
//
//   bench_ops [--samples N] [--rounds R]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <string>
#include <vector>

#include "augment/augment.hpp"
#include "shapegen/generator.hpp"
#include "shapegen/png.hpp"
#include "shapegen/presets.hpp"

using namespace shapegen;
using Clock = std::chrono::steady_clock;

namespace {

struct Setup {
  const char* name;
  Assignments base;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Microseconds per sample for `generator` over samples [0, n), with the PNG
// encoding of the dataset's default (libdeflate, level 1) or none.
double time_samples(const Generator& generator, int n, bool encode) {
  const auto start = Clock::now();
  std::size_t sink = 0;
  for (int i = 0; i < n; ++i) {
    const Sample s = generator.make(i, 1);
    sink += encode ? encode_png(s.image, PngEncoder::libdeflate, 1).size() : s.image.pixels[0];
  }
  const double us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
  if (sink == 42) std::puts("");  // keep the work observable
  return us / n;
}

Config make_config(const Assignments& base, const std::string& op) {
  Config c = Config::defaults();
  c.set_all(base, "bench");
  if (!op.empty()) c.set(op + ".p", "1", "bench");
  c.check_consistency();
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  int samples = 200, rounds = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--samples")) samples = std::atoi(argv[i + 1]);
    if (!std::strcmp(argv[i], "--rounds")) rounds = std::atoi(argv[i + 1]);
  }
  const Setup setups[] = {
      {"64x64 gray", {{"image.width", "64"}, {"image.height", "64"}}},
      {"224x224 RGB",
       {{"image.width", "224"},
        {"image.height", "224"},
        {"image.mode", "rgb"},
        {"style.foreground", "0..255, 0..255, 0..255"}}},
  };
  std::vector<std::string> rows = {""};
  for (const OpDecl& op : op_table()) rows.push_back(op.name);

  std::printf("| op | %s us | x base | %s us | x base |\n|---|---|---|---|---|\n", setups[0].name,
              setups[1].name);
  std::vector<std::vector<double>> result(rows.size(), std::vector<double>(2));
  std::vector<double> encode(2);
  for (int s = 0; s < 2; ++s) {
    const int n = s == 0 ? samples : std::max(10, samples / 8);
    std::vector<Generator> generators;
    for (const std::string& op : rows) generators.emplace_back(make_config(setups[s].base, op));
    std::vector<std::vector<double>> times(rows.size());
    std::vector<double> with_png;
    for (int r = 0; r < rounds; ++r) {  // interleaved: noise hits every row alike
      for (std::size_t k = 0; k < rows.size(); ++k)
        times[k].push_back(time_samples(generators[k], n, false));
      with_png.push_back(time_samples(generators[0], n, true));
    }
    for (std::size_t k = 0; k < rows.size(); ++k) result[k][s] = median(times[k]);
    encode[s] = median(with_png) - result[0][s];
  }
  std::printf("| base sample (draw, render, labels) | %.1f | 1.00 | %.1f | 1.00 |\n", result[0][0],
              result[0][1]);
  std::printf("| PNG encoding (libdeflate 1) | %.1f | %.2f | %.1f | %.2f |\n", encode[0],
              encode[0] / result[0][0], encode[1], encode[1] / result[0][1]);
  for (std::size_t k = 1; k < rows.size(); ++k) {
    const double a = result[k][0] - result[0][0], b = result[k][1] - result[0][1];
    std::printf("| %s | %.1f | %.2f | %.1f | %.2f |\n", rows[k].c_str(), a, a / result[0][0], b,
                b / result[0][1]);
  }
  std::printf("\n%d samples (64x64) / %d (224x224) per round, %d rounds, medians.\n", samples,
              std::max(10, samples / 8), rounds);

  // Whole presets, PNG encoding included: what `generate` pays per sample.
  const char* presets[] = {"basic", "augmented", "sketch", "handdrawn", "geometric", "photometric"};
  std::vector<Generator> generators;
  for (const char* p : presets) generators.emplace_back(load_config(find_preset(p), {}));
  std::vector<std::vector<double>> times(std::size(presets)), bare(std::size(presets));
  for (int r = 0; r < rounds; ++r)
    for (std::size_t k = 0; k < std::size(presets); ++k) {
      times[k].push_back(time_samples(generators[k], samples, true));
      bare[k].push_back(time_samples(generators[k], samples, false));
    }
  std::printf(
      "\n| preset (64x64 gray) | us per sample, with PNG | x basic | without PNG | x basic "
      "|\n|---|---|---|---|---|\n");
  const double basic = median(times[0]), basic_bare = median(bare[0]);
  for (std::size_t k = 0; k < std::size(presets); ++k)
    std::printf("| %s | %.1f | %.2f | %.1f | %.2f |\n", presets[k], median(times[k]),
                median(times[k]) / basic, median(bare[k]), median(bare[k]) / basic_bare);
}
