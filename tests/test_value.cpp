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
