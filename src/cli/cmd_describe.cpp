#include <iostream>

#include "cli/cli_common.hpp"

namespace shapegen::cli {

int run_describe(const std::vector<std::string>& args) {
  const Command command{"describe", "shapegen describe [--preset NAME|FILE] [--section.key=value ...]",
                        "Prints the fully resolved preset as commented INI, every key. Feeding it "
                        "back with --preset gives the same dataset."};
  po::options_description own("Options");
  add_preset_options(own);
  const ParsedArgs parsed = parse_args(command, own, args);
  if (parsed.help) {
    print_help(command, own);
    return 0;
  }
  std::cout << resolve_config(parsed).to_ini();
  return 0;
}

}  // namespace shapegen::cli
