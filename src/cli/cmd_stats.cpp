#include <iostream>

#include "cli/cli_common.hpp"
#include "shapegen/stats.hpp"

namespace shapegen::cli {

int run_stats(const std::vector<std::string>& args) {
  const Command command{
      "stats", "shapegen stats DIR [--json] [--plot STATS.png]",
      "Summarises DIR's manifest.jsonl per split: class balance, objects per image, histograms of "
      "visible_fraction, size, bbox_full aspect and stroke_width, and how often each "
      "augmentation op fired with min / mean / max of every value it drew. Damaged lines are "
      "counted, not fatal.",
      false};
  po::options_description own("Options");
  // clang-format off
  own.add_options()
      ("json", "Print one JSON document instead of text tables.")
      ("plot", po::value<std::string>()->value_name("PNG"), "Also write the histograms as bar charts to PNG.");
  // clang-format on
  const ParsedArgs parsed = parse_args(command, own, args, 1);
  if (parsed.help) {
    print_help(command, own);
    return 0;
  }
  if (parsed.positional.size() != 1)
    throw ConfigError("shapegen stats: give the dataset folder DIR");
  const DatasetStats stats = compute_stats(parsed.positional[0]);
  if (parsed.vm.count("plot")) write_stats_plot(stats, parsed.vm["plot"].as<std::string>());
  std::cout << (parsed.vm.count("json") ? stats_json(stats) : stats_text(stats));
  return 0;
}

}  // namespace shapegen::cli
