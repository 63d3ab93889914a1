// The shapegen executable: a thin layer that dispatches to one file per
// subcommand. Every error reaches the user here as one line; exit code 2.
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "base/printable.hpp"
#include "cli/cli_common.hpp"
#include "shapegen/error.hpp"
#include "shapegen/version.hpp"

namespace {

// Messages are built from bounded, escaped pieces already; this keeps even
// a message that slipped through to one line of sensible length.
std::string one_line(const std::string& message) { return shapegen::printable(message, 2000); }

void print_usage() {
  std::cout
      << "shapegen " << shapegen::kVersion
      << " - labeled datasets of parametric shapes\n\n"
         "Usage: shapegen <command> [options]\n\n"
         "Commands:\n"
         "  generate   write a dataset (images, manifest, labels.csv, classes.json, dataset.ini)\n"
         "  preview    write a contact sheet of samples with label overlays\n"
         "  describe   print the fully resolved preset as INI, every key\n"
         "  presets    list the built-in presets\n"
         "  verify     regenerate a dataset from its dataset.ini and compare (exit 0 same, 1 "
         "differs)\n"
         "  diff       compare two datasets or two PNG files with a tolerance\n"
         "  merge      join the shard folders of 'generate --shard I/N' into one dataset\n"
         "  stats      per-split class balance, histograms and augmentation counts of a dataset\n\n"
         "'shapegen <command> --help' shows a command's options and every preset key.\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> all(argv + 1, argv + argc);
  if (all.empty() || all[0] == "--help" || all[0] == "-h" || all[0] == "help") {
    print_usage();
    return all.empty() ? 2 : 0;
  }
  if (all[0] == "--version") {
    std::cout << "shapegen " << shapegen::kVersion << "\n";
    return 0;
  }
  const std::string command = all[0];
  const std::vector<std::string> args(all.begin() + 1, all.end());
  try {
    if (command == "generate") return shapegen::cli::run_generate(args);
    if (command == "describe") return shapegen::cli::run_describe(args);
    if (command == "presets") return shapegen::cli::run_presets(args);
    if (command == "preview") return shapegen::cli::run_preview(args);
    if (command == "verify") return shapegen::cli::run_verify(args);
    if (command == "diff") return shapegen::cli::run_diff(args);
    if (command == "merge") return shapegen::cli::run_merge(args);
    if (command == "stats") return shapegen::cli::run_stats(args);
    std::cerr << "shapegen: unknown command '" << shapegen::printable(command)
              << "'; commands: generate, preview, describe, presets, verify, diff, merge, stats "
                 "(see 'shapegen --help')\n";
    return 2;
  } catch (const shapegen::Error& e) {
    std::cerr << "shapegen: error: " << one_line(e.what()) << "\n";
    return 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "shapegen: error: out of memory\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "shapegen: internal error: " << one_line(e.what()) << "\n";
    return 3;
  }
}
