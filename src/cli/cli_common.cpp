#include "cli/cli_common.hpp"

#include <algorithm>
#include <iostream>
#include <sstream>

#include "base/printable.hpp"
#include "dataset/layouts/layout.hpp"
#include "dataset/output_spec.hpp"
#include "params/run_spec.hpp"
#include "shapegen/catalog.hpp"
#include "shapegen/error.hpp"
#include "shapegen/presets.hpp"
#include "shapegen/shard.hpp"

namespace shapegen::cli {

static const char* value_name(Kind kind) {
  switch (kind) {
    case Kind::integer:
      return "INT";
    case Kind::real:
      return "NUM";
    case Kind::range:
    case Kind::integer_range:
      return "RANGE";
    case Kind::weights:
      return "WEIGHTS";
    case Kind::color:
      return "COLOR";
    case Kind::boolean:
      return "BOOL";
    case Kind::choice:
      return "WORD";
    case Kind::list:
      return "LIST";
    case Kind::text:
      return "TEXT";
  }
  return "ARG";
}

static po::options_description preset_key_options() {
  po::options_description keys("Preset keys (each overrides the preset: --section.key=value)");
  for (const auto& decl : option_table()) {
    if (decl.recorded) continue;
    const std::string doc =
        decl.doc + " Default: " + (decl.default_text.empty() ? "(empty)" : decl.default_text) + ".";
    keys.add_options()(decl.key.c_str(),
                       po::value<std::string>()->value_name(value_name(decl.kind)), doc.c_str());
  }
  return keys;
}

// The option of this command closest to `unknown` ("" when none is close):
// its own options first, then the preset keys where it takes them (also by
// their name without the section). Keys of other commands are not offered:
// 'verify --out' once got '--dataset.count'.
static std::string nearest_option(const std::string& unknown, const po::options_description& all) {
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  for (const auto& opt : all.options()) {
    const std::string& name = opt->long_name();
    if (name.empty()) continue;
    const std::size_t dot = name.find('.');
    std::size_t d = hint_distance(unknown, name);
    if (dot != std::string::npos) d = std::min(d, hint_distance(unknown, name.substr(dot + 1)));
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  if (!best.empty()) return "--" + best;
  // A shortened or lengthened own option: '--diff' for '--diff-dir'.
  if (unknown.size() >= 3)
    for (const auto& opt : all.options()) {
      const std::string& name = opt->long_name();
      if (!name.empty() && name.find('.') == std::string::npos &&
          (name.starts_with(unknown) || unknown.starts_with(name)))
        return "--" + name;
    }
  return "";
}

ParsedArgs parse_args(const Command& command, const po::options_description& own,
                      const std::vector<std::string>& args, int max_positional) {
  po::options_description all;
  all.add(own);
  all.add_options()("help,h", "Show this help.");
  if (command.takes_preset_keys) all.add(preset_key_options());
  po::positional_options_description positional;
  positional.add("positional", max_positional);
  po::options_description hidden;
  hidden.add_options()("positional", po::value<std::vector<std::string>>());
  po::options_description parse_set;
  parse_set.add(all).add(hidden);

  ParsedArgs out;
  const std::string where = "shapegen " + command.name;
  try {
    const po::parsed_options parsed =
        po::command_line_parser(args)
            .options(parse_set)
            .positional(positional)
            .style(po::command_line_style::unix_style ^ po::command_line_style::allow_guessing)
            .run();
    for (const auto& opt : parsed.options)
      if (find_option(opt.string_key))
        out.overrides.emplace_back(opt.string_key, opt.value.empty() ? "" : opt.value.front());
    po::store(parsed, out.vm);
  } catch (const po::unknown_option& e) {
    std::string option = e.get_option_name();
    option = option.substr(0, option.find('='));
    std::string name = option;
    while (!name.empty() && name.front() == '-') name.erase(0, 1);
    const std::string hint = nearest_option(name, all);
    throw ConfigError(where + ": unknown option '" + printable(option) + "'" +
                      (hint.empty() ? "" : " (did you mean '" + hint + "'?)") + "; see '" + where +
                      " --help'");
  } catch (const po::too_many_positional_options_error&) {
    throw ConfigError(where + ": unexpected extra argument; see '" + where + " --help'");
  } catch (const po::error& e) {
    // Boost's what() substitutes the value into the message until no
    // placeholder is left, so "--jobs %value%" never returned: with a '%'
    // in the arguments, name the option without asking Boost for the text.
    const bool placeholder = std::any_of(args.begin(), args.end(), [](const std::string& a) {
      return a.find('%') != std::string::npos;
    });
    const auto* named = dynamic_cast<const po::error_with_option_name*>(&e);
    if (placeholder)
      throw ConfigError(where + ": option '" + printable(named ? named->get_option_name() : "") +
                        "' has an invalid argument; see '" + where + " --help'");
    // Boost's messages quote the value given; printable() keeps them short.
    throw ConfigError(where + ": " + printable(e.what(), 200) + "; see '" + where + " --help'");
  }
  out.help = out.vm.count("help") > 0;
  if (out.vm.count("positional"))
    out.positional = out.vm["positional"].as<std::vector<std::string>>();
  return out;
}

void print_help(const Command& command, const po::options_description& own) {
  std::cout << "Usage: " << command.usage << "\n\n" << command.summary << "\n\n" << own << "\n";
  if (command.takes_preset_keys) {
    std::cout << preset_key_options() << "\n"
              << "Value syntax: a range is lo..hi (uniform) or one number; weights are\n"
                 "name:w, name:w, ...; a color is a gray level or range, or 'r, g, b'.\n";
  }
}

void add_preset_options(po::options_description& own) {
  own.add_options()("preset,p",
                    po::value<std::string>()->default_value("basic")->value_name("NAME|FILE"),
                    "Built-in preset name (see 'shapegen presets') or path to an INI file.")(
      "count,n", po::value<std::string>()->value_name("N"), "Shortcut for --dataset.count.")(
      "seed,s", po::value<std::string>()->value_name("S"), "Shortcut for --dataset.seed.")(
      "variants", po::value<std::string>()->value_name("K"),
      "Shortcut for --dataset.variants: K augmented variants per base sample, after the original.")(
      "split", po::value<std::string>()->value_name("S"),
      "Shortcut for --output.split, e.g. train=0.8,val=0.1,test=0.1.")(
      "formats", po::value<std::string>()->value_name("F"),
      "Shortcut for --output.formats, e.g. coco,yolo,masks,imagefolder; 'webdataset' writes "
      "WebDataset tars (output.webdataset_samples, 1000 per tar unless set).");
}

// --formats names layouts of output.formats and layouts switched on by a
// key of their own (WebDataset); it returns the latter.
static std::vector<const layouts::LayoutDecl*> add_formats(const std::string& text,
                                                           Assignments& overrides) {
  std::string formats;
  std::vector<const layouts::LayoutDecl*> by_key;
  std::istringstream in(text);
  for (std::string name; std::getline(in, name, ',');) {
    const layouts::LayoutDecl* layout = layouts::find(trim(name));
    if (layout && layout->named_in_formats)
      by_key.push_back(layout);
    else
      formats += (formats.empty() ? "" : ",") + name;  // output.formats judges the name
  }
  overrides.emplace_back(key_of(output_params(), &OutputSpec::formats), formats);
  return by_key;
}

Config resolve_config(const ParsedArgs& args, Shard* recorded) {
  Assignments overrides = args.overrides;
  const auto shortcut = [&](const char* option, const std::string& key) {
    if (args.vm.count(option)) overrides.emplace_back(key, args.vm[option].as<std::string>());
  };
  shortcut("count", key_of(run_params(), &RunSpec::count));
  shortcut("seed", key_of(run_params(), &RunSpec::seed));
  shortcut("variants", key_of(run_params(), &RunSpec::variants));
  if (args.vm.count("split")) {
    std::string split = args.vm["split"].as<std::string>();
    std::replace(split.begin(), split.end(), '=', ':');  // train=0.8 is train:0.8
    overrides.emplace_back(key_of(output_params(), &OutputSpec::split), split);
  }
  const std::vector<const layouts::LayoutDecl*> by_key =
      args.vm.count("formats") ? add_formats(args.vm["formats"].as<std::string>(), overrides)
                               : std::vector<const layouts::LayoutDecl*>{};
  Config config =
      load_recipe(find_preset(args.vm["preset"].as<std::string>()), overrides, recorded);
  // A layout switched on by its own key, asked for by name (WebDataset: 1000
  // samples per tar unless a size was set).
  for (const layouts::LayoutDecl* layout : by_key) layout->named_in_formats(config);
  if (!by_key.empty()) config.check_consistency();
  return config;
}

}  // namespace shapegen::cli
