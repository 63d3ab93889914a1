#pragma once
// Private: the declaration of every op, one function per op file, and what
// op files share.
#include <initializer_list>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "augment/augment.hpp"
#include "params/bind.hpp"

namespace shapegen::ops {

OpDecl affine_op();
OpDecl perspective_op();
OpDecl sketch_op();
OpDecl pen_op();
OpDecl elastic_op();
OpDecl frame_op();
OpDecl crop_op();
OpDecl background_op();
OpDecl occlude_op();
OpDecl contrast_op();
OpDecl gaussian_blur_op();
OpDecl box_blur_op();
OpDecl motion_blur_op();
OpDecl sharpen_op();
OpDecl gaussian_noise_op();
OpDecl speckle_op();
OpDecl shot_noise_op();
OpDecl salt_pepper_op();
OpDecl sign_noise_op();

// The declaration of op O, built from the P its parameters fill; keys are
// relative to the op ("sigma" for "gaussian_blur.sigma"). The names an op
// records (OpRecord::add) are the manifest's schema, spelled in apply(): they
// often match a key but hold a drawn value, so renaming a key must not rename them.
template <class O, class P>
OpDecl declare_op(std::string name, OpFamily family, Phase phase, std::string doc,
                  std::initializer_list<Param<P>> params) {
  static_assert(std::is_constructible_v<O, const P&>, "an op is built from its Params");
  OpDecl op{name, family, phase, std::move(doc), {}, {}};
  const ParamList<P> list(params);
  op.params = declarations(list);
  op.make = [prefix = name + ".", list](const Config& config) -> std::unique_ptr<Op> {
    return std::make_unique<O>(bind_params(config, list, prefix));
  };
  return op;
}

// Draws uniformly from a range.
inline double draw(Rng& rng, const Range& r) { return rng.uniform(r.lo, r.hi); }

}  // namespace shapegen::ops
