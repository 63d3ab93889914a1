#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

#include "cli/cli_common.hpp"
#include "cli/progress.hpp"
#include "shapegen/verify.hpp"

namespace shapegen::cli {

namespace {

// Ctrl-C or TERM stops verify between batches, so its scratch folder goes.
std::atomic<bool> verify_interrupted{false};
extern "C" void on_verify_signal(int) { verify_interrupted = true; }

}  // namespace

void add_tolerance_options(po::options_description& own) {
  own.add_options()("fail", po::value<int>()->default_value(0)->value_name("T"),
                    "A pixel fails when a channel differs by more than T levels.")(
      "fail-percent", po::value<double>()->default_value(0)->value_name("P"),
      "Percent of pixels allowed to fail.")(
      "hard-fail", po::value<int>()->default_value(255)->value_name("H"),
      "No channel may differ by more than H levels, however few pixels.")(
      "diff-dir", po::value<std::string>()->value_name("D"),
      "Write <stem>.expected.png, .actual.png and .diff.png (differences in red) per failing "
      "image.")("jobs,j",
                po::value<int>()
                    ->default_value(int(std::max(1u, std::thread::hardware_concurrency())))
                    ->value_name("J"),
                "Worker threads.")("quiet,q", "No progress on stderr.");
}

VerifyOptions tolerance_options(const ParsedArgs& parsed) {
  VerifyOptions o;
  o.tolerance.fail = parsed.vm["fail"].as<int>();
  o.tolerance.fail_percent = parsed.vm["fail-percent"].as<double>();
  o.tolerance.hard_fail = parsed.vm["hard-fail"].as<int>();
  o.jobs = parsed.vm["jobs"].as<int>();
  if (parsed.vm.count("diff-dir")) o.diff_dir = parsed.vm["diff-dir"].as<std::string>();
  if (o.tolerance.fail < 0 || o.tolerance.fail > 255)
    throw ConfigError("--fail: value '" + std::to_string(o.tolerance.fail) +
                      "' is invalid; allowed: 0..255");
  if (o.tolerance.hard_fail < 0 || o.tolerance.hard_fail > 255)
    throw ConfigError("--hard-fail: value '" + std::to_string(o.tolerance.hard_fail) +
                      "' is invalid; allowed: 0..255");
  if (!(o.tolerance.fail_percent >= 0 && o.tolerance.fail_percent <= 100))
    throw ConfigError("--fail-percent: value '" + std::to_string(o.tolerance.fail_percent) +
                      "' is invalid; allowed: 0..100");
  if (o.jobs < 1 || o.jobs > 256)
    throw ConfigError("--jobs: value '" + std::to_string(o.jobs) + "' is invalid; allowed: 1..256");
  return o;
}

// Prints notes, problems (the first 100) and the summary; 0 if all passed, else 1.
int print_report(const VerifyReport& report, const std::string& what, const std::string& diff_dir) {
  for (const std::string& note : report.notes) std::cout << "note: " << note << "\n";
  const std::size_t shown = std::min<std::size_t>(report.problems.size(), 100);
  for (std::size_t i = 0; i < shown; ++i) std::cout << "FAIL " << report.problems[i] << "\n";
  if (report.problems.size() > shown)
    std::cout << "... and " << report.problems.size() - shown << " more\n";
  if (!report.ok() && !diff_dir.empty())
    std::cout << "diff images (expected, actual, differences in red): " << diff_dir << "\n";
  std::cout << report.summary(what) << "\n";
  return report.ok() ? 0 : 1;
}

int run_verify(const std::vector<std::string>& args) {
  const Command command{
      "verify",
      "shapegen verify DIR [--fail T] [--fail-percent P] [--hard-fail H] [--diff-dir D] [--jobs J] "
      "[--quiet]",
      "Regenerates every sample of DIR from DIR/dataset.ini in memory and compares it with "
      "what is on disk: images within the tolerance (identical by default), manifest and "
      "labels.csv exactly, no file missing or extra. Exit 0: all pass; 1: differences; 2: "
      "could not run.",
      false};
  po::options_description own("Options");
  add_tolerance_options(own);
  const ParsedArgs parsed = parse_args(command, own, args, 1);
  if (parsed.help) {
    print_help(command, own);
    return 0;
  }
  if (parsed.positional.size() != 1)
    throw ConfigError("shapegen verify: give the dataset folder DIR");
  VerifyOptions options = tolerance_options(parsed);
  Progress progress("verify", parsed.vm.count("quiet") > 0);
  options.progress = [&](std::uint64_t done, std::uint64_t total) {
    progress.update(done, total, 0);
  };
  options.cancel = &verify_interrupted;
  std::signal(SIGINT, on_verify_signal);
  std::signal(SIGTERM, on_verify_signal);
  VerifyReport report;
  try {
    report = verify_dataset(parsed.positional[0], options);
  } catch (...) {
    progress.clear();
    throw;
  }
  progress.clear();
  if (!parsed.vm.count("quiet"))
    std::cerr << "verify: " << progress.summary(report.checked, 0) << "\n";
  return print_report(report, "verify " + parsed.positional[0], options.diff_dir);
}

}  // namespace shapegen::cli
