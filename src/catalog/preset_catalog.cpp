// The preset catalog: every key of every layer, in the order `describe` and
// dataset.ini list them, and the rules across keys, in the order they are
// checked. It sits above every layer that declares keys (params, shapes,
// scene, augment, dataset: output.*, named by the layout table) so that each
// declares only its own and params includes none of them.
#include "augment/augment.hpp"
#include "dataset/output_spec.hpp"
#include "params/run_spec.hpp"
#include "scene/scene_spec.hpp"
#include "shapegen/catalog.hpp"
#include "shapegen/config.hpp"
#include "shapegen/error.hpp"
#include "shapegen/keypoints.hpp"
#include "shapes/registry.hpp"

namespace shapegen {

namespace {

// Gray images take gray colors: a rule over every color key, whichever layer declares it.
void check_colors_fit_the_mode(const Config& config) {
  if (bind_params(config, image_params()).mode != ImageMode::gray) return;
  for (const OptionDecl& decl : config.catalog().options())
    if (decl.kind == Kind::color && config.color(decl.key).is_rgb)
      throw ConfigError("key '" + decl.key + "': value '" + format_value(config.at(decl.key)) +
                        "' is an RGB color but image.mode is gray; allowed: one gray level "
                        "or range, or set image.mode = rgb");
}

Catalog build_preset_catalog() {
  Catalog catalog;
  catalog.add(declarations(run_params()));
  catalog.add(declarations(output_params()));
  catalog.add(scene_options());
  catalog.add(recorded_options());
  catalog.add(augment_options());

  catalog.add_rule(check_colors_fit_the_mode);
  for (ShapeClass c : shape_classes())
    for (const Catalog::Rule& rule : shape_decl(c).rules) catalog.add_rule(rule);
  catalog.add_rule(
      [](const Config& c) { parse_label_map(bind_params(c, shape_label_params()).labels); });
  catalog.add_rule(check_augment_config);
  catalog.add_rule(
      [](const Config& c) { check_something_is_drawn(bind_params(c, style_params())); });
  catalog.add_rule(check_keypoint_config);
  return catalog;
}

}  // namespace

const Catalog& preset_catalog() {
  static const Catalog catalog = build_preset_catalog();
  return catalog;
}

// The public entry points that need no catalog use this one.
const std::vector<OptionDecl>& option_table() { return preset_catalog().options(); }
const OptionDecl* find_option(const std::string& key) { return preset_catalog().find(key); }
std::string nearest_key(const std::string& unknown) {
  return preset_catalog().nearest_key(unknown);
}

Config Config::defaults() { return Config(preset_catalog()); }

Assignments read_preset_file(const std::string& path) {
  return read_preset_file(preset_catalog(), path);
}

Assignments parse_preset_text(const std::string& text, const std::string& origin) {
  return parse_preset_text(preset_catalog(), text, origin);
}

Config load_config(const std::string& preset_path, const Assignments& overrides) {
  return load_config(preset_catalog(), preset_path, overrides);
}

}  // namespace shapegen
