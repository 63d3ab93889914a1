#include "shapegen/value.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace shapegen {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

static std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, sep)) parts.push_back(trim(part));
  if (!text.empty() && text.back() == sep) parts.push_back("");
  return parts;
}

double Weights::of(const std::string& name) const {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return weights[i];
  return 0;
}

std::string format_real(double x) {
  char buf[64];
  // Shortest text that reads back to the same double: exact round trips.
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, end);
}

static std::string format_range(const Range& r) {
  if (r.lo == r.hi) return format_real(r.lo);
  return format_real(r.lo) + ".." + format_real(r.hi);
}

std::string format_value(const Value& value) {
  struct Formatter {
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(double v) const { return format_real(v); }
    std::string operator()(const Range& r) const { return format_range(r); }
    std::string operator()(const Weights& w) const {
      std::string out;
      for (std::size_t i = 0; i < w.names.size(); ++i) {
        if (i) out += ", ";
        out += w.names[i] + ":" + format_real(w.weights[i]);
      }
      return out;
    }
    std::string operator()(const ColorRange& c) const {
      if (!c.is_rgb) return format_range(c.channel[0]);
      return format_range(c.channel[0]) + ", " + format_range(c.channel[1]) + ", " +
             format_range(c.channel[2]);
    }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const Choice& c) const { return c.value; }
    std::string operator()(const NameList& l) const {
      std::string out;
      for (std::size_t i = 0; i < l.names.size(); ++i) out += (i ? ", " : "") + l.names[i];
      return out;
    }
    std::string operator()(const std::string& s) const { return s; }
  };
  return std::visit(Formatter{}, value);
}

std::int64_t parse_integer(const std::string& raw) {
  const std::string text = trim(raw);
  std::int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    throw std::invalid_argument("not a whole number");
  return v;
}

double parse_real(const std::string& raw) {
  const std::string text = trim(raw);
  double v = 0;
  const char* begin = text.data();
  if (!text.empty() && text[0] == '+') ++begin;  // from_chars rejects a leading '+'
  auto [end, ec] = std::from_chars(begin, text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    throw std::invalid_argument("not a finite number");
  return v;
}

Range parse_range(const std::string& raw) {
  const std::string text = trim(raw);
  if (text.empty()) throw std::invalid_argument("empty range");
  const auto dots = text.find("..");
  if (dots == std::string::npos) {
    const double v = parse_real(text);
    return {v, v};
  }
  const std::string lo = trim(text.substr(0, dots));
  const std::string hi = trim(text.substr(dots + 2));
  if (lo.empty() || hi.empty()) throw std::invalid_argument("empty range: write lo..hi");
  Range r{parse_real(lo), parse_real(hi)};
  if (r.lo > r.hi) throw std::invalid_argument("inverted range: lo must not exceed hi");
  return r;
}

Weights parse_weights(const std::string& raw, const std::vector<std::string>& allowed) {
  Weights w{allowed, std::vector<double>(allowed.size(), 0.0)};
  std::vector<bool> seen(allowed.size(), false);
  for (const std::string& entry : split(trim(raw), ',')) {
    if (entry.empty()) throw std::invalid_argument("empty entry in weighted choice");
    const auto colon = entry.find(':');
    const std::string name = trim(entry.substr(0, colon));
    std::size_t i = 0;
    while (i < allowed.size() && allowed[i] != name) ++i;
    if (i == allowed.size()) throw std::invalid_argument("unknown name '" + name + "'");
    if (seen[i]) throw std::invalid_argument("'" + name + "' given twice");
    seen[i] = true;
    w.weights[i] = colon == std::string::npos ? 1.0 : parse_real(entry.substr(colon + 1));
    if (w.weights[i] < 0) throw std::invalid_argument("negative weight for '" + name + "'");
  }
  double total = 0;
  for (double x : w.weights) total += x;
  if (total <= 0) throw std::invalid_argument("weights must not all be zero");
  // Past DBL_MAX the sum is infinite and every draw would pick one name.
  if (!std::isfinite(total)) throw std::invalid_argument("weights must add up to a finite number");
  return w;
}

static Range parse_channel(const std::string& text) {
  Range r = parse_range(text);
  if (r.lo < 0 || r.hi > 255) throw std::invalid_argument("intensities lie in 0..255");
  return r;
}

ColorRange parse_color(const std::string& raw) {
  const auto parts = split(trim(raw), ',');
  ColorRange c;
  if (parts.size() == 1) {
    c.channel[0] = c.channel[1] = c.channel[2] = parse_channel(parts[0]);
  } else if (parts.size() == 3) {
    c.is_rgb = true;
    for (int i = 0; i < 3; ++i) c.channel[i] = parse_channel(parts[i]);
  } else {
    throw std::invalid_argument("a color is one gray range or three ranges 'r, g, b'");
  }
  return c;
}

// Boost's INI parser cuts a line at its first '#', with no escape, so '#'
// is written as \x23. A '\' is written \\ only where parse_text would
// otherwise read it as part of an escape (before '\', '#' or "x23"), so a
// text without '#' keeps its bytes in dataset.ini ("C:\data" stays).
std::string escape_text(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '#') {
      out += "\\x23";
    } else if (c == '\\') {
      const bool escape = i + 1 < text.size() && (text[i + 1] == '\\' || text[i + 1] == '#' ||
                                                  text.compare(i + 1, 3, "x23") == 0);
      out += escape ? "\\\\" : "\\";
    } else {
      out += c;
    }
  }
  return out;
}

std::string parse_text(const std::string& raw) {
  const std::string text = trim(raw);
  if (text.find('\n') != std::string::npos) throw std::invalid_argument("more than one line");
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 4, "\\x23") == 0) {
      out += '#';
      i += 3;
    } else if (text.compare(i, 2, "\\\\") == 0) {
      out += '\\';
      ++i;
    } else {
      out += text[i];  // any other backslash is itself ("C:\data")
    }
  }
  return out;
}

bool parse_bool(const std::string& raw) {
  const std::string t = trim(raw);
  if (t == "true" || t == "yes" || t == "on" || t == "1") return true;
  if (t == "false" || t == "no" || t == "off" || t == "0") return false;
  throw std::invalid_argument("not a boolean");
}

NameList parse_name_list(const std::string& raw, const std::vector<std::string>& allowed) {
  NameList list;
  const std::string text = trim(raw);
  if (text.empty()) return list;
  for (const std::string& name : split(text, ',')) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      throw std::invalid_argument("unknown name '" + name + "'");
    if (std::find(list.names.begin(), list.names.end(), name) != list.names.end())
      throw std::invalid_argument("'" + name + "' given twice");
    list.names.push_back(name);
  }
  return list;
}

}  // namespace shapegen
