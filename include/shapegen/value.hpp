#pragma once
// layer: params
// The typed values a preset key can hold, and their one text syntax:
//   integer   64
//   real      0.5
//   range     lo..hi   (uniform; a single number means a constant)
//   integer range  lo..hi with whole ends (a count drawn uniformly)
//   weights   name:w, name:w, ...   (a weighted choice; a bare name weighs 1)
//   color     gray range, or "r, g, b" with each channel a range (0..255)
//   bool      true | false   (also yes/no, on/off, 1/0 on input)
//   choice    one word from a fixed list
//   list      word, word, ...   (distinct words from a fixed list, in order)
//   text      any single-line text; in INI files '#' starts a comment, so a
//             '#' inside a text is written \x23 (and a '\' as \\)
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace shapegen {

struct Range {
  double lo = 0;
  double hi = 0;
  bool operator==(const Range&) const = default;
};

// A range with whole ends, as an integer-range key gives it (held as a Range
// in a Value, whose text it shares).
struct IntegerRange {
  std::int64_t lo = 0;
  std::int64_t hi = 0;
  bool operator==(const IntegerRange&) const = default;
};

struct Weights {
  std::vector<std::string> names;  // the allowed names, in their fixed order
  std::vector<double> weights;     // same length; 0 for names not given
  bool operator==(const Weights&) const = default;
  double of(const std::string& name) const;
};

struct ColorRange {
  bool is_rgb = false;  // false: one gray range used for all three channels
  Range channel[3];
  bool operator==(const ColorRange&) const = default;
};

struct Choice {
  std::string value;
  bool operator==(const Choice&) const = default;
};

struct NameList {
  std::vector<std::string> names;
  bool operator==(const NameList&) const = default;
};

using Value = std::variant<std::int64_t, double, Range, Weights, ColorRange, bool, Choice, NameList,
                           std::string>;

// Canonical text of a value: parse(format(v)) == v for every value.
std::string format_value(const Value& value);
std::string format_real(double x);

// Parsers throw std::invalid_argument with a short reason ("not a number", ...);
// the caller adds which key and where.
std::int64_t parse_integer(const std::string& text);
double parse_real(const std::string& text);
Range parse_range(const std::string& text);
Weights parse_weights(const std::string& text, const std::vector<std::string>& allowed);
ColorRange parse_color(const std::string& text);
bool parse_bool(const std::string& text);
NameList parse_name_list(const std::string& text, const std::vector<std::string>& allowed);
// A text value: trimmed, one line, \x23 read as '#' and \\ as '\'.
std::string parse_text(const std::string& text);
// The form parse_text reads back to `text`: '#' as \x23, and '\' as \\ where
// it would otherwise start an escape; other texts are unchanged.
std::string escape_text(const std::string& text);

std::string trim(const std::string& text);

}  // namespace shapegen
