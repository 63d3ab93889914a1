#include <iomanip>
#include <iostream>

#include "cli/cli_common.hpp"
#include "shapegen/presets.hpp"

namespace shapegen::cli {

int run_presets(const std::vector<std::string>& args) {
  const Command command{"presets", "shapegen presets",
                        "Lists the built-in presets with their one-line descriptions.", false};
  po::options_description own("Options");
  own.add_options()("paths", "Also print where each preset file is.");
  const ParsedArgs parsed = parse_args(command, own, args);
  if (parsed.help) {
    print_help(command, own);
    return 0;
  }
  for (const PresetInfo& p : list_presets()) {
    std::cout << std::left << std::setw(14) << p.name << p.description;
    if (parsed.vm.count("paths")) std::cout << "  [" << p.path << "]";
    std::cout << "\n";
  }
  return 0;
}

}  // namespace shapegen::cli
