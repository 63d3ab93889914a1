#pragma once
// layer: base
// One name table per enum. A table pairs each value with its name, so the
// words a preset key accepts, the conversion word -> value and the names
// written to labels all come from it and cannot drift apart when either the
// enum or a list of names is reordered.
//
// A table is found by argument-dependent lookup of `enum_names(E)`, declared
// next to the enum:
//   constexpr std::array<EnumName<FillMode>, 3> enum_names(FillMode) {
//     return {{{FillMode::outline, "outline"}, ...}};
//   }
// A handle type may have a table too, built at run time: ShapeClass takes
// its names from the shape registry.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace shapegen {

template <class E>
struct EnumName {
  E value;
  const char* name;
};

// A type whose values have a name table.
template <class T>
concept Named = requires {
  enum_names(std::declval<const T&>());
};

template <class E>
constexpr const char* name_of(E value) {
  for (const EnumName<E>& entry : enum_names(value))
    if (entry.value == value) return entry.name;
  return "?";
}

template <class E>
std::optional<E> value_named(std::string_view name) {
  for (const EnumName<E>& entry : enum_names(E{}))
    if (name == entry.name) return entry.value;
  return std::nullopt;
}

// The names in table order: the allowed words of a key that chooses an E.
template <class E>
std::vector<std::string> names_of() {
  std::vector<std::string> names;
  for (const EnumName<E>& entry : enum_names(E{})) names.emplace_back(entry.name);
  return names;
}

// The values in table order (constexpr tables only).
template <class E>
constexpr auto values_of() {
  constexpr auto table = enum_names(E{});
  std::array<E, std::tuple_size_v<decltype(table)>> values{};
  for (std::size_t i = 0; i < table.size(); ++i) values[i] = table[i].value;
  return values;
}

// True when the table lists the values in enum order: for enums whose
// numeric value is written somewhere (class ids).
template <class E>
constexpr bool table_in_enum_order() {
  constexpr auto table = enum_names(E{});
  for (std::size_t i = 0; i < table.size(); ++i)
    if (static_cast<std::size_t>(table[i].value) != i) return false;
  return true;
}

}  // namespace shapegen
