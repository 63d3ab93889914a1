#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

#include "cli/cli_common.hpp"
#include "shapegen/dataset.hpp"
#include "shapegen/generator.hpp"

namespace shapegen::cli {

namespace {

// Ctrl-C or a TERM signal stops generation cleanly: the half-built staging
// folder is removed and the output folder is left as it was.
std::atomic<bool> interrupted{false};
extern "C" void on_signal(int) { interrupted = true; }

}  // namespace

int run_generate(const std::vector<std::string>& args) {
  const Command command{"generate",
                        "shapegen generate [--preset NAME|FILE] --out DIR [--count N] [--seed S] "
                        "[--variants K] [--overwrite] [--jobs J] [--section.key=value ...]",
                        "Writes a labeled dataset: DIR/images/*.png, DIR/manifest.jsonl, "
                        "DIR/labels.csv and DIR/dataset.ini (the resolved preset)."};
  po::options_description own("Options");
  add_preset_options(own);
  own.add_options()
      ("out,o", po::value<std::string>()->value_name("DIR"), "Output folder (created if needed).")
      ("overwrite", "Replace an existing shapegen dataset in DIR.")
      ("jobs,j", po::value<int>()->default_value(int(std::max(1u, std::thread::hardware_concurrency())))
           ->value_name("J"), "Worker threads; the output is the same for any value.");
  const ParsedArgs parsed = parse_args(command, own, args);
  if (parsed.help) {
    print_help(command, own);
    return 0;
  }
  if (!parsed.vm.count("out")) throw ConfigError("shapegen generate: --out DIR is required");
  const Config config = resolve_config(parsed);

  GenerateOptions options;
  options.out_dir = parsed.vm["out"].as<std::string>();
  options.overwrite = parsed.vm.count("overwrite") > 0;
  options.jobs = parsed.vm["jobs"].as<int>();
  if (options.jobs < 1 || options.jobs > 256)
    throw ConfigError("--jobs: value '" + std::to_string(options.jobs) + "' is invalid; allowed: 1..256");
  options.cancel = &interrupted;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  const auto start = std::chrono::steady_clock::now();
  generate_dataset(config, options);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const bool slash = !options.out_dir.empty() && options.out_dir.back() == '/';
  std::cout << "wrote " << Generator(config).row_count() << " samples to " << options.out_dir
            << (slash ? "" : "/") << " (images/, manifest.jsonl, labels.csv, dataset.ini) in " << seconds << " s\n";
  return 0;
}

}  // namespace shapegen::cli
