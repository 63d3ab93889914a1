#pragma once
// What every subcommand shares: option parsing with preset-key overrides,
// help text generated from the option declarations, and preset resolution.
#include <boost/program_options.hpp>
#include <string>
#include <vector>

#include "shapegen/config.hpp"
#include "shapegen/error.hpp"
#include "shapegen/shard.hpp"
#include "shapegen/verify.hpp"

namespace shapegen::cli {

namespace po = boost::program_options;

struct Command {
  std::string name;
  std::string usage;    // one line: "shapegen generate --preset NAME --out DIR ..."
  std::string summary;  // one sentence
  bool takes_preset_keys = true;
};

struct ParsedArgs {
  po::variables_map vm;
  Assignments overrides;  // --section.key=value, in command-line order
  std::vector<std::string> positional;
  bool help = false;
};

// Parses a subcommand's arguments against its own options plus (when the
// command takes them) every preset key. Throws ConfigError for unknown or
// malformed options, naming the option and the nearest known one.
ParsedArgs parse_args(const Command& command, const po::options_description& own,
                      const std::vector<std::string>& args, int max_positional = 0);
void print_help(const Command& command, const po::options_description& own);

// --preset and its shortcuts, shared by generate, describe and preview.
void add_preset_options(po::options_description& own);
// Resolves --preset, --count, --seed and the key overrides into a Config.
// A shard's dataset.ini as --preset also gives its shard, in `recorded`.
Config resolve_config(const ParsedArgs& args, Shard* recorded = nullptr);

int run_generate(const std::vector<std::string>& args);
int run_describe(const std::vector<std::string>& args);
int run_presets(const std::vector<std::string>& args);
int run_preview(const std::vector<std::string>& args);
int run_verify(const std::vector<std::string>& args);
int run_diff(const std::vector<std::string>& args);
int run_merge(const std::vector<std::string>& args);
int run_stats(const std::vector<std::string>& args);

// Tolerance and diff options shared by verify and diff.
void add_tolerance_options(po::options_description& own);
VerifyOptions tolerance_options(const ParsedArgs& parsed);
int print_report(const VerifyReport& report, const std::string& what, const std::string& diff_dir);

}  // namespace shapegen::cli
