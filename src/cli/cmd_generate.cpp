#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/cli_common.hpp"
#include "cli/progress.hpp"
#include "params/run_spec.hpp"
#include "shapegen/dataset.hpp"
#include "shapegen/generator.hpp"
#include "shapegen/shard.hpp"

namespace shapegen::cli {

namespace {

// Ctrl-C or a TERM signal stops generation cleanly between batches: the
// half-built staging folder is removed (kept with --resume, to continue)
// and the output folder is left as it was.
std::atomic<bool> interrupted{false};
extern "C" void on_signal(int) { interrupted = true; }

}  // namespace

int run_generate(const std::vector<std::string>& args) {
  const Command command{"generate",
                        "shapegen generate [--preset NAME|FILE] --out DIR [--count N] [--seed S] "
                        "[--variants K] [--shard I/N|auto|auto/N] [--overwrite] [--resume] "
                        "[--quiet] [--no-space-check] [--jobs J] "
                        "[--section.key=value ...]",
                        "Writes a labeled dataset: DIR/images/*.png, DIR/manifest.jsonl, "
                        "DIR/labels.csv and DIR/dataset.ini (the resolved preset)."};
  po::options_description own("Options");
  add_preset_options(own);
  own.add_options()("out,o", po::value<std::string>()->value_name("DIR"),
                    "Output folder (created if needed).")(
      "overwrite",
      "Replace an existing shapegen dataset in DIR (refused when DIR holds other "
      "files); also discards an interrupted run of DIR.")(
      "resume",
      "Continue the interrupted run of DIR (killed, or stopped by Ctrl-C under "
      "--resume) where its last checkpoint left it; the result is the bytes of an "
      "uninterrupted run. Without one, start a run that Ctrl-C keeps for --resume.")(
      "quiet,q", "No progress on stderr.")(
      "no-space-check", "Start a large run even when its estimated size exceeds the free space.")(
      "shard", po::value<std::string>()->value_name("I/N"),
      "Write only shard I of N (0 <= I < N): a contiguous range of base samples with all "
      "their variants, as a dataset folder of its own; 'shapegen merge' joins the N folders. "
      "'auto' takes I and N from a Slurm job array (SLURM_ARRAY_TASK_ID, _MIN, _STEP, _COUNT); "
      "'auto/N' also from a Kubernetes Indexed Job (JOB_COMPLETION_INDEX).")(
      "jobs,j",
      po::value<int>()
          ->default_value(int(std::max(1u, std::thread::hardware_concurrency())))
          ->value_name("J"),
      "Worker threads; the output is the same for any value.");
  const ParsedArgs parsed = parse_args(command, own, args);
  if (parsed.help) {
    print_help(command, own);
    return 0;
  }
  if (!parsed.vm.count("out")) throw ConfigError("shapegen generate: --out DIR is required");
  Shard recorded;  // a shard's dataset.ini as the preset makes that shard again
  const Config config = resolve_config(parsed, &recorded);

  GenerateOptions options;
  options.out_dir = parsed.vm["out"].as<std::string>();
  options.overwrite = parsed.vm.count("overwrite") > 0;
  options.jobs = parsed.vm["jobs"].as<int>();
  if (options.jobs < 1 || options.jobs > 256)
    throw ConfigError("--jobs: value '" + std::to_string(options.jobs) +
                      "' is invalid; allowed: 1..256");
  options.shard = parsed.vm.count("shard")
                      ? parse_shard(parsed.vm["shard"].as<std::string>(), ::getenv)
                      : recorded;
  options.cancel = &interrupted;
  options.resume = parsed.vm.count("resume") > 0;
  options.space_check = parsed.vm.count("no-space-check") == 0;
  const bool quiet = parsed.vm.count("quiet") > 0;
  if (const char* s = ::getenv("SHAPEGEN_CHECKPOINT_SECONDS"))
    options.checkpoint_seconds = std::atof(s);
  Progress progress("generate", quiet);
  std::uint64_t bytes = 0;
  options.progress = [&](std::uint64_t done, std::uint64_t total, std::uint64_t written) {
    bytes = written;
    progress.update(done, total, written);
  };
  options.note = [&](const std::string& line) {
    if (quiet && line.rfind("estimate:", 0) == 0) return;
    progress.clear();
    std::cerr << "shapegen: note: " << line << "\n";
  };
  options.warning = [&](const std::string& line) {
    progress.clear();
    std::cerr << "shapegen: warning: " << line << "\n";
  };
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  try {
    generate_dataset(config, options);
  } catch (...) {
    progress.clear();
    throw;
  }
  progress.clear();
  const bool slash = !options.out_dir.empty() && options.out_dir.back() == '/';
  const RunSpec run = bind_params(config, run_params());
  const RowRange rows =
      shard_rows(options.shard, std::uint64_t(run.count), std::uint64_t(run.variants + 1));
  std::cout << "wrote " << rows.size() << " samples";
  if (!options.shard.whole())
    std::cout << " (shard " << options.shard.index << " of " << options.shard.count << ": rows "
              << rows.first << " to " << rows.end << ", the last one excluded)";
  std::cout << " to " << options.out_dir << (slash ? "" : "/")
            << " (images/, manifest.jsonl, labels.csv, classes.json, dataset.ini): "
            << progress.summary(rows.size(), bytes) << "\n";
  return 0;
}

}  // namespace shapegen::cli
