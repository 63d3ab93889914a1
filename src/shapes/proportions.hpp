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
};

struct QuadProportions {
  Range aspect, skew, taper;
};

// Keys "shape.<cls>_aspect".
ParamList<OvalProportions> oval_proportions(const std::string& cls, const std::string& aspect);
// Keys "shape.<cls>_aspect", "_skew", "_taper".
ParamList<QuadProportions> quad_proportions(const std::string& cls, const std::string& aspect,
                                            const std::string& skew, const std::string& taper);

// True when the keys draw exactly the class's plain shape (a circle, a
// square): the class then draws nothing more and records no proportions, so
// presets that leave them out keep their bytes.
bool plain(const OvalProportions& p);
bool plain(const QuadProportions& p);

// Outline (and vertices) with proportions drawn from the object's stream;
// `values` gets what was drawn: [aspect] or [aspect, skew, taper].
std::vector<Point> draw_oval(const OvalProportions& p, Rng& rng, double r, std::vector<double>& values);
std::vector<Point> draw_quad(const QuadProportions& p, Rng& rng, double r, std::vector<double>& values);

}  // namespace shapegen
