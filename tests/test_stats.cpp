#define BOOST_TEST_MODULE stats
// `shapegen stats` end to end: its numbers against the manifest parsed here,
// the plot, damaged lines and bad folders.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "check/json_lines.hpp"
#include "shapegen/png.hpp"
#include "shapegen/stats.hpp"
#include "test_support.hpp"

using namespace shapegen;
using nlohmann::json;
using test::read_text;
using test::run_cli;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<json> manifest_rows(const fs::path& dir) {
  std::vector<json> rows;
  std::istringstream in(read_text(dir / "manifest.jsonl"));
  for (std::string line; std::getline(in, line);) rows.push_back(json::parse(line));
  return rows;
}

// stdout and stderr come together; the JSON document is all of it on success.
// Ordered, to see the order of the splits.
nlohmann::ordered_json stats_json_of(const fs::path& dir) {
  const auto r = run_cli("stats " + dir.string() + " --json");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  return nlohmann::ordered_json::parse(r.output);
}

void generate(const std::string& args) {
  const auto r = run_cli("generate --quiet " + args);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
}

}  // namespace

BOOST_AUTO_TEST_CASE(detection_counts_match_the_manifest) {
  TempDir t;
  generate("--preset detection --count 60 --split train=0.5,val=0.5 --out " + t.str("d"));
  const auto stats = stats_json_of(t.path() / "d");
  BOOST_TEST(stats["rows"] == 60);
  BOOST_TEST(stats["damaged"] == 0);

  std::map<std::string, std::map<std::string, int>> classes;  // split -> class -> objects
  std::map<std::string, std::array<int, Histogram::kBins>> per_image{};
  std::map<std::string, double> size_sum;
  std::map<std::string, int> objects, rows;
  std::map<std::string, std::map<std::string, int>> fired;  // split -> op -> rows
  for (const json& row : manifest_rows(t.path() / "d")) {
    for (const std::string& split : {row["split"].get<std::string>(), std::string("all")}) {
      ++rows[split];
      for (const json& op : row["augment"]) fired[split][op["op"].get<std::string>()]++;
      per_image[split][row["objects"].size()]++;
      for (const json& o : row["objects"]) {
        classes[split][o["class"].get<std::string>()]++;
        size_sum[split] += o["size"].get<double>();
        ++objects[split];
      }
    }
  }
  BOOST_TEST(rows.size() == 3u);  // train, val and all
  for (const auto& [split, n] : rows) {
    BOOST_TEST_CONTEXT(split) {
      const auto& s = stats["splits"][split];
      BOOST_TEST(s["rows"] == n);
      BOOST_TEST(s["objects"] == objects[split]);
      BOOST_TEST(s["classes"].size() == classes[split].size());
      for (const auto& [cls, count] : classes[split])
        BOOST_TEST(s["classes"][cls]["count"] == count);
      BOOST_TEST(s["objects_per_image"]["bin_width"] == 1.0);
      for (int k = 0; k < Histogram::kBins; ++k)
        BOOST_TEST(s["objects_per_image"]["counts"][k] == per_image[split][k], "bin " << k);
      BOOST_TEST(s["size"]["mean"].get<double>() == size_sum[split] / objects[split],
                 boost::test_tools::tolerance(1e-9));
      BOOST_TEST(s["augment"].size() == fired[split].size());
      for (const auto& [op, count] : fired[split]) BOOST_TEST(s["augment"][op]["fired"] == count);
    }
  }
  // The splits come in their usual order, "all" last.
  std::vector<std::string> names;
  for (const auto& [name, s] : stats["splits"].items()) names.push_back(name);
  BOOST_TEST(names == (std::vector<std::string>{"train", "val", "all"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(augmented_op_counts_and_values_match_the_manifest) {
  TempDir t;
  generate("--preset augmented --count 60 --out " + t.str("a"));
  const auto stats = stats_json_of(t.path() / "a");
  std::map<std::string, int> fired;
  double rotation_sum = 0;
  int rotations = 0;
  const auto rows = manifest_rows(t.path() / "a");
  for (const json& row : rows)
    for (const json& op : row["augment"]) {
      fired[op["op"].get<std::string>()]++;
      if (op["op"] == "affine") {
        rotation_sum += op["rotation"].get<double>();
        ++rotations;
      }
    }
  BOOST_REQUIRE(fired.size() > 3u);
  BOOST_REQUIRE(rotations > 0);
  // One split: no "all" section beside it.
  BOOST_REQUIRE(stats["splits"].size() == 1u);
  const auto& s = stats["splits"].begin().value();
  BOOST_TEST(s["augment"].size() == fired.size());
  for (const auto& [op, n] : fired) {
    BOOST_TEST_CONTEXT(op) {
      BOOST_TEST(s["augment"][op]["fired"] == n);
      BOOST_TEST(s["augment"][op]["percent"].get<double>() == 100.0 * n / double(rows.size()),
                 boost::test_tools::tolerance(1e-9));
    }
  }
  BOOST_TEST(s["augment"]["affine"]["values"]["rotation"]["mean"].get<double>() ==
                 rotation_sum / rotations,
             boost::test_tools::tolerance(1e-9));
  BOOST_TEST(!s["augment"]["affine"]["values"].contains("flip_h"));  // booleans are not numbers

  // Text tables name the same ops.
  const auto text = run_cli("stats " + t.str("a"));
  BOOST_TEST(text.exit_code == 0);
  for (const auto& [op, n] : fired)
    BOOST_TEST(text.output.find("  " + op + " ") != std::string::npos, op);
}

BOOST_AUTO_TEST_CASE(plot_is_a_png_of_bars) {
  TempDir t;
  generate("--preset detection --count 20 --split train=0.5,val=0.5 --out " + t.str("d"));
  const auto r = run_cli("stats " + t.str("d") + " --plot " + t.str("stats.png"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  const Image plot = read_png(t.str("stats.png"));
  BOOST_TEST(plot.channels == 3);
  BOOST_TEST(plot.width == kStatsChartColumns * kStatsChartWidth);
  BOOST_TEST(plot.height == 3 * kStatsChartHeight);  // train, val, all
  // The class balance bars (steel blue) and histogram bars (green) are there,
  // whether or not fonts are.
  std::size_t blue = 0, green = 0;
  for (int y = 0; y < plot.height; ++y)
    for (int x = 0; x < plot.width; ++x) {
      blue += plot.at(x, y, 0) == 70 && plot.at(x, y, 1) == 130 && plot.at(x, y, 2) == 180;
      green += plot.at(x, y, 0) == 60 && plot.at(x, y, 1) == 160 && plot.at(x, y, 2) == 90;
    }
  BOOST_TEST(blue > 1000u);
  BOOST_TEST(green > 1000u);
}

BOOST_AUTO_TEST_CASE(damaged_lines_are_counted_not_fatal) {
  TempDir t;
  generate("--preset basic --count 10 --out " + t.str("b"));
  const fs::path manifest = t.path() / "b/manifest.jsonl";
  std::string text = read_text(manifest);
  // Line 3 cut short, a line that is JSON but no row, one too deep to parse.
  const auto third = text.find('\n', text.find('\n') + 1) + 1;
  text.insert(third + 40, "\n");
  text += "[1,2,3]\n" + std::string(100000, '[') + "\n";
  std::ofstream(manifest, std::ios::binary) << text;

  const auto stats = stats_json_of(t.path() / "b");
  BOOST_TEST(stats["rows"] == 9);  // the cut row is two damaged lines now
  BOOST_TEST(stats["damaged"] == 4);
  BOOST_TEST(stats["damaged_lines"][0] == "line 3: not valid JSON");
  BOOST_TEST(stats["damaged_lines"][2] == "line 12: not a manifest row");
  BOOST_TEST(stats["damaged_lines"][3] == "line 13: nested deeper than 32");
  const auto r = run_cli("stats " + t.str("b"));
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.output.find("line 3: not valid JSON") != std::string::npos, r.output);
}

BOOST_AUTO_TEST_CASE(long_lines_are_skipped_with_bounded_memory) {
  std::istringstream in(std::string(5000, 'x') + "\n{\"a\":1}\n");
  JsonLines lines(in, 1000);
  json value;
  std::string error;
  BOOST_REQUIRE(lines.next(value, error));
  BOOST_TEST(error == "longer than 1000 bytes");
  BOOST_REQUIRE(lines.next(value, error));
  BOOST_TEST(error.empty());
  BOOST_TEST(value["a"] == 1);
  BOOST_TEST(lines.line() == 2u);
  BOOST_TEST(!lines.next(value, error));
}

BOOST_AUTO_TEST_CASE(open_histograms_double_their_bins) {
  Histogram h(1);
  for (int v = 0; v < 10; ++v) h.add(v);
  h.add(45);  // beyond 20 bins of 1: width 4 covers it
  BOOST_TEST(h.width() == 4.0);
  BOOST_TEST(h.counts()[0] == 4u);  // 0..3
  BOOST_TEST(h.counts()[1] == 4u);  // 4..7
  BOOST_TEST(h.counts()[2] == 2u);  // 8, 9
  BOOST_TEST(h.counts()[11] == 1u);
  BOOST_TEST(h.summary().count == 11u);
  Histogram capped(0.05, true);
  capped.add(1.0);
  BOOST_TEST(capped.counts()[Histogram::kBins - 1] == 1u);
}

BOOST_AUTO_TEST_CASE(bad_folders_exit_2_with_one_line) {
  TempDir t;
  for (const auto& [args, message] : std::vector<std::pair<std::string, std::string>>{
           {"stats " + t.str("missing"), "is not a folder"},
           {"stats " + t.str(), "holds no manifest.jsonl"},
           {"stats", "give the dataset folder DIR"}}) {
    const auto r = run_cli(args);
    BOOST_TEST_CONTEXT(args) {
      BOOST_TEST(r.exit_code == 2);
      BOOST_TEST(r.output.find(message) != std::string::npos, r.output);
      BOOST_TEST(std::count(r.output.begin(), r.output.end(), '\n') == 1);
    }
  }
}
