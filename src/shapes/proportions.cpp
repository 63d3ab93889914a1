#include "shapes/proportions.hpp"

#include <algorithm>

namespace shapegen {

namespace {

OptionDecl vertical_key(const std::string& cls) {
  return declare::real("shape." + cls + "_vertical", "0.5", {0, 1},
                       "Probability that a " + cls +
                           "'s long axis is vertical before rotation "
                           "(people draw tall ovals and rectangles as often as wide ones).");
}

// A quarter turn clockwise on screen, corners still from the top-left one.
std::vector<Point> upright(const std::vector<Point>& points, bool corners) {
  std::vector<Point> out;
  for (const Point& p : points) out.push_back({-p.y, p.x});
  if (corners) std::rotate(out.begin(), out.end() - 1, out.end());
  return out;
}

}  // namespace

ParamList<OvalProportions> oval_proportions(const std::string& cls, const std::string& aspect) {
  using namespace declare;
  return {field(&OvalProportions::aspect,
                range("shape." + cls + "_aspect", aspect, {1, 10},
                      "Ratio of a " + cls +
                          "'s long axis to its short one (1: round); the long "
                          "axis is the size and lies along the rotation.")),
          field(&OvalProportions::vertical, vertical_key(cls))};
}

ParamList<QuadProportions> quad_proportions(const std::string& cls, const std::string& aspect,
                                            const std::string& skew, const std::string& taper) {
  using namespace declare;
  using P = QuadProportions;
  return {
      field(&P::aspect, range("shape." + cls + "_aspect", aspect, {1, 10},
                              "Ratio of a " + cls +
                                  "'s long sides to its short ones; the "
                                  "diagonal is the size.")),
      field(&P::skew, range("shape." + cls + "_skew", skew, {-60, 60},
                            "Slant of a " + cls +
                                "'s short sides, degrees (0: right angles; "
                                "else a parallelogram).")),
      field(&P::taper, range("shape." + cls + "_taper", taper, {0, 0.9},
                             "How much shorter a " + cls +
                                 "'s top side is than its bottom one, "
                                 "as a fraction (a trapezoid).")),
      field(&P::vertical, vertical_key(cls)),
  };
}

bool plain(const OvalProportions& p) { return p.aspect.lo == 1 && p.aspect.hi == 1; }

bool plain(const QuadProportions& p) {
  return p.aspect.lo == 1 && p.aspect.hi == 1 && p.skew.lo == 0 && p.skew.hi == 0 &&
         p.taper.lo == 0 && p.taper.hi == 0;
}

std::vector<Point> draw_oval(const OvalProportions& p, Rng& rng, double r,
                             std::vector<double>& values) {
  const double aspect = rng.uniform(p.aspect.lo, p.aspect.hi);
  const bool vertical = rng.bernoulli(p.vertical);
  values = {aspect, vertical ? 1.0 : 0.0};
  const std::vector<Point> outline = ellipse_outline(r, r / aspect);
  return vertical ? upright(outline, false) : outline;
}

std::vector<Point> draw_quad(const QuadProportions& p, Rng& rng, double r,
                             std::vector<double>& values) {
  const double aspect = rng.uniform(p.aspect.lo, p.aspect.hi);
  const double skew = rng.uniform(p.skew.lo, p.skew.hi);
  const double taper = rng.uniform(p.taper.lo, p.taper.hi);
  const bool vertical = rng.bernoulli(p.vertical);
  values = {aspect, skew, taper, vertical ? 1.0 : 0.0};
  const std::vector<Point> corners = quad_vertices(r, aspect, skew, taper);
  return vertical ? upright(corners, true) : corners;
}

}  // namespace shapegen
