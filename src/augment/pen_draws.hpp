#pragma once
// Private to the pen op: its keys, and the values it draws once per object
// from the op's random stream, in the stream's order.
#include "base/rng.hpp"
#include "shapegen/value.hpp"

namespace shapegen::ops {

// The pen's keys ("pen.*"), bound in pen_op().
struct PenParams {
  Range strokes;
  double corner_split = 0, start_corner = 0, clockwise = 0;
  Range closure, overshoot;
  double overshoot_p = 0;
  Range rounding, bow, wobble, wobble_cycles, drift, tremor;
  double retrace_p = 0;
  Range retrace, retrace_offset;
  double dash_p = 0;
  Range dashes, dash_duty;
  double dot_p = 0, aliased_p = 0;
  Range width_var, taper, speed, gray_var;
  double stray_p = 0;
  Range nib;
};

// The pen's contract with its random stream: every value drawn once per
// object, first, in this order. draw_pen fills the members in declaration
// order (designated initializers: C++ requires them in member order and
// evaluates them in that order), so this list is the order. A value drawn
// before another moves every value after it, and so every drawing any seed
// ever made: a new draw goes last, here and in test_pen's reading of the
// stream (draws_follow_the_documented_order). A range lo..lo takes no draw
// (Rng::uniform returns lo). After these come the per-corner, per-edge and
// per-break values, as the drawing goes (pen.cpp).
struct PenDraws {
  int strokes;          // pen strokes the outline is drawn with
  bool at_corner;       // the first stroke starts at a corner
  double start;         // where: a fraction of the perimeter from V0 (or picks the corner)
  bool clockwise;       // on screen
  double closure;       // where the last stroke meets the first, fraction of the perimeter
  double overshoot;     // past a corner and back, fraction of the shape's longer side
  double rounding;      // of the shorter side, cut by a corner's rounding
  double bow;           // sagitta of a side, fraction of its length
  double wobble;        // wander across the path, fraction of the longer side
  double cycles;        // waves of the wander per trip round
  double cycles_ratio;  // the second wave's cycles per the first's
  double phase1, phase2;
  double drift;   // sideways at each stroke's end, fraction of the longer side
  double tremor;  // px
  bool retraced;  // part of the outline drawn twice
  double retrace, retrace_offset;
  bool dashed;  // the pen lifts as it goes
  double dashes, duty;
  bool dots;  // a lifting pen makes dots, not dashes
  bool aliased;
  double width_var, taper, speed, gray_var;
  // Pressure: two waves along the path, lengths per perimeter and phases.
  double pressure_l1, pressure_l2, pressure_p1, pressure_p2;
  bool stray;        // a stray mark over the shape
  double nib;        // a broad nib: thinner by this when moving along nib_angle
  double nib_angle;  // radians
};

PenDraws draw_pen(const PenParams& p, Rng& rng);

}  // namespace shapegen::ops
