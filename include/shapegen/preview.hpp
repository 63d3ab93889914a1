#pragma once
// layer: preview
// Contact sheets: samples side by side, scaled up with nearest-neighbour
// sampling so single pixels stay visible, with optional label overlays.
#include <vector>

#include "shapegen/image.hpp"
#include "shapegen/sample.hpp"

namespace shapegen {

struct PreviewOptions {
  int columns = 0;       // 0: about square
  int scale = 0;         // integer zoom; 0: the smallest that makes tiles >= 96 px
  bool overlays = true;  // bbox in its class's colour (shapes/: red triangle, green circle,
                         // blue square), vertices (yellow)
};

// An RGB image of the samples in a grid.
Image contact_sheet(const std::vector<Sample>& samples, const PreviewOptions& options);

}  // namespace shapegen
