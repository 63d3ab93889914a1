#include <charconv>
#include <filesystem>
#include <iostream>

#include "base/printable.hpp"
#include "cli/cli_common.hpp"
#include "params/run_spec.hpp"
#include "shapegen/generator.hpp"
#include "shapegen/png.hpp"
#include "shapegen/preview.hpp"

namespace shapegen::cli {

namespace {

// --first I: the sheet shows rows I * per_base .. (I + count) * per_base - 1,
// all of which must be row numbers (no wrap past 2^64).
std::uint64_t first_row(const std::string& text, std::uint64_t count, int per_base) {
  const std::uint64_t last = UINT64_MAX / std::uint64_t(per_base) - count;
  std::uint64_t first = 0;
  const char* end = text.data() + text.size();
  const auto [at, ec] = std::from_chars(text.data(), end, first);
  if (text.empty() || ec != std::errc() || at != end || first > last)
    throw ConfigError(
        "--first: value '" + printable(text) + "' is invalid; allowed: a whole number in [0, " +
        std::to_string(last) + "] (with --count " + std::to_string(count) +
        (per_base > 1 ? " and --variants " + std::to_string(per_base - 1) : "") + ")");
  return first;
}

}  // namespace

int run_preview(const std::vector<std::string>& args) {
  const Command command{"preview",
                        "shapegen preview [--preset NAME|FILE] [--count N] --out SHEET.png "
                        "[--variants K] [--first I] [--columns C] [--scale S] [--no-overlays] "
                        "[--section.key=value ...]",
                        "Writes a contact sheet of samples first..first+N-1: the same images "
                        "generate writes, scaled up, with bboxes (red triangle, green circle, blue "
                        "square) and vertices (yellow). With --variants K, one row per base "
                        "sample: the original, then K variants."};
  po::options_description own("Options");
  add_preset_options(own);
  own.add_options()("out,o", po::value<std::string>()->value_name("SHEET.png"), "Output PNG file.")(
      "first", po::value<std::string>()->default_value("0")->value_name("I"),
      "First sample index.")("columns", po::value<int>()->default_value(0)->value_name("C"),
                             "Tiles per row (0: about square).")(
      "scale", po::value<int>()->default_value(0)->value_name("S"),
      "Zoom factor (0: tiles of at least 96 px).")("no-overlays",
                                                   "Images only, without label overlays.");
  ParsedArgs parsed = parse_args(command, own, args);
  if (parsed.help) {
    print_help(command, own);
    return 0;
  }
  if (!parsed.vm.count("out")) throw ConfigError("shapegen preview: --out SHEET.png is required");
  if (parsed.vm["out"].as<std::string>().empty())
    throw ConfigError("--out: value '' is invalid; allowed: a PNG file path");
  if (!parsed.vm.count("count"))
    parsed.overrides.emplace_back(key_of(run_params(), &RunSpec::count), "16");
  const Config config = resolve_config(parsed);
  const auto count = static_cast<std::uint64_t>(bind_params(config, run_params()).count);
  if (count > 1024)
    throw ConfigError("--count: value '" + std::to_string(count) +
                      "' is too many for a sheet; allowed: 1..1024");
  const int columns = parsed.vm["columns"].as<int>(), scale = parsed.vm["scale"].as<int>();
  if (columns < 0 || columns > 1024)
    throw ConfigError("--columns: value '" + std::to_string(columns) +
                      "' is invalid; allowed: 0..1024");
  if (scale < 0 || scale > 64)
    throw ConfigError("--scale: value '" + std::to_string(scale) + "' is invalid; allowed: 0..64");
  const std::string out = parsed.vm["out"].as<std::string>();
  const auto parent = std::filesystem::absolute(out).parent_path();
  if (!std::filesystem::is_directory(parent))
    throw IoError("--out '" + out + "': folder '" + parent.string() + "' does not exist");

  // With variants, each base sample gets a row: the original, then its variants.
  const Generator generator(config);
  const int per_base = generator.variants() + 1;
  const std::uint64_t first = first_row(parsed.vm["first"].as<std::string>(), count, per_base);
  std::vector<Sample> samples;
  for (std::uint64_t i = 0; i < count * per_base; ++i)
    samples.push_back(generator.make_row(first * per_base + i));
  PreviewOptions options;
  options.columns = columns > 0 ? columns : (per_base > 1 ? per_base : 0);
  options.scale = scale;
  options.overlays = parsed.vm.count("no-overlays") == 0;
  write_png(out, contact_sheet(samples, options), 6);
  std::cout << "wrote a contact sheet of " << samples.size() << " samples to " << out << "\n";
  return 0;
}

}  // namespace shapegen::cli
