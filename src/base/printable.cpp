#include "base/printable.hpp"

#include <cstdio>

namespace shapegen {

std::string printable(std::string_view text, std::size_t max_chars) {
  std::size_t keep = text.size();
  if (keep > max_chars) {
    keep = max_chars;
    // Back off to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
    while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;
  }
  std::string out;
  out.reserve(keep + 8);
  for (std::size_t i = 0; i < keep; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) {
      out += "\\0";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  if (keep < text.size()) out += "…";
  return out;
}

}  // namespace shapegen
