#pragma once
// Private: COCO's compressed run-length encoding of a binary mask, as
// pycocotools writes it (maskApi.c: rleEncode, rleToString), so that
// pycocotools' decode gives back exactly our pixels.
#include <cstdint>
#include <string>
#include <vector>

#include "shapegen/image.hpp"

namespace shapegen {

// The runs of the mask "pixel == value" of a one-channel image, read in
// column-major order (down each column, columns left to right): zeros
// first (the first run may be empty), then ones, and so on.
std::vector<std::uint64_t> rle_runs(const Image& image, std::uint8_t value);
// The runs as COCO's "counts" string: each run less the run two before it
// (from the third on), in 5-bit groups low first, 0x20 marking that more
// follow, each plus 48 as a character.
std::string rle_counts(const std::vector<std::uint64_t>& runs);

}  // namespace shapegen
