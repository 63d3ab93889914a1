#include <iostream>

#include "cli/cli_common.hpp"
#include "shapegen/merge.hpp"

namespace shapegen::cli {

int run_merge(const std::vector<std::string>& args) {
  const Command command{
      "merge", "shapegen merge --out DIR SHARD_DIR... [--overwrite]",
      "Joins the folders of shards 0..N-1 that 'shapegen generate --shard I/N' wrote into "
      "DIR, the very dataset one run writes (only data.yaml's path: line names DIR). Files of "
      "one row are hard-linked where the file system allows. Shards of different recipes, "
      "missing, overlapping or damaged ones are refused and nothing is written.",
      false};
  po::options_description own("Options");
  // clang-format off
  own.add_options()
      ("out,o", po::value<std::string>()->value_name("DIR"), "The merged dataset folder.")
      ("overwrite", "Replace an existing shapegen dataset in DIR.");
  // clang-format on
  const ParsedArgs parsed = parse_args(command, own, args, -1);
  if (parsed.help) {
    print_help(command, own);
    return 0;
  }
  if (!parsed.vm.count("out")) throw ConfigError("shapegen merge: --out DIR is required");
  MergeOptions options;
  options.out_dir = parsed.vm["out"].as<std::string>();
  options.shards = parsed.positional;
  options.overwrite = parsed.vm.count("overwrite") > 0;
  merge_datasets(options);
  std::cout << "merged " << options.shards.size() << " shards into " << options.out_dir << "\n";
  return 0;
}

}  // namespace shapegen::cli
