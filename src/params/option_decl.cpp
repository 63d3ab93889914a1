// Declarations: what a key allows, in words, and parsing a value against it.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "shapegen/catalog.hpp"

namespace shapegen {

bool Bounds::contains_integer(std::int64_t v) const {
  // Exactly, as integers: a double cannot tell 2^53 from 2^53 + 1. Bounds
  // beyond the int64 range bound nothing on that side.
  constexpr double kTwo63 = 9223372036854775808.0;
  if (min >= kTwo63 || max < -kTwo63) return false;
  if (min > -kTwo63) {
    const auto lo = static_cast<std::int64_t>(std::ceil(min));  // the least whole v >= min
    if (v < lo || (min_open && v == lo && double(lo) == min)) return false;
  }
  if (max < kTwo63) {
    const auto hi = static_cast<std::int64_t>(std::floor(max));  // the greatest whole v <= max
    if (v > hi || (max_open && v == hi && double(hi) == max)) return false;
  }
  return true;
}

bool Bounds::contains(double x) const {
  if (min_open ? x <= min : x < min) return false;
  if (max_open ? x >= max : x > max) return false;
  return true;
}

// Whole bounds print as integers ("1000000000", not "1e+09").
static std::string bound_text(double x) {
  if (x == std::floor(x) && std::abs(x) < 1e16) return std::to_string(static_cast<long long>(x));
  return format_real(x);
}

std::string Bounds::describe() const {
  const bool has_min = min != -std::numeric_limits<double>::infinity();
  const bool has_max = max != std::numeric_limits<double>::infinity();
  if (has_min && has_max)
    return std::string(min_open ? "(" : "[") + bound_text(min) + ", " + bound_text(max) +
           (max_open ? ")" : "]");
  if (has_min) return std::string(min_open ? "> " : ">= ") + bound_text(min);
  if (has_max) return std::string(max_open ? "< " : "<= ") + bound_text(max);
  return "any finite number";
}

static std::string join(const std::vector<std::string>& words, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) out += (i ? sep : "") + words[i];
  return out;
}

std::string OptionDecl::allowed() const {
  switch (kind) {
    case Kind::integer:
      return "a whole number in " + bounds.describe();
    case Kind::real:
      return "a number in " + bounds.describe();
    // An integer range says what a range says: dataset.ini prints these
    // words, and recipes keep their bytes (its doc says the ends are whole).
    case Kind::range:
    case Kind::integer_range:
      return "a number or range lo..hi within " + bounds.describe();
    case Kind::weights:
      return "weights name:w over {" + join(names, ", ") + "}, not all zero";
    case Kind::color:
      return "a gray level or range in 0..255, or 'r, g, b' with each a range";
    case Kind::boolean:
      return "true or false";
    case Kind::choice:
      return "one of " + join(names, ", ");
    case Kind::list:
      return "a comma-separated list of distinct names from {" + join(names, ", ") + "}";
    case Kind::text:
      return "one line of text";
  }
  return "";
}

Value OptionDecl::parse(const std::string& text) const {
  switch (kind) {
    case Kind::integer: {
      const std::int64_t v = parse_integer(text);
      if (!bounds.contains_integer(v)) throw std::invalid_argument("out of range");
      return v;
    }
    case Kind::real: {
      const double v = parse_real(text);
      if (!bounds.contains(v)) throw std::invalid_argument("out of range");
      return v;
    }
    case Kind::range: {
      const Range r = parse_range(text);
      if (!bounds.contains(r.lo) || !bounds.contains(r.hi))
        throw std::invalid_argument("out of range");
      return r;
    }
    case Kind::integer_range: {
      const Range r = parse_range(text);
      if (!bounds.contains(r.lo) || !bounds.contains(r.hi))
        throw std::invalid_argument("out of range");
      const auto whole = [](double x) { return x == std::floor(x) && std::abs(x) < 0x1p62; };
      if (!whole(r.lo) || !whole(r.hi))
        throw std::invalid_argument("its ends must be whole numbers");
      return r;
    }
    case Kind::weights:
      return parse_weights(text, names);
    case Kind::color:
      return parse_color(text);
    case Kind::boolean:
      return parse_bool(text);
    case Kind::choice: {
      const std::string word = trim(text);
      if (std::find(names.begin(), names.end(), word) == names.end())
        throw std::invalid_argument("not a known choice");
      return Choice{word};
    }
    case Kind::list:
      return parse_name_list(text, names);
    case Kind::text:
      return parse_text(text);
  }
  throw std::logic_error("unhandled option kind");
}

OptionDecl declare::integer(std::string key, std::string def, double min, double max,
                            std::string doc) {
  return {std::move(key), Kind::integer, std::move(def), std::move(doc), {min, max}, {}};
}
OptionDecl declare::real(std::string key, std::string def, Bounds b, std::string doc) {
  return {std::move(key), Kind::real, std::move(def), std::move(doc), b, {}};
}
OptionDecl declare::range(std::string key, std::string def, Bounds b, std::string doc) {
  return {std::move(key), Kind::range, std::move(def), std::move(doc), b, {}};
}
OptionDecl declare::integer_range(std::string key, std::string def, Bounds b, std::string doc) {
  return {std::move(key), Kind::integer_range, std::move(def), std::move(doc), b, {}};
}
OptionDecl declare::weights(std::string key, std::string def, std::vector<std::string> names,
                            std::string doc) {
  return {std::move(key), Kind::weights, std::move(def), std::move(doc), {}, std::move(names)};
}
OptionDecl declare::choice(std::string key, std::string def, std::vector<std::string> words,
                           std::string doc) {
  return {std::move(key), Kind::choice, std::move(def), std::move(doc), {}, std::move(words)};
}
OptionDecl declare::color(std::string key, std::string def, std::string doc) {
  return {std::move(key), Kind::color, std::move(def), std::move(doc), {}, {}};
}
OptionDecl declare::boolean(std::string key, std::string def, std::string doc) {
  return {std::move(key), Kind::boolean, std::move(def), std::move(doc), {}, {}};
}
OptionDecl declare::list(std::string key, std::string def, std::vector<std::string> words,
                         std::string doc) {
  return {std::move(key), Kind::list, std::move(def), std::move(doc), {}, std::move(words)};
}
OptionDecl declare::text(std::string key, std::string def, std::string doc) {
  return {std::move(key), Kind::text, std::move(def), std::move(doc), {}, {}};
}

OptionDecl declare::optional(OptionDecl decl) {
  decl.optional = true;
  return decl;
}

}  // namespace shapegen
