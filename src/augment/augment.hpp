#pragma once
// The augmentation stage. Every op is declared once as data (name, phase,
// doc, parameters with ranges and defaults, each bound to a field of the op's
// Params) and fires with its own probability `<op>.p`, drawing from its own
// random stream, so enabling one op never changes what another draws. Scene
// ops edit vector geometry before rasterization (labels follow exactly);
// pixel ops edit the image after it.
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "base/rng.hpp"
#include "shapegen/catalog.hpp"
#include "shapegen/config.hpp"
#include "shapegen/enum_names.hpp"
#include "shapegen/image.hpp"
#include "shapegen/sample.hpp"
#include "shapegen/scene.hpp"

namespace shapegen {

enum class Phase { scene, pixels };
constexpr std::array<EnumName<Phase>, 2> enum_names(Phase) {
  return {{{Phase::scene, "scene"}, {Phase::pixels, "pixels"}}};
}

// What an op does to the sample, the one grouping of ops: `shapegen describe
// --ops`, the docs' sections and the transfer benchmark's ablation (a family
// off at a time) all read it. Each family's ops share a phase. In the order
// the families are shown.
enum class OpFamily {
  geometric,    // the whole scene moved, warped or cut (affine, perspective, crop)
  pen,          // the outline drawn again by hand
  distortion,   // the outline or its strokes distorted in place (sketch, elastic)
  framing,      // the scene scaled and placed in the frame
  background,   // the paper under the shapes
  occlusion,    // things in front of the shapes
  contrast,     // levels and polarity
  convolution,  // blurs and sharpening
  noise,
};
constexpr std::array<EnumName<OpFamily>, 9> enum_names(OpFamily) {
  return {{{OpFamily::geometric, "geometric"},
           {OpFamily::pen, "pen"},
           {OpFamily::distortion, "distortion"},
           {OpFamily::framing, "framing"},
           {OpFamily::background, "background"},
           {OpFamily::occlusion, "occlusion"},
           {OpFamily::contrast, "contrast"},
           {OpFamily::convolution, "convolution"},
           {OpFamily::noise, "noise"}}};
}

// What pixel ops work on.
struct RasterState {
  Image& image;
  const Scene& scene;
  // Per pixel, how much of the objects' ink occluders hide (0 none, 255
  // all); empty until an occluder fires.
  Image hidden;
};

class Op {
 public:
  virtual ~Op() = default;
  virtual void apply(Scene&, Rng&, OpRecord&) const {}
  virtual void apply(RasterState&, Rng&, OpRecord&) const {}
};

struct OpDecl {
  std::string name;
  OpFamily family;
  Phase phase;
  std::string doc;
  // Keys relative to the op ("sigma"); the registry adds "<name>." and
  // declares "<name>.p".
  std::vector<OptionDecl> params;
  // Builds the op from its keys "<name>.*".
  std::function<std::unique_ptr<Op>(const Config&)> make;
};

// Every op, in the default order.
const std::vector<OpDecl>& op_table();
// `augment.order`, then `<op>.p` and the parameters of every op.
std::vector<OptionDecl> augment_options();
// Rules across augmentation keys (the order), and every op built from its
// keys, enabled or not, so none can fail later; throws ConfigError.
void check_augment_config(const Config& config);

// The seed of the augmentation streams of one variant of one sample.
std::uint64_t variant_seed(std::uint64_t sample_seed, int variant);

class Augmenter {
 public:
  explicit Augmenter(const Config& config);
  void apply(Scene& scene, std::uint64_t seed, std::vector<OpRecord>& records) const;
  void apply(RasterState& state, std::uint64_t seed, std::vector<OpRecord>& records) const;

 private:
  struct Active {
    std::string name;
    double p;
    std::shared_ptr<const Op> op;
  };
  template <typename Target>
  void run(const std::vector<Active>& ops, Target& target, std::uint64_t seed,
           std::vector<OpRecord>& records) const;
  std::vector<Active> scene_ops_;
  std::vector<Active> pixel_ops_;
};

}  // namespace shapegen
