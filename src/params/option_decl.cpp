// Declarations: what a key allows, in words, and parsing a value against it.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "shapegen/catalog.hpp"

namespace shapegen {

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
    case Kind::range:
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
      if (!bounds.contains(static_cast<double>(v))) throw std::invalid_argument("out of range");
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
    case Kind::text: {
      if (text.find('\n') != std::string::npos) throw std::invalid_argument("more than one line");
      return trim(text);
    }
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

}  // namespace shapegen
