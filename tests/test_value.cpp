#define BOOST_TEST_MODULE value
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>

#include "base/rng.hpp"
#include "shapegen/catalog.hpp"
#include "shapegen/value.hpp"

using namespace shapegen;

static std::string reason(auto&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "(no error)";
}

BOOST_AUTO_TEST_CASE(ranges_parse_and_format) {
  BOOST_TEST((parse_range("0.5..0.9") == Range{0.5, 0.9}));
  BOOST_TEST((parse_range(" 2 ") == Range{2, 2}));
  BOOST_TEST((parse_range("-3 .. 4") == Range{-3, 4}));
  BOOST_TEST(format_value(Range{0.5, 0.9}) == "0.5..0.9");
  BOOST_TEST(format_value(Range{2, 2}) == "2");
  BOOST_TEST(reason([] { parse_range("0.9..0.5"); }).find("inverted") != std::string::npos);
  BOOST_TEST(reason([] { parse_range(""); }).find("empty") != std::string::npos);
  BOOST_TEST(reason([] { parse_range("1.."); }).find("empty") != std::string::npos);
  BOOST_TEST(reason([] { parse_range("a..b"); }).find("not a finite number") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reals_round_trip_exactly) {
  Rng r(1);
  for (int i = 0; i < 10000; ++i) {
    const double x = (r.uniform01() - 0.5) * std::pow(10.0, r.uniform_int(-12, 12));
    BOOST_REQUIRE(parse_real(format_real(x)) == x);
  }
  BOOST_TEST(reason([] { parse_real("1e999"); }) == "not a finite number");
  BOOST_TEST(reason([] { parse_real("3px"); }) == "not a finite number");
  BOOST_TEST(parse_real("+2.5") == 2.5);
}

BOOST_AUTO_TEST_CASE(weights_parse_with_defaults_and_errors) {
  const std::vector<std::string> names = {"triangle", "circle", "square"};
  const Weights w = parse_weights("circle:2, triangle", names);
  BOOST_TEST(w.of("triangle") == 1.0);
  BOOST_TEST(w.of("circle") == 2.0);
  BOOST_TEST(w.of("square") == 0.0);
  BOOST_TEST(format_value(w) == "triangle:1, circle:2, square:0");
  BOOST_TEST(reason([&] { parse_weights("hexagon:1", names); }) == "unknown name 'hexagon'");
  BOOST_TEST(reason([&] { parse_weights("circle:0", names); }) == "weights must not all be zero");
  BOOST_TEST(reason([&] { parse_weights("circle:-1", names); }).find("negative") !=
             std::string::npos);
  BOOST_TEST(reason([&] { parse_weights("circle, circle", names); }).find("twice") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(colors_are_gray_or_rgb_ranges) {
  const ColorRange gray = parse_color("200..255");
  BOOST_TEST(!gray.is_rgb);
  BOOST_TEST((gray.channel[2] == Range{200, 255}));
  const ColorRange rgb = parse_color("255, 0..50, 10");
  BOOST_TEST(rgb.is_rgb);
  BOOST_TEST(format_value(rgb) == "255, 0..50, 10");
  BOOST_TEST(reason([] { parse_color("300"); }).find("0..255") != std::string::npos);
  BOOST_TEST(reason([] { parse_color("1, 2"); }).find("three") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bounds_are_enforced_and_described) {
  const OptionDecl* size = find_option("shape.size");
  BOOST_REQUIRE(size);
  BOOST_TEST(size->allowed() == "a number or range lo..hi within (0, 1]");
  BOOST_TEST(reason([&] { size->parse("0..0.5"); }) == "out of range");
  BOOST_TEST(reason([&] { size->parse("0.5..1.5"); }) == "out of range");
  BOOST_TEST((std::get<Range>(size->parse("1")) == Range{1, 1}));
}

BOOST_AUTO_TEST_CASE(every_declared_default_parses_and_round_trips) {
  for (const OptionDecl& decl : option_table()) {
    BOOST_TEST_CONTEXT(decl.key) {
      const Value v = decl.parse(decl.default_text);
      BOOST_TEST((decl.parse(format_value(v)) == v));
      BOOST_TEST(!decl.doc.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(nearest_key_suggests_close_keys_only) {
  BOOST_TEST(nearest_key("shape.sise") == "shape.size");
  BOOST_TEST(nearest_key("stroke_width") == "style.stroke_width");
  BOOST_TEST(nearest_key("completely.unrelated.words") == "");
  // Short names: one edit at most; a swap of neighbours is one.
  BOOST_TEST(nearest_key("sed") == "dataset.seed");
  BOOST_TEST(nearest_key("cuont") == "dataset.count");
  BOOST_TEST(nearest_key("out") == "");   // was dataset.count, three edits from "out"
  BOOST_TEST(nearest_key("jobs") == "");  // was image.mode
  BOOST_TEST(hint_distance("jbos", "jobs") == 1u);
  BOOST_TEST(hint_distance("out", "count") == SIZE_MAX);
  BOOST_TEST(hint_distance("diff-dr", "diff-dir") == 1u);
}

BOOST_AUTO_TEST_CASE(every_key_is_documented) {
  std::string readme;
  for (const char* doc : {"/../README.md", "/../docs/AUGMENTATION.md", "/../docs/FORMATS.md"}) {
    std::ifstream in(std::string(SHAPEGEN_TEST_DIR) + doc);
    BOOST_REQUIRE(in);
    readme.append(std::istreambuf_iterator<char>(in), {});
  }
  for (const OptionDecl& decl : option_table()) {
    const std::string name = decl.key.substr(decl.key.find('.') + 1);
    const std::string section = decl.key.substr(0, decl.key.find('.'));
    // Listed as `section.key` or in a `section.a`, `section.b` pair.
    const bool listed = readme.find("`" + decl.key + "`") != std::string::npos ||
                        readme.find("`" + section + "." + name + "`") != std::string::npos;
    BOOST_TEST((listed || decl.key.ends_with(".p")),
               decl.key << " is missing from README.md and docs/");
  }
}

// #13 item 8: a sum past DBL_MAX would make every draw pick one name.
BOOST_AUTO_TEST_CASE(weights_must_add_up_to_a_finite_number) {
  const std::vector<std::string> names = {"triangle", "circle", "square"};
  BOOST_TEST(reason([&] { parse_weights("triangle:1e308, circle:1e308", names); }) ==
             "weights must add up to a finite number");
  BOOST_TEST(parse_weights("triangle:1e308, circle:1", names).of("triangle") == 1e308);
}

// #13 item 8: integer bounds are compared as integers, not as doubles.
BOOST_AUTO_TEST_CASE(integer_bounds_are_exact) {
  const OptionDecl* seed = find_option("dataset.seed");
  BOOST_REQUIRE(seed);
  BOOST_TEST(seed->allowed() == "a whole number in [0, 9007199254740992]");
  BOOST_TEST(std::get<std::int64_t>(seed->parse("9007199254740992")) == 9007199254740992);
  BOOST_TEST(reason([&] { seed->parse("9007199254740993"); }) == "out of range");
  BOOST_TEST(reason([&] { seed->parse("-1"); }) == "out of range");
  BOOST_TEST(reason([&] { seed->parse("9223372036854775808"); }) == "not a whole number");
  const Bounds open{0.5, 10, true, true};
  BOOST_TEST(!open.contains_integer(0));
  BOOST_TEST(open.contains_integer(1));
  BOOST_TEST(!open.contains_integer(10));
  BOOST_TEST(Bounds{}.contains_integer(INT64_MIN));
  BOOST_TEST(Bounds{}.contains_integer(INT64_MAX));
  BOOST_TEST(!(Bounds{1e19, 2e19}.contains_integer(INT64_MAX)));
}

// #13 item 7: Boost's INI parser cuts a line at '#', so text escapes it.
BOOST_AUTO_TEST_CASE(text_round_trips_through_its_escaped_form) {
  for (const std::string text : {"plain", "shapes #3", "#", "a\\b", "\\x23", "\\\\x23",
                                 "C:\\data\\", "tab\tinside", "ünïcode # ☃"}) {
    BOOST_TEST_CONTEXT(text) {
      const std::string escaped = escape_text(text);
      BOOST_TEST(escaped.find('#') == std::string::npos);
      BOOST_TEST(parse_text(escaped) == text);
    }
  }
  BOOST_TEST(escape_text("no change here") == "no change here");  // dataset.ini bytes stay
  BOOST_TEST(escape_text("C:\\data\\") == "C:\\data\\");          // a '\' escapes nothing here
  BOOST_TEST(escape_text("a\\\\b\\x23") == "a\\\\\\b\\\\x23");    // but would start \\ or \x23
  BOOST_TEST(parse_text("C:\\data") == "C:\\data");               // a lone backslash is itself
  BOOST_TEST(reason([] { parse_text("two\nlines"); }) == "more than one line");
}
