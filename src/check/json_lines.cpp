#include "check/json_lines.hpp"

#include "check/manifest_reader.hpp"

namespace shapegen {

bool JsonLines::next(nlohmann::json& value, std::string& error) {
  std::streambuf* in = in_.rdbuf();
  buffer_.clear();
  error.clear();
  bool too_long = false;
  int c = in->sbumpc();
  if (c == std::char_traits<char>::eof()) return false;
  ++line_;
  for (; c != std::char_traits<char>::eof() && c != '\n'; c = in->sbumpc()) {
    if (buffer_.size() < max_bytes_)
      buffer_.push_back(char(c));
    else
      too_long = true;
  }
  if (too_long) {
    error = "longer than " + std::to_string(max_bytes_) + " bytes";
  } else if (buffer_.empty() || buffer_ == "\r") {
    error = "empty line";
  } else if (json_depth(buffer_, std::size_t(max_depth_)) > std::size_t(max_depth_)) {
    error = "nested deeper than " + std::to_string(max_depth_);
  } else {
    value = nlohmann::json::parse(buffer_, nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded()) error = "not valid JSON";
  }
  // A long line's buffer is not kept for the rest of the file.
  if (buffer_.capacity() > (std::size_t(1) << 20)) std::string().swap(buffer_);
  return true;
}

}  // namespace shapegen
