// Command-line overrides: NUL-separated arguments to `shapegen generate`,
// parsed and resolved into a Config as the CLI does. Anything may be
// refused with a shapegen::Error (exit 2); nothing else may escape.
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "cli/cli_common.hpp"
#include "shapegen/error.hpp"

using namespace shapegen;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args;
  std::string arg;
  for (std::size_t i = 0; i < size && args.size() < 64; ++i) {
    if (data[i] == 0) {
      args.push_back(arg);
      arg.clear();
    } else {
      arg += static_cast<char>(data[i]);
    }
  }
  if (!arg.empty()) args.push_back(arg);
  // generate's own options, as cmd_generate.cpp declares them.
  const cli::Command command{"generate", "", "", true};
  cli::po::options_description own("Options");
  cli::add_preset_options(own);
  own.add_options()("out,o", cli::po::value<std::string>())("overwrite", "")(
      "jobs,j", cli::po::value<int>()->default_value(1));
  try {
    const cli::ParsedArgs parsed = cli::parse_args(command, own, args);
    if (!parsed.help) cli::resolve_config(parsed);
  } catch (const Error&) {
  }
  return 0;
}
