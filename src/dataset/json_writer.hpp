#pragma once
// Private: JSON written straight into a string in the order of the calls,
// byte for byte what nlohmann::ordered_json's dump() writes for the same
// tree (compact; reals by its own shortest round-trip digits, NaN and
// infinities as null; strings escaped alike), without building the tree: a
// manifest line costs a few appends instead of a tree of allocations.
// Strings must be valid UTF-8 (ours are ASCII names); keys must not repeat
// within an object (a tree would keep the last value at the first place).
#include <charconv>
#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>

namespace shapegen {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  // The key of the next value in an object.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(double x);
  JsonWriter& value(bool b) {
    separate();
    out_ += b ? "true" : "false";
    return *this;
  }
  template <std::integral T>
  requires(!std::same_as<T, bool>) JsonWriter& value(T x) {
    separate();
    char buffer[24];
    out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, x).ptr);
    return *this;
  }
  JsonWriter& null() {
    separate();
    out_ += "null";
    return *this;
  }

 private:
  // A comma before every element but the first of its object or array.
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
  }
  JsonWriter& open(char c) {
    separate();
    out_ += c;
    first_ = true;
    return *this;
  }
  JsonWriter& close(char c) {
    out_ += c;
    first_ = false;
    return *this;
  }
  void string(std::string_view text);

  std::string& out_;
  bool first_ = true;
};

}  // namespace shapegen
