#pragma once
// Parameters bound to fields: one declaration gives a key's name, doc, range,
// default *and* the member of a Params struct it fills (libvips' VIPS_ARG_*
// works this way), so a key is spelled once.
//
//   struct BlurParams { Range sigma; };
//   const ParamList<BlurParams> params = {
//       field(&BlurParams::sigma, declare::range("sigma", "0.5..1.5", {0, 100}, "...")),
//   };
//   const BlurParams p = bind_params(config, params, "gaussian_blur.");
//   key_of(params, &BlurParams::sigma)  // "sigma": the key, where code must name it
//
// The member's type says which kind of key fills it; `field` checks that the
// declaration is of that kind, and for enums (any type with a name table,
// enum_names.hpp) that it names exactly the table, so a mismatch fails when
// the catalog is built.
#include <any>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "base/rng.hpp"
#include "shapegen/catalog.hpp"
#include "shapegen/config.hpp"
#include "shapegen/enum_names.hpp"

namespace shapegen {

// A weighted choice among the values of a named type (an enum, ShapeClass):
// a weights key over its names.
template <class E>
struct Weighted {
  std::vector<E> values;        // in name-table order
  std::vector<double> weights;  // one per value
  E draw(Rng& rng) const { return values[rng.choice(weights)]; }
  double of(E value) const {
    for (std::size_t i = 0; i < values.size(); ++i)
      if (values[i] == value) return weights[i];
    return 0;
  }
};

template <class P>
struct Param {
  OptionDecl decl;
  std::function<void(P&, const Value&)> assign;
  std::any member;  // the T P::* it fills, for key_of
};

template <class P>
using ParamList = std::vector<Param<P>>;

namespace bind_detail {

template <class T>
struct WeightedEnum {
  using type = void;
};
template <class E>
struct WeightedEnum<Weighted<E>> {
  using type = E;
};

// True for Weighted<E> with E a named type.
template <class T>
constexpr bool is_weighted_named() {
  using E = typename WeightedEnum<T>::type;
  if constexpr (std::is_void_v<E>)
    return false;
  else
    return Named<E>;
}

// The kind of key that fills a member of type T.
template <class T>
constexpr Kind kind_for() {
  if constexpr (Named<T>)
    return Kind::choice;
  else if constexpr (std::is_same_v<T, Weights> || is_weighted_named<T>())
    return Kind::weights;
  else if constexpr (std::is_same_v<T, bool>)
    return Kind::boolean;
  else if constexpr (std::is_integral_v<T>)
    return Kind::integer;
  else if constexpr (std::is_same_v<T, double>)
    return Kind::real;
  else if constexpr (std::is_same_v<T, Range>)
    return Kind::range;
  else if constexpr (std::is_same_v<T, IntegerRange>)
    return Kind::integer_range;
  else if constexpr (std::is_same_v<T, ColorRange>)
    return Kind::color;
  else if constexpr (std::is_same_v<T, std::vector<std::string>>)
    return Kind::list;
  else if constexpr (std::is_same_v<T, std::string>)
    return Kind::text;
  else
    static_assert(!sizeof(T*), "no kind of key fills a member of this type");
}

template <class E>
void require_enum_names(const OptionDecl& decl) {
  if (decl.names != names_of<E>())
    throw std::logic_error("key " + decl.key + ": its names are not its enum's name table");
}

template <class E>
E enum_value(const std::string& name) {
  if (const auto value = value_named<E>(name)) return *value;
  throw std::logic_error("no value named " + name);  // field() checked every name
}

template <class T>
T from_value(const Value& v) {
  using E = typename WeightedEnum<T>::type;
  if constexpr (Named<T>) {
    return enum_value<T>(std::get<Choice>(v).value);
  } else if constexpr (is_weighted_named<T>()) {
    const Weights& w = std::get<Weights>(v);
    T out{{}, w.weights};
    for (const std::string& name : w.names) out.values.push_back(enum_value<E>(name));
    return out;
  } else if constexpr (std::is_same_v<T, bool>) {
    return std::get<bool>(v);
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<T>(std::get<std::int64_t>(v));
  } else if constexpr (std::is_same_v<T, IntegerRange>) {
    const Range& r = std::get<Range>(v);  // whole ends, checked when parsed
    return {static_cast<std::int64_t>(r.lo), static_cast<std::int64_t>(r.hi)};
  } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
    return std::get<NameList>(v).names;
  } else {
    return std::get<T>(v);
  }
}

}  // namespace bind_detail

// Declares the key that fills `member`.
template <class P, class T>
Param<P> field(T P::*member, OptionDecl decl) {
  if (decl.kind != bind_detail::kind_for<T>())
    throw std::logic_error("key " + decl.key + ": its kind does not fit the field it fills");
  if constexpr (Named<T>) bind_detail::require_enum_names<T>(decl);
  if constexpr (bind_detail::is_weighted_named<T>())
    bind_detail::require_enum_names<typename bind_detail::WeightedEnum<T>::type>(decl);
  return {std::move(decl),
          [member](P& p, const Value& v) { p.*member = bind_detail::from_value<T>(v); }, member};
}

// The key (as declared, without a prefix) that fills `member`: for code that
// must name a key, e.g. to set it, so the name stays spelled once.
template <class P, class T>
const std::string& key_of(const ParamList<P>& params, T P::*member) {
  for (const Param<P>& param : params)
    if (const auto* m = std::any_cast<T P::*>(&param.member); m && *m == member)
      return param.decl.key;
  throw std::logic_error("no key fills this member");
}

// The declarations of `params`, their keys prefixed.
template <class P>
std::vector<OptionDecl> declarations(const ParamList<P>& params, const std::string& prefix = "") {
  std::vector<OptionDecl> out;
  for (const Param<P>& param : params) {
    out.push_back(param.decl);
    out.back().key = prefix + param.decl.key;
  }
  return out;
}

// Fills a P from the config: every field from the key `prefix + key`.
template <class P>
P bind_params(const Config& config, const ParamList<P>& params, const std::string& prefix = "") {
  P out{};
  for (const Param<P>& param : params) param.assign(out, config.at(prefix + param.decl.key));
  return out;
}

}  // namespace shapegen
