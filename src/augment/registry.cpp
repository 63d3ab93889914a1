#include <algorithm>

#include "augment/ops.hpp"
#include "shapegen/error.hpp"

namespace shapegen {

const std::vector<OpDecl>& op_table() {
  static const std::vector<OpDecl> table = {
      ops::affine(),        ops::perspective(),  ops::sketch(),     ops::elastic(),
      ops::crop(),          ops::background(),   ops::occlude(),    ops::contrast(),
      ops::gaussian_blur(), ops::box_blur(),     ops::motion_blur(), ops::sharpen(),
      ops::gaussian_noise(), ops::speckle(),     ops::shot_noise(), ops::salt_pepper(),
      ops::sign_noise(),
  };
  return table;
}

static std::vector<std::string> op_names() {
  std::vector<std::string> names;
  for (const OpDecl& op : op_table()) names.push_back(op.name);
  return names;
}

std::vector<OptionDecl> augment_options() {
  std::vector<OptionDecl> out;
  std::string default_order;
  for (const OpDecl& op : op_table()) default_order += (default_order.empty() ? "" : ", ") + op.name;
  out.push_back(declare::list("augment.order", default_order, op_names(),
                              "Order in which ops run. Scene ops (geometric, background) always "
                              "run before rasterization and pixel ops after it; every enabled op "
                              "must be listed."));
  for (const OpDecl& op : op_table()) {
    out.push_back(declare::real(op.name + ".p", "0", {0, 1},
                                "Probability that " + op.name + " fires on a sample (0: off). " + op.doc));
    for (const OptionDecl& param : op.params) out.push_back(param);
  }
  return out;
}

static const OpDecl& find_op(const std::string& name) {
  for (const OpDecl& op : op_table())
    if (op.name == name) return op;
  throw std::logic_error("unknown op " + name);
}

void check_augment_config(const Config& config) {
  const auto& order = std::get<NameList>(config.at("augment.order")).names;
  bool pixels_seen = false;
  std::string first_pixel_op;
  for (const std::string& name : order) {
    const OpDecl& op = find_op(name);
    if (op.phase == Phase::pixels && !pixels_seen) {
      pixels_seen = true;
      first_pixel_op = name;
    }
    if (op.phase == Phase::scene && pixels_seen)
      throw ConfigError("key 'augment.order': scene op '" + name + "' is listed after pixel op '" +
                        first_pixel_op + "'; allowed: scene ops (affine, perspective, sketch, "
                        "elastic, crop, background) before pixel ops");
  }
  for (const OpDecl& op : op_table())
    if (config.real(op.name + ".p") > 0 && std::find(order.begin(), order.end(), op.name) == order.end())
      throw ConfigError("key 'augment.order': enabled op '" + op.name + "' (" + op.name +
                        ".p > 0) is not listed; allowed: list every enabled op");
}

std::uint64_t variant_seed(std::uint64_t sample_seed, int variant) {
  std::uint64_t state = sample_seed ^ (0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(variant + 1));
  return splitmix64(state);
}

Augmenter::Augmenter(const Config& config) {
  for (const std::string& name : std::get<NameList>(config.at("augment.order")).names) {
    const double p = config.real(name + ".p");
    if (p <= 0) continue;  // a disabled op is not even built: it cannot change anything
    const OpDecl& decl = find_op(name);
    Active active{name, p, decl.make(config)};
    (decl.phase == Phase::scene ? scene_ops_ : pixel_ops_).push_back(std::move(active));
  }
}

template <typename Target>
void Augmenter::run(const std::vector<Active>& ops, Target& target, std::uint64_t seed,
                    std::vector<OpRecord>& records) const {
  for (const Active& a : ops) {
    Rng rng = Rng::stream(seed, a.name);
    if (!rng.bernoulli(a.p)) continue;
    OpRecord record{a.name, {}};
    a.op->apply(target, rng, record);
    records.push_back(std::move(record));
  }
}

void Augmenter::apply(Scene& scene, std::uint64_t seed, std::vector<OpRecord>& records) const {
  run(scene_ops_, scene, seed, records);
}

void Augmenter::apply(RasterState& state, std::uint64_t seed, std::vector<OpRecord>& records) const {
  run(pixel_ops_, state, seed, records);
}

}  // namespace shapegen
