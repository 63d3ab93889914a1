#pragma once
// Private: JSON lines read with bounded memory and stack. A line longer than
// max_bytes is read through but not kept, and one nested deeper than max_depth
// is not handed to the parser, so a damaged or hostile file costs neither.
#include <cstdint>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>

namespace shapegen {

class JsonLines {
 public:
  explicit JsonLines(std::istream& in, std::size_t max_bytes = std::size_t(16) << 20,
                     int max_depth = 32)
      : in_(in), max_bytes_(max_bytes), max_depth_(max_depth) {}

  // Reads the next line: false at the end of the input. Otherwise either
  // `value` holds the line's JSON and `error` is empty, or `error` says why
  // it could not be read ("not valid JSON", "longer than N bytes", ...).
  bool next(nlohmann::json& value, std::string& error);
  // 1-based number of the line last read.
  std::uint64_t line() const { return line_; }

 private:
  std::istream& in_;
  std::size_t max_bytes_;
  int max_depth_;
  std::uint64_t line_ = 0;
  std::string buffer_;
};

}  // namespace shapegen
