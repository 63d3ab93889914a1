#include "dataset/json_writer.hpp"

#include <cmath>
#include <nlohmann/detail/conversions/to_chars.hpp>

namespace shapegen {

JsonWriter& JsonWriter::key(std::string_view name) {
  separate();
  string(name);
  out_ += ':';
  first_ = true;  // the value that follows takes no comma
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  separate();
  string(text);
  return *this;
}

JsonWriter& JsonWriter::value(double x) {
  separate();
  if (!std::isfinite(x)) {
    out_ += "null";
    return *this;
  }
  // nlohmann's own Grisu2, so the digits are the ones dump() writes.
  char buffer[64];
  out_.append(buffer, nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, x));
  return *this;
}

// nlohmann's escaping with ensure_ascii off: the two-character escapes, other
// control characters as \u00xx, everything else (UTF-8 included) as it is.
void JsonWriter::string(std::string_view text) {
  out_ += '"';
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(text.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\t':
        out_ += "\\t";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\r':
        out_ += "\\r";
        break;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out_.append(escaped, sizeof escaped);
      }
    }
  }
  out_.append(text.data() + plain, text.size() - plain);
  out_ += '"';
}

}  // namespace shapegen
