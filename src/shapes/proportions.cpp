#include "shapes/proportions.hpp"

namespace shapegen {

ParamList<OvalProportions> oval_proportions(const std::string& cls, const std::string& aspect) {
  using namespace declare;
  return {field(&OvalProportions::aspect,
                range("shape." + cls + "_aspect", aspect, {1, 10},
                      "Ratio of a " + cls + "'s long axis to its short one (1: round); the long "
                      "axis is the size and lies along the rotation."))};
}

ParamList<QuadProportions> quad_proportions(const std::string& cls, const std::string& aspect,
                                            const std::string& skew, const std::string& taper) {
  using namespace declare;
  using P = QuadProportions;
  return {
      field(&P::aspect, range("shape." + cls + "_aspect", aspect, {1, 10},
                              "Ratio of a " + cls + "'s long sides to its short ones; the "
                              "diagonal is the size.")),
      field(&P::skew, range("shape." + cls + "_skew", skew, {-60, 60},
                            "Slant of a " + cls + "'s short sides, degrees (0: right angles; "
                            "else a parallelogram).")),
      field(&P::taper, range("shape." + cls + "_taper", taper, {0, 0.9},
                             "How much shorter a " + cls + "'s top side is than its bottom one, "
                             "as a fraction (a trapezoid).")),
  };
}

bool plain(const OvalProportions& p) { return p.aspect.lo == 1 && p.aspect.hi == 1; }

bool plain(const QuadProportions& p) {
  return p.aspect.lo == 1 && p.aspect.hi == 1 && p.skew.lo == 0 && p.skew.hi == 0 &&
         p.taper.lo == 0 && p.taper.hi == 0;
}

std::vector<Point> draw_oval(const OvalProportions& p, Rng& rng, double r, std::vector<double>& values) {
  const double aspect = rng.uniform(p.aspect.lo, p.aspect.hi);
  values = {aspect};
  return ellipse_outline(r, r / aspect);
}

std::vector<Point> draw_quad(const QuadProportions& p, Rng& rng, double r, std::vector<double>& values) {
  const double aspect = rng.uniform(p.aspect.lo, p.aspect.hi);
  const double skew = rng.uniform(p.skew.lo, p.skew.hi);
  const double taper = rng.uniform(p.taper.lo, p.taper.hi);
  values = {aspect, skew, taper};
  return quad_vertices(r, aspect, skew, taper);
}

}  // namespace shapegen
