#include <algorithm>

#include "augment/ops.hpp"
#include "shapegen/error.hpp"

namespace shapegen {

const std::vector<OpDecl>& op_table() {
  static const std::vector<OpDecl> table = {
      ops::affine_op(),      ops::perspective_op(), ops::sketch_op(),         ops::pen_op(),
      ops::elastic_op(),     ops::frame_op(),       ops::crop_op(),           ops::background_op(),
      ops::occlude_op(),     ops::contrast_op(),    ops::gaussian_blur_op(),  ops::box_blur_op(),
      ops::motion_blur_op(), ops::sharpen_op(),     ops::gaussian_noise_op(), ops::speckle_op(),
      ops::shot_noise_op(),  ops::salt_pepper_op(), ops::sign_noise_op(),
  };
  return table;
}

namespace {

// The registry's own keys: the order ops run in, and each op's probability.
struct Schedule {
  std::vector<std::string> order;
};

struct Firing {
  double p = 0;
};

std::vector<std::string> op_names() {
  std::vector<std::string> names;
  for (const OpDecl& op : op_table()) names.push_back(op.name);
  return names;
}

const ParamList<Schedule>& schedule_params() {
  static const ParamList<Schedule> params = [] {
    std::string default_order;
    for (const OpDecl& op : op_table())
      default_order += (default_order.empty() ? "" : ", ") + op.name;
    return ParamList<Schedule>{
        field(&Schedule::order,
              declare::list("augment.order", default_order, op_names(),
                            "Order in which ops run. Scene ops (geometric, background) always run "
                            "before rasterization and pixel ops after it; every enabled op must be "
                            "listed."))};
  }();
  return params;
}

// `<op>.p`, relative to the op like its own parameters.
ParamList<Firing> firing_params(const OpDecl& op) {
  return {field(&Firing::p, declare::real("p", "0", {0, 1},
                                          "Probability that " + op.name +
                                              " fires on a sample (0: off). " + op.doc))};
}

// "affine, perspective, ...": the scene ops, for messages.
std::string scene_op_names() {
  std::string out;
  for (const OpDecl& op : op_table())
    if (op.phase == Phase::scene) out += (out.empty() ? "" : ", ") + op.name;
  return out;
}

std::vector<std::string> order_of(const Config& config) {
  return bind_params(config, schedule_params()).order;
}

double probability(const Config& config, const OpDecl& op) {
  return bind_params(config, firing_params(op), op.name + ".").p;
}

const OpDecl& find_op(const std::string& name) {
  for (const OpDecl& op : op_table())
    if (op.name == name) return op;
  throw std::logic_error("unknown op " + name);
}

}  // namespace

std::vector<OptionDecl> augment_options() {
  std::vector<OptionDecl> out = declarations(schedule_params());
  for (const OpDecl& op : op_table()) {
    const std::string prefix = op.name + ".";
    for (OptionDecl& d : declarations(firing_params(op), prefix)) out.push_back(std::move(d));
    for (OptionDecl d : op.params) {
      d.key = prefix + d.key;
      out.push_back(std::move(d));
    }
  }
  return out;
}

void check_augment_config(const Config& config) {
  const std::vector<std::string> order = order_of(config);
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
                        first_pixel_op + "'; allowed: scene ops (" + scene_op_names() +
                        ") before pixel ops");
  }
  for (const OpDecl& op : op_table())
    if (probability(config, op) > 0 &&
        std::find(order.begin(), order.end(), op.name) == order.end())
      throw ConfigError("key 'augment.order': enabled op '" + op.name + "' (" + op.name +
                        ".p > 0) is not listed; allowed: list every enabled op");
  // Built and dropped: an op that is off today is checked as fully as one that is on.
  for (const OpDecl& op : op_table()) op.make(config);
}

std::uint64_t variant_seed(std::uint64_t sample_seed, int variant) {
  std::uint64_t state =
      sample_seed ^ (0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(variant + 1));
  return splitmix64(state);
}

Augmenter::Augmenter(const Config& config) {
  for (const std::string& name : order_of(config)) {
    const OpDecl& decl = find_op(name);
    const double p = probability(config, decl);
    if (p <= 0) continue;  // a disabled op is not run, so it is not kept either
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

void Augmenter::apply(RasterState& state, std::uint64_t seed,
                      std::vector<OpRecord>& records) const {
  run(pixel_ops_, state, seed, records);
}

}  // namespace shapegen
