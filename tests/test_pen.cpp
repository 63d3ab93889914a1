#define BOOST_TEST_MODULE pen
// The pen model and framing: labels against the ink Cairo drew (boxes within
// 1 px of the mask, vertices and polygon the intended shape, masks the
// ink), what each key does measured on pixels, and bad keys rejected with
// the key, the value and what is allowed.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <numbers>

#include "augment/augment.hpp"
#include "augment/pen_draws.hpp"
#include "base/rng.hpp"
#include "render/raster.hpp"
#include "sample/labels.hpp"
#include "shapegen/error.hpp"
#include "shapegen/generator.hpp"
#include "test_support.hpp"

using namespace shapegen;

namespace {

// Every part of the pen model, strong.
const Assignments kStrongPen = {{"pen.p", "1"},
                                {"pen.strokes", "1..4"},
                                {"pen.closure", "-0.15..0.15"},
                                {"pen.overshoot", "0..0.15"},
                                {"pen.overshoot_p", "0.5"},
                                {"pen.rounding", "0..0.4"},
                                {"pen.bow", "0..0.1"},
                                {"pen.wobble", "0..0.04"},
                                {"pen.drift", "-0.06..0.06"},
                                {"pen.tremor", "0..0.4"},
                                {"pen.retrace_p", "0.4"},
                                {"pen.dash_p", "0.3"},
                                {"pen.dot_p", "0.4"},
                                {"pen.aliased_p", "0.3"},
                                {"pen.width_var", "0..0.6"},
                                {"pen.taper", "0..0.8"},
                                {"pen.speed", "0..0.6"},
                                {"pen.gray_var", "0..0.8"},
                                {"pen.stray_p", "0.3"}};

Assignments with(Assignments base, const Assignments& more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

Generator generator(const Assignments& overrides, const std::string& preset = "basic") {
  return Generator(test::preset_config(preset, overrides));
}

const OpRecord* find_record(const Sample& s, const std::string& op) {
  for (const OpRecord& r : s.augment)
    if (r.op == op) return &r;
  return nullptr;
}

std::vector<double> record_numbers(const OpRecord& r, const std::string& name) {
  for (const auto& [key, value] : r.values)
    if (key == name) return std::get<std::vector<double>>(value);
  BOOST_FAIL("no value " + name + " in record of " + r.op);
  return {};
}

std::string load_error(const Assignments& overrides) {
  try {
    test::preset_config("basic", overrides);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(pen_labels_follow_the_ink_and_keep_the_intended_shape) {
  for (const char* cls : {"triangle", "circle", "square", "ellipse", "rectangle"}) {
    const Assignments shape = {{"shape.classes", std::string(cls) + ":1"},
                               {"style.stroke_width", "1..4"},
                               {"shape.size", "0.3..0.8"}};
    const Generator pen = generator(with(kStrongPen, shape), "basic");
    const Generator plain = generator(shape, "basic");
    for (std::uint64_t i = 0; i < 40; ++i) {
      const Sample s = pen.make(i, 1), p = plain.make(i, 1);
      BOOST_TEST_CONTEXT(cls << " sample " << i) {
        BOOST_REQUIRE(find_record(s, "pen"));
        const ObjectLabel& l = s.objects.at(0);
        const ObjectLabel& q = p.objects.at(0);
        BOOST_TEST(!l.object.strokes.empty());
        // The intended shape: vertices and polygon exactly as without the pen.
        BOOST_REQUIRE(l.vertices.size() == q.vertices.size());
        for (std::size_t v = 0; v < l.vertices.size(); ++v)
          BOOST_TEST((l.vertices[v].point == q.vertices[v].point));
        BOOST_TEST((l.object.outline == q.object.outline));
        // Boxes follow the ink drawn.
        const Image mask = render_coverage(s.scene, l.object, 0, 0, s.scene.width, s.scene.height);
        const Box ink = test::mask_extents(mask);
        BOOST_TEST(std::abs(l.bbox.x0 - ink.x0) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.y0 - ink.y0) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.x1 - ink.x1) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.y1 - ink.y1) <= 1.0);
        // bbox_full holds all the ink (the frame may cut strays and overshoots).
        const Box whole = test::mask_extents(
            render_coverage(s.scene, l.object, -32, -32, s.scene.width + 64, s.scene.height + 64));
        BOOST_TEST(l.bbox_full.x0 <= whole.x0 - 32 + 1.0);
        BOOST_TEST(l.bbox_full.y0 <= whole.y0 - 32 + 1.0);
        BOOST_TEST(l.bbox_full.x1 >= whole.x1 - 32 - 1.0);
        BOOST_TEST(l.bbox_full.y1 >= whole.y1 - 32 - 1.0);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(pen_masks_are_the_ink_whatever_its_gray) {
  // The instance mask and the object's visible coverage are where ink was
  // put, light or dark; a pixel the image shows ink in is in the mask.
  const Generator gen(
      test::preset_config("basic", with(kStrongPen, {{"style.stroke_width", "1..3"}})), true);
  for (std::uint64_t i = 0; i < 30; ++i) {
    const Sample s = gen.make(i, 1);
    BOOST_TEST_CONTEXT("sample " << i) {
      const Image mask =
          render_coverage(s.scene, s.objects[0].object, 0, 0, s.scene.width, s.scene.height);
      BOOST_REQUIRE(s.visible.size() == 1u);
      BOOST_TEST((s.visible[0].pixels == mask.pixels));
      const Image instance = instance_mask(s);
      for (std::size_t k = 0; k < mask.pixels.size(); ++k) {
        if (s.image.pixels[k] > 0)
          BOOST_TEST(mask.pixels[k] > 0, "pixel " << k);  // white ink on black
        if (instance.pixels[k]) BOOST_TEST(mask.pixels[k] > 0);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(gray_varies_along_the_stroke_only_when_asked) {
  // Spread of the levels of fully covered stroke pixels (white on black).
  auto spread = [](const Sample& s) {
    const Image mask =
        render_coverage(s.scene, s.objects[0].object, 0, 0, s.scene.width, s.scene.height);
    int lo = 255, hi = 0;
    for (std::size_t k = 0; k < mask.pixels.size(); ++k)
      if (mask.pixels[k] == 255)
        lo = std::min<int>(lo, s.image.pixels[k]), hi = std::max<int>(hi, s.image.pixels[k]);
    return hi - lo;
  };
  const Assignments steady = {{"pen.p", "1"},
                              {"pen.speed", "0"},
                              {"pen.gray_var", "0"},
                              {"style.stroke_width", "3"},
                              {"shape.classes", "circle:1"}};
  const Generator flat = generator(steady);
  const Generator gray = generator(with(steady, {{"pen.gray_var", "0.8"}}));
  const Generator fast =
      generator(with(steady, {{"pen.speed", "0.8"}, {"shape.classes", "square:1"}}));
  for (std::uint64_t i = 0; i < 10; ++i) {
    BOOST_TEST(spread(flat.make(i, 1)) == 0, "sample " << i);
    BOOST_TEST(spread(gray.make(i, 1)) > 60, "sample " << i);
    BOOST_TEST(spread(fast.make(i, 1)) > 60, "sample " << i);
  }
}

BOOST_AUTO_TEST_CASE(aliased_ink_has_hard_edges_and_so_does_its_mask) {
  const Generator gen = generator({{"pen.p", "1"},
                                   {"pen.aliased_p", "1"},
                                   {"pen.gray_var", "0"},
                                   {"pen.speed", "0"},
                                   {"pen.stray_p", "1"}});
  for (std::uint64_t i = 0; i < 10; ++i) {
    const Sample s = gen.make(i, 1);
    const Image mask =
        render_coverage(s.scene, s.objects[0].object, 0, 0, s.scene.width, s.scene.height);
    for (std::size_t k = 0; k < mask.pixels.size(); ++k) {
      BOOST_TEST((s.image.pixels[k] == 0 || s.image.pixels[k] == 255));
      BOOST_TEST((mask.pixels[k] == 0 || mask.pixels[k] == 255));
    }
    BOOST_TEST(record_numbers(*find_record(s, "pen"), "aliased") == std::vector<double>{1.0});
  }
}

BOOST_AUTO_TEST_CASE(strokes_dashes_and_closure_do_what_their_keys_say) {
  // One stroke, a closure gap of 20% of the perimeter: one open piece whose
  // ends are far apart; an overlap of 20%: the ends pass each other.
  const Assignments one = {
      {"pen.p", "1"},      {"pen.strokes", "1"}, {"pen.retrace_p", "0"},       {"pen.drift", "0"},
      {"pen.wobble", "0"}, {"pen.tremor", "0"},  {"shape.classes", "circle:1"}};
  const Generator gap = generator(with(one, {{"pen.closure", "-0.2"}}));
  const Generator overlap = generator(with(one, {{"pen.closure", "0.2"}}));
  for (std::uint64_t i = 0; i < 10; ++i) {
    const Sample g = gap.make(i, 1), o = overlap.make(i, 1);
    BOOST_REQUIRE(g.objects[0].object.strokes.size() == 1u);
    const StrokePath& sg = g.objects[0].object.strokes[0];
    const double perimeter = path_length(g.objects[0].object.outline, true);
    BOOST_TEST(!sg.closed);
    BOOST_TEST(std::abs(path_length(sg.points, false) - 0.8 * perimeter) < 0.02 * perimeter);
    const StrokePath& so = o.objects[0].object.strokes[0];
    BOOST_TEST(std::abs(path_length(so.points, false) - 1.2 * perimeter) < 0.02 * perimeter);
  }
  // Several strokes: as many pieces (at least; closure gaps never merge them).
  const Generator three =
      generator(with(one, {{"pen.strokes", "3"}, {"pen.closure", "0.01..0.05"}}));
  for (std::uint64_t i = 0; i < 10; ++i)
    BOOST_TEST(three.make(i, 1).objects[0].object.strokes.size() == 3u);
  // Dashes: about `dashes` pieces per trip round, each short.
  const Generator dashed = generator(with(one, {{"pen.dash_p", "1"},
                                                {"pen.dot_p", "0"},
                                                {"pen.dashes", "12"},
                                                {"pen.closure", "0"},
                                                {"pen.dash_duty", "0.5"}}));
  for (std::uint64_t i = 0; i < 10; ++i) {
    const Sample s = dashed.make(i, 1);
    const auto& pieces = s.objects[0].object.strokes;
    BOOST_TEST((pieces.size() >= 11u && pieces.size() <= 13u), pieces.size() << " dashes");
    BOOST_TEST(record_numbers(*find_record(s, "pen"), "dashes") == std::vector<double>{12.0});
  }
  // Dots: single points.
  const Generator dotted = generator(with(one, {{"pen.dash_p", "1"}, {"pen.dot_p", "1"}}));
  const Sample dots = dotted.make(0, 1);
  BOOST_TEST(dots.objects[0].object.strokes.size() > 5u);
  for (const StrokePath& dot : dots.objects[0].object.strokes) BOOST_TEST(dot.points.size() == 1u);
}

BOOST_AUTO_TEST_CASE(every_drawn_value_is_recorded_within_its_range) {
  const Generator gen = generator(kStrongPen);
  const Sample s = gen.make(3, 1);
  const OpRecord* r = find_record(s, "pen");
  BOOST_REQUIRE(r);
  std::vector<std::string> names;
  for (const auto& [name, value] : r->values) names.push_back(name);
  BOOST_TEST(
      names ==
          (std::vector<std::string>{
              "strokes", "start",         "clockwise", "closure", "overshoot", "rounding", "bow",
              "wobble",  "wobble_cycles", "drift",     "tremor",  "retrace",   "dashes",   "dots",
              "aliased", "width_var",     "taper",     "speed",   "gray_var",  "stray",    "nib"}),
      boost::test_tools::per_element());
  const double closure = record_numbers(*r, "closure").at(0);
  BOOST_TEST((closure >= -0.15 && closure <= 0.15));
  const double gray = record_numbers(*r, "gray_var").at(0);
  BOOST_TEST((gray >= 0 && gray <= 0.8));
}

// The pen's draws are a contract with its random stream (PenDraws, in
// augment/pen_draws.hpp): read here straight off a stream in the documented
// order. A draw inserted before others moves every value after it, and one
// added last is one this reading does not take: either fails here, and every
// pen drawing a seed made would move. Every range is a real draw (no lo..lo)
// and no two are alike, so a value read in another's place differs.
BOOST_AUTO_TEST_CASE(draws_follow_the_documented_order) {
  ops::PenParams p;
  p.strokes = {1, 16};
  p.start_corner = 0.5;
  p.clockwise = 0.4;
  p.closure = {-0.5, 0.5};
  p.overshoot = {0, 0.5};
  p.rounding = {0.01, 0.49};
  p.bow = {0.02, 0.3};
  p.wobble = {0.03, 0.2};
  p.wobble_cycles = {0.1, 50};
  p.drift = {-0.4, 0.45};
  p.tremor = {0.04, 5};
  p.retrace_p = 0.6;
  p.retrace = {0.05, 0.95};
  p.retrace_offset = {0.06, 0.2};
  p.dash_p = 0.45;
  p.dashes = {1, 500};
  p.dash_duty = {0.07, 0.97};
  p.dot_p = 0.55;
  p.aliased_p = 0.35;
  p.width_var = {0.08, 0.95};
  p.taper = {0.09, 0.94};
  p.speed = {0.1, 0.9};
  p.gray_var = {0.11, 0.89};
  p.stray_p = 0.65;
  p.nib = {0.12, 0.88};
  for (const std::uint64_t seed : {1ULL, 2ULL, 3ULL, 17ULL, 2024ULL, 0x9e3779b97f4a7c15ULL}) {
    BOOST_TEST_CONTEXT("seed " << seed) {
      Rng rng(seed), stream(seed);
      const ops::PenDraws d = ops::draw_pen(p, rng);
      auto in = [&](const Range& r) { return stream.uniform(r.lo, r.hi); };
      constexpr double kTwoPi = 2 * std::numbers::pi;
      BOOST_TEST(d.strokes == std::lround(in(p.strokes)));
      BOOST_TEST(d.at_corner == stream.bernoulli(p.start_corner));
      BOOST_TEST(d.start == stream.uniform01());
      BOOST_TEST(d.clockwise == stream.bernoulli(p.clockwise));
      BOOST_TEST(d.closure == in(p.closure));
      BOOST_TEST(d.overshoot == in(p.overshoot));
      BOOST_TEST(d.rounding == in(p.rounding));
      BOOST_TEST(d.bow == in(p.bow));
      BOOST_TEST(d.wobble == in(p.wobble));
      BOOST_TEST(d.cycles == in(p.wobble_cycles));
      BOOST_TEST(d.cycles_ratio == stream.uniform(1.7, 2.6));
      BOOST_TEST(d.phase1 == stream.uniform(0, kTwoPi));
      BOOST_TEST(d.phase2 == stream.uniform(0, kTwoPi));
      BOOST_TEST(d.drift == in(p.drift));
      BOOST_TEST(d.tremor == in(p.tremor));
      BOOST_TEST(d.retraced == stream.bernoulli(p.retrace_p));
      BOOST_TEST(d.retrace == in(p.retrace));
      BOOST_TEST(d.retrace_offset == in(p.retrace_offset));
      BOOST_TEST(d.dashed == stream.bernoulli(p.dash_p));
      BOOST_TEST(d.dashes == std::max(1.0, std::round(in(p.dashes))));
      BOOST_TEST(d.duty == in(p.dash_duty));
      BOOST_TEST(d.dots == stream.bernoulli(p.dot_p));
      BOOST_TEST(d.aliased == stream.bernoulli(p.aliased_p));
      BOOST_TEST(d.width_var == in(p.width_var));
      BOOST_TEST(d.taper == in(p.taper));
      BOOST_TEST(d.speed == in(p.speed));
      BOOST_TEST(d.gray_var == in(p.gray_var));
      BOOST_TEST(d.pressure_l1 == stream.uniform(0.3, 0.8));
      BOOST_TEST(d.pressure_l2 == stream.uniform(0.08, 0.2));
      BOOST_TEST(d.pressure_p1 == stream.uniform(0, kTwoPi));
      BOOST_TEST(d.pressure_p2 == stream.uniform(0, kTwoPi));
      BOOST_TEST(d.stray == stream.bernoulli(p.stray_p));
      BOOST_TEST(d.nib == in(p.nib));
      BOOST_TEST(d.nib_angle == stream.uniform(0, std::numbers::pi));
      // Nothing more: the pen's next draw is the stream's next.
      BOOST_TEST(rng.next_u64() == stream.next_u64());
    }
  }
}

// And they are the first thing the pen draws: after the op's firing draw
// (Augmenter), the first object's strokes, its corner start and its start
// (recorded) are the stream's next three values.
BOOST_AUTO_TEST_CASE(the_first_object_draws_first) {
  const Generator gen = generator(kStrongPen);  // pen.strokes = 1..4: a real draw
  for (std::uint64_t i = 0; i < 10; ++i) {
    const Sample s = gen.make(i, 1);
    const OpRecord* r = find_record(s, "pen");
    BOOST_REQUIRE(r);
    Rng stream = Rng::stream(variant_seed(s.seed, 1), "pen");
    BOOST_REQUIRE(stream.bernoulli(1.0));
    BOOST_TEST(record_numbers(*r, "strokes").at(0) == double(std::lround(stream.uniform(1, 4))));
    stream.uniform01();  // at a corner or not: not recorded
    BOOST_TEST(record_numbers(*r, "start").at(0) == stream.uniform01());
  }
}

BOOST_AUTO_TEST_CASE(the_pen_is_deterministic_and_leaves_other_streams_alone) {
  const Generator a = generator(kStrongPen), b = generator(kStrongPen);
  const Generator without = generator({});
  for (std::uint64_t i = 0; i < 10; ++i) {
    const Sample x = a.make(i, 1), y = b.make(i, 1), z = without.make(i, 1);
    BOOST_TEST((x.image.pixels == y.image.pixels));
    // Size, rotation, style: the sampler's draws do not move.
    BOOST_TEST(x.objects[0].object.size == z.objects[0].object.size);
    BOOST_TEST(x.objects[0].object.rotation == z.objects[0].object.rotation);
    BOOST_TEST(x.objects[0].object.style.stroke_width == z.objects[0].object.style.stroke_width);
  }
}

BOOST_AUTO_TEST_CASE(bad_pen_and_frame_keys_name_key_value_and_what_is_allowed) {
  BOOST_TEST(
      contains(load_error({{"pen.strokes", "1.5"}}),
               "key 'pen.strokes': value '1.5' is invalid; allowed: whole numbers (a count or "
               "range lo..hi) in [1, 16]"));
  BOOST_TEST(contains(load_error({{"pen.strokes", "0..3"}}),
                      "key 'pen.strokes': value '0..3' is invalid"));
  BOOST_TEST(
      contains(load_error({{"pen.closure", "0.7"}}),
               "key 'pen.closure': value '0.7' is invalid (out of range); allowed: a number or "
               "range lo..hi within [-0.5, 0.5]"));
  BOOST_TEST(
      contains(load_error({{"pen.dash_duty", "0"}}),
               "key 'pen.dash_duty': value '0' is invalid (out of range); allowed: a number or "
               "range lo..hi within (0, 1]"));
  BOOST_TEST(contains(load_error({{"pen.gray_var", "0.5..0.2"}}),
                      "key 'pen.gray_var': value '0.5..0.2' is invalid (inverted range"));
  BOOST_TEST(contains(
      load_error({{"pen.aliased_p", "2"}}),
      "key 'pen.aliased_p': value '2' is invalid (out of range); allowed: a number in [0, 1]"));
  BOOST_TEST(
      contains(load_error({{"frame.mode", "centre:1"}}),
               "key 'frame.mode': value 'centre:1' is invalid (unknown name 'centre'); allowed: "
               "weights name:w over {fit, small}"));
  BOOST_TEST(contains(load_error({{"frame.fit", "0"}}),
                      "key 'frame.fit': value '0' is invalid (out of range)"));
  // An op that is off is still checked.
  BOOST_TEST(contains(load_error({{"pen.p", "0"}, {"pen.strokes", "2.5"}}), "key 'pen.strokes'"));
}

BOOST_AUTO_TEST_CASE(frame_fit_centres_and_sizes_the_ink_and_small_shrinks_it) {
  const Assignments fit = {{"frame.p", "1"},
                           {"frame.mode", "fit:1"},
                           {"frame.fit", "0.8"},
                           {"shape.size", "0.2..0.5"},
                           {"style.stroke_width", "2"}};
  for (const char* follow : {"0", "1"}) {
    const Generator gen = generator(with(fit, {{"frame.width_scaling", follow}}));
    for (std::uint64_t i = 0; i < 30; ++i) {
      const Sample s = gen.make(i, 1);
      const ObjectLabel& l = s.objects[0];
      const Box ink = test::mask_extents(render_coverage(s.scene, l.object, 0, 0, 64, 64));
      BOOST_TEST_CONTEXT("width_scaling " << follow << " sample " << i) {
        // The longer side of the ink is 80% of the frame, centred; labels follow.
        BOOST_TEST(std::abs(std::max(l.bbox_full.width(), l.bbox_full.height()) - 0.8 * 64) < 1e-6);
        BOOST_TEST(std::abs((l.bbox_full.x0 + l.bbox_full.x1) / 2 - 32) < 1e-6);
        BOOST_TEST(std::abs((l.bbox_full.y0 + l.bbox_full.y1) / 2 - 32) < 1e-6);
        BOOST_TEST(std::abs(l.bbox.x0 - ink.x0) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.x1 - ink.x1) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.y0 - ink.y0) <= 1.0);
        BOOST_TEST(std::abs(l.bbox.y1 - ink.y1) <= 1.0);
        const double width = l.object.style.stroke_width;
        if (std::string(follow) == "0")
          BOOST_TEST(width == 2.0);
        else
          BOOST_TEST(width > 2.0);  // shapes of 20-50% grown to 80%: the pen with them
      }
    }
  }
  const Generator small =
      generator({{"frame.p", "1"}, {"frame.mode", "small:1"}, {"frame.small", "0.2"}});
  for (std::uint64_t i = 0; i < 30; ++i) {
    const Sample s = small.make(i, 1);
    const ObjectLabel& l = s.objects[0];
    BOOST_TEST(std::abs(std::max(l.bbox_full.width(), l.bbox_full.height()) - 0.2 * 64) < 1e-6);
    BOOST_TEST((l.bbox_full.x0 >= 0 && l.bbox_full.y0 >= 0 && l.bbox_full.x1 <= 64 &&
                l.bbox_full.y1 <= 64));
  }
}
