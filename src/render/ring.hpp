#pragma once
// Private: a cheaper exact way to draw the stroke of a circle (or any closed,
// convex, gently turning outline at constant width): as the ring between the
// outline pushed out and pulled in by half the width, filled, instead of
// asking Cairo's stroker for a round join at each of its hundred corners.
#include <cairo.h>

#include "shapegen/scene.hpp"

namespace shapegen {

// Fills the stroke of `s` as a ring and returns true when `s` is closed, of
// constant width, convex and turns by at most 15 degrees at every point;
// returns false and draws nothing otherwise (Cairo strokes it). The outer
// edge takes each round join's mitre point where that lies within 0.005 px
// of the arc, else the join's ends and middle (within half the width times
// 1 - cos(3.75 deg): 0.004 px for a 4 px stroke); the inner edge is exact
// (convex: the joins' inner sides meet in a point).
bool fill_ring(cairo_t* cr, const StrokePath& s);

}  // namespace shapegen
