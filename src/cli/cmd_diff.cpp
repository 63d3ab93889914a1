#include "cli/cli_common.hpp"
#include "shapegen/verify.hpp"

namespace shapegen::cli {

int run_diff(const std::vector<std::string>& args) {
  const Command command{
      "diff",
      "shapegen diff A B [--fail T] [--fail-percent P] [--hard-fail H] [--diff-dir D] [--jobs J]",
      "Compares B against the reference A: two PNG files, or two dataset folders (every "
      "image A's manifest names, within the tolerance, and the manifests line by line). "
      "Exit 0: all pass; 1: differences; 2: could not run.",
      false};
  po::options_description own("Options");
  add_tolerance_options(own);
  const ParsedArgs parsed = parse_args(command, own, args, 2);
  if (parsed.help) {
    print_help(command, own);
    return 0;
  }
  if (parsed.positional.size() != 2)
    throw ConfigError("shapegen diff: give the reference A and the candidate B");
  const VerifyOptions options = tolerance_options(parsed);
  return print_report(diff_paths(parsed.positional[0], parsed.positional[1], options),
                      "diff " + parsed.positional[0] + " " + parsed.positional[1],
                      options.diff_dir);
}

}  // namespace shapegen::cli
