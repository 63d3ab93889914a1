#define BOOST_TEST_MODULE config
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "shapegen/catalog.hpp"
#include "shapegen/config.hpp"
#include "shapegen/error.hpp"
#include "shapegen/presets.hpp"
#include "test_support.hpp"

using namespace shapegen;
using shapegen::test::TempDir;

// The message of the ConfigError that loading `preset_text` with `overrides` throws.
static std::string load_error(const std::string& preset_text, const Assignments& overrides = {}) {
  TempDir dir;
  const std::string path = dir.str("p.ini");
  std::ofstream(path) << preset_text;
  try {
    load_config(path, overrides);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

static bool contains(const std::string& text, const std::string& part) {
  BOOST_TEST_MESSAGE(text);
  return text.find(part) != std::string::npos;
}

BOOST_AUTO_TEST_CASE(ini_config_ini_round_trips_for_every_builtin_preset) {
  const auto presets = list_presets();
  BOOST_TEST(presets.size() >= 3u);
  for (const PresetInfo& p : presets) {
    BOOST_TEST_CONTEXT(p.name) {
      const Config config = load_config(p.path, {});
      const std::string ini = config.to_ini();
      const Config again = shapegen::load_config("", parse_preset_text(ini, "round trip"));
      BOOST_TEST((again == config));
      BOOST_TEST(again.to_ini() == ini);
    }
  }
}

BOOST_AUTO_TEST_CASE(overrides_win_over_the_file_and_file_over_defaults) {
  const Config c =
      test::preset_config("basic", {{"shape.size", "0.3..0.4"}, {"dataset.seed", "9"}});
  BOOST_TEST((c.range("shape.size") == Range{0.3, 0.4}));
  BOOST_TEST(c.integer("dataset.seed") == 9);
  BOOST_TEST(c.integer("image.width") == 64);  // from basic.ini
  BOOST_TEST(Config::defaults().integer("dataset.count") == 1000);
}

BOOST_AUTO_TEST_CASE(unknown_keys_name_the_file_and_suggest_the_nearest) {
  const std::string msg = load_error("[shape]\nsise = 0.5\n");
  BOOST_TEST(contains(msg, "p.ini: unknown key 'shape.sise' (did you mean 'shape.size'?)"));
  BOOST_TEST(
      contains(load_error("", {{"shape.sise", "1"}}), "command line: unknown key 'shape.sise'"));
  BOOST_TEST(
      contains(load_error("size = 0.5\n"), "unknown key 'size' (did you mean 'shape.size'?)"));
}

BOOST_AUTO_TEST_CASE(bad_values_name_key_value_and_what_is_allowed) {
  BOOST_TEST(contains(load_error("[shape]\nsize = big\n"),
                      "key 'shape.size': value 'big' is invalid (not a finite number); allowed: a "
                      "number or range lo..hi within (0, 1]"));
  BOOST_TEST(contains(load_error("[shape]\nsize = 0.9..0.5\n"),
                      "value '0.9..0.5' is invalid (inverted range"));
  BOOST_TEST(
      contains(load_error("[shape]\nsize = 0.5..\n"), "value '0.5..' is invalid (empty range"));
  BOOST_TEST(contains(load_error("[shape]\nsize = \n"),
                      "key 'shape.size': value '' is invalid (empty range"));
  BOOST_TEST(contains(load_error("[shape]\nsize = 0..0.5\n"),
                      "(out of range); allowed: a number or range lo..hi within (0, 1]"));
  BOOST_TEST(
      contains(load_error("[shape]\nsize = 1.2\n"), "value '1.2' is invalid (out of range)"));
  BOOST_TEST(contains(load_error("[style]\nstroke_width = -1\n"),
                      "key 'style.stroke_width': value '-1' is invalid (out of range)"));
  BOOST_TEST(contains(load_error("[dataset]\ncount = 0\n"),
                      "key 'dataset.count': value '0' is invalid (out of range); allowed: a whole "
                      "number in [1, 1000000000]"));
  BOOST_TEST(contains(load_error("[image]\nwidth = 0\n"),
                      "key 'image.width': value '0' is invalid (out of range); allowed: a whole "
                      "number in [1, 8192]"));
  BOOST_TEST(contains(load_error("[image]\nheight = 8193\n"),
                      "key 'image.height': value '8193' is invalid"));
  BOOST_TEST(contains(load_error("[image]\nwidth = 6.5\n"), "(not a whole number)"));
  BOOST_TEST(contains(load_error("[objects]\ncount = 1..2.5\n"),
                      "key 'objects.count': value '1..2.5' is invalid (its ends must be whole "
                      "numbers)"));
  BOOST_TEST(contains(load_error("[image]\nmode = cmyk\n"), "allowed: one of gray, rgb"));
  BOOST_TEST(contains(load_error("[shape]\nclasses = hexagon:1\n"),
                      "(unknown name 'hexagon'); allowed: weights name:w over {triangle, circle, "
                      "square, ellipse, rectangle}"));
  BOOST_TEST(contains(load_error("", {{"image.antialias", "maybe"}}),
                      "command line: key 'image.antialias': value 'maybe' is invalid"));
}

BOOST_AUTO_TEST_CASE(an_op_key_is_checked_at_load_even_when_the_op_is_off) {
  BOOST_TEST(contains(load_error("", {{"affine.p", "0"}, {"affine.scale", "0..1"}}),
                      "command line: key 'affine.scale': value '0..1' is invalid (out of range); "
                      "allowed: a number or range lo..hi within (0, 10]"));
  BOOST_TEST(contains(load_error("[occlude]\np = 0\nshape = hexagon:1\n"),
                      "p.ini: key 'occlude.shape': value 'hexagon:1' is invalid (unknown name "
                      "'hexagon'); allowed: weights name:w over {rectangle, ellipse, polygon}"));
  BOOST_TEST(contains(load_error("[background]\nkind = solid:1\n"),
                      "key 'background.kind': value 'solid:1' is invalid (unknown name 'solid')"));
  // An RGB color in an op's key breaks the gray-mode rule whether the op is on or off.
  BOOST_TEST(contains(load_error("[background]\np = 0\ncolor = 1, 2, 3\n"),
                      "key 'background.color': value '1, 2, 3' is an RGB color but image.mode is "
                      "gray"));
}

BOOST_AUTO_TEST_CASE(rules_across_keys_are_checked) {
  BOOST_TEST(contains(load_error("[style]\nforeground = 255, 0, 0\n"),
                      "is an RGB color but image.mode is gray"));
  BOOST_TEST(contains(load_error("[shape]\nscalene_min_angle = 40\nscalene_min_difference = 25\n"),
                      "allow no scalene triangle"));
  BOOST_TEST(contains(load_error("[style]\nstroke_width = 0\n"), "draws nothing"));
  BOOST_TEST(contains(load_error("[shape]\nsize = 0.5\n[shape]\nsize = 0.6\n"), "given twice"));
}

BOOST_AUTO_TEST_CASE(missing_preset_is_reported_with_the_known_names) {
  try {
    find_preset("no_such_preset");
    BOOST_FAIL("expected an error");
  } catch (const ConfigError& e) {
    BOOST_TEST(contains(e.what(), "--preset 'no_such_preset': no such preset"));
    BOOST_TEST(contains(e.what(), "basic"));
  }
  try {
    load_config("/nonexistent/x.ini", {});
    BOOST_FAIL("expected an error");
  } catch (const ConfigError& e) {
    BOOST_TEST(contains(e.what(), "preset '/nonexistent/x.ini': cannot be read"));
  }
}

// #13 item 7: a '#' in a text value survives dataset.ini.
BOOST_AUTO_TEST_CASE(a_hash_in_a_text_value_round_trips) {
  const Config c = test::preset_config("basic", {{"dataset.description", "shapes #3 \\ for C#"}});
  BOOST_TEST(c.text("dataset.description") == "shapes #3 \\ for C#");
  const std::string ini = c.to_ini();
  // Only the '#' changes: a lone '\' is written as it is.
  BOOST_TEST(ini.find("description = shapes \\x233 \\ for C\\x23\n") != std::string::npos);
  const Config again = load_config("", parse_preset_text(ini, "round trip"));
  BOOST_TEST((again == c));
  BOOST_TEST(again.to_ini() == ini);
}

// #13 item 13: what a hostile preset looks like in a message.
BOOST_AUTO_TEST_CASE(messages_stay_short_visible_and_quick) {
  // A NUL neither cuts the message nor hides; a long value is shortened.
  const std::string nul = load_error(std::string("[shape]\nsize = a\0b\n", 19));
  BOOST_TEST(contains(nul, "value 'a\\0b' is invalid (not a finite number); allowed:"));
  const std::string long_value = load_error("[shape]\nsize = " + std::string(500000, '9') + "\n");
  BOOST_TEST(contains(long_value, "value '" + std::string(80, '9') + "…' is invalid"));
  BOOST_TEST(long_value.size() < 300u);
  // Did-you-mean on a long unknown key: no quadratic comparison, no hint.
  const auto start = std::chrono::steady_clock::now();
  const std::string long_key = load_error("[shape]\n" + std::string(900000, 's') + " = 1\n");
  BOOST_TEST(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 2);
  BOOST_TEST(contains(long_key, "unknown key 'shape.sssss"));
  BOOST_TEST(!contains(long_key, "did you mean"));
  BOOST_TEST(long_key.size() < 300u);
  BOOST_TEST(nearest_key(std::string(200, 'x')) == "");
}

// Found by fuzz_overrides: Boost's messages substitute a value into
// themselves until no placeholder is left, which never ends when the value
// holds the placeholder. Lines are checked before Boost sees them.
BOOST_AUTO_TEST_CASE(lines_boost_cannot_report_are_reported_first) {
  BOOST_TEST(contains(load_error("[shape]\n%invalid_line%\n"),
                      "p.ini: line 2: '%invalid_line%' is neither a [section] nor key = value"));
  BOOST_TEST(contains(load_error("# fine\n\n[]\nsize = 1\n"),
                      "p.ini: line 3: '[]' is neither a [section] nor key = value"));
  BOOST_TEST(load_error("[shape]  # comment\r\nsize = 0.5 # half\r\n") == "(no error)");
}

// #13 item 13: a byte order mark, a folder, a FIFO, a file too large.
BOOST_AUTO_TEST_CASE(preset_files_are_checked_before_they_are_read) {
  BOOST_TEST(load_error("\xEF\xBB\xBF[dataset]\ncount = 3\n") == "(no error)");
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "folder.ini");
  try {
    find_preset(dir.str("folder.ini"));
    BOOST_FAIL("expected an error");
  } catch (const ConfigError& e) {
    BOOST_TEST(contains(e.what(), "folder.ini': is a folder, not a file"));
  }
  BOOST_REQUIRE(::mkfifo(dir.str("fifo.ini").c_str(), 0600) == 0);
  try {
    load_config(dir.str("fifo.ini"), {});  // must not block
    BOOST_FAIL("expected an error");
  } catch (const ConfigError& e) {
    BOOST_TEST(contains(e.what(), "fifo.ini': is a FIFO, not a regular file"));
  }
  std::filesystem::create_symlink("/dev/zero", dir.path() / "zero.ini");
  try {
    load_config(dir.str("zero.ini"), {});
    BOOST_FAIL("expected an error");
  } catch (const ConfigError& e) {
    BOOST_TEST(contains(e.what(), "zero.ini': is a device, not a regular file"));
  }
  std::ofstream(dir.str("huge.ini")).close();
  std::filesystem::resize_file(dir.path() / "huge.ini", std::uintmax_t(1) << 31);  // sparse
  try {
    load_config(dir.str("huge.ini"), {});
    BOOST_FAIL("expected an error");
  } catch (const ConfigError& e) {
    BOOST_TEST(contains(e.what(), "huge.ini': too large (2147483648 bytes; at most 1048576)"));
  }
}
