#pragma once
// Private: the declaration of every op, one function per op file.
#include "augment/augment.hpp"

namespace shapegen::ops {

OpDecl affine();
OpDecl perspective();
OpDecl sketch();
OpDecl elastic();
OpDecl crop();
OpDecl background();
OpDecl occlude();
OpDecl contrast();
OpDecl gaussian_blur();
OpDecl box_blur();
OpDecl motion_blur();
OpDecl sharpen();
OpDecl gaussian_noise();
OpDecl speckle();
OpDecl shot_noise();
OpDecl salt_pepper();
OpDecl sign_noise();

// Draws uniformly from a range key of the config.
inline double draw(Rng& rng, const Range& r) { return rng.uniform(r.lo, r.hi); }

}  // namespace shapegen::ops
