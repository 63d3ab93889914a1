#pragma once
// Proportions a class may vary, as keys of its own: an ellipse's aspect
// (circle, ellipse) and a quadrilateral's aspect, skew and taper (square,
// rectangle). The same declarations serve each class under its own names
// (shape.circle_aspect, shape.ellipse_aspect, ...), each with its defaults.
#include <string>
#include <vector>

#include "params/bind.hpp"
#include "shapes/registry.hpp"

namespace shapegen {

struct OvalProportions {
  Range aspect;
  double vertical = 0;  // probability that the long axis is vertical
};

struct QuadProportions {
  Range aspect, skew, taper;
  double vertical = 0;
};

// Keys "shape.<cls>_aspect", "_vertical".
ParamList<OvalProportions> oval_proportions(const std::string& cls, const std::string& aspect);
// Keys "shape.<cls>_aspect", "_skew", "_taper", "_vertical".
ParamList<QuadProportions> quad_proportions(const std::string& cls, const std::string& aspect,
                                            const std::string& skew, const std::string& taper);

// True when the keys draw exactly the class's plain shape (a circle, a
// square): the class then draws nothing more and records no proportions, so
// presets that leave them out keep their bytes.
bool plain(const OvalProportions& p);
bool plain(const QuadProportions& p);

// Outline (and vertices) with proportions drawn from the object's stream;
// `values` gets what was drawn: [aspect, vertical] or [aspect, skew, taper,
// vertical], vertical 1 when the long axis was turned upright (a quarter
// turn clockwise before the object's rotation; the corners keep their order,
// clockwise from the top-left one).
std::vector<Point> draw_oval(const OvalProportions& p, Rng& rng, double r,
                             std::vector<double>& values);
std::vector<Point> draw_quad(const QuadProportions& p, Rng& rng, double r,
                             std::vector<double>& values);

}  // namespace shapegen
