#include "dataset/npy.hpp"

#include <bit>
#include <charconv>

namespace shapegen::npy {

namespace {

constexpr std::string_view kMagic("\x93NUMPY\x01\x00", 8);  // NUL within
constexpr std::size_t kAlign = 64;                          // numpy.lib.format.ARRAY_ALIGN
constexpr std::size_t kGrowthDigits = 21;  // numpy.lib.format.GROWTH_AXIS_MAX_DIGITS

// Python's repr of a tuple of integers: "(3,)", "(3, 4)".
std::string tuple(const std::vector<std::uint64_t>& shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + (shape.size() == 1 ? ",)" : ")");
}

}  // namespace

std::string header(std::string_view descr, const std::vector<std::uint64_t>& shape) {
  std::string dict = "{'descr': '" + std::string(descr) +
                     "', 'fortran_order': False, 'shape': " + tuple(shape) + ", }";
  // Room for the first axis to grow in place, as np.save leaves it.
  if (!shape.empty()) dict.append(kGrowthDigits - std::to_string(shape[0]).size(), ' ');
  const std::size_t with_newline = dict.size() + 1;
  const std::size_t pad = kAlign - (kMagic.size() + 2 + with_newline) % kAlign;
  dict.append(pad, ' ');
  dict += '\n';
  std::string out(kMagic);
  out += char(dict.size() & 0xff);
  out += char(dict.size() >> 8);
  return out + dict;
}

std::size_t element_bytes(std::string_view descr) {
  if (descr == "|u1") return 1;
  if (descr == "<f4") return 4;
  if (descr == "<i8") return 8;
  return 0;
}

std::optional<Header> read_header(std::string_view bytes) {
  if (bytes.size() < kMagic.size() + 2 || bytes.substr(0, kMagic.size()) != kMagic)
    return std::nullopt;
  const std::size_t dict_bytes = std::uint8_t(bytes[8]) | std::size_t(std::uint8_t(bytes[9])) << 8;
  if (bytes.size() < 10 + dict_bytes || 10 + dict_bytes > kMaxHeader) return std::nullopt;
  const std::string_view dict = bytes.substr(10, dict_bytes);
  Header h;
  const std::string_view descr_key = "{'descr': '";
  if (dict.substr(0, descr_key.size()) != descr_key) return std::nullopt;
  const std::size_t descr_end = dict.find('\'', descr_key.size());
  if (descr_end == std::string_view::npos) return std::nullopt;
  h.descr = std::string(dict.substr(descr_key.size(), descr_end - descr_key.size()));
  const std::size_t open = dict.find('(');
  const std::size_t close = dict.find(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open)
    return std::nullopt;
  for (std::size_t at = open + 1; at < close;) {
    std::uint64_t n = 0;
    const auto [end, ec] = std::from_chars(dict.data() + at, dict.data() + close, n);
    if (ec != std::errc()) return std::nullopt;
    h.shape.push_back(n);
    at = std::size_t(end - dict.data());
    if (at < close && dict[at] == ',') ++at;
    if (at < close && dict[at] == ' ') ++at;
  }
  h.length = 10 + dict_bytes;
  // Ours only: the very bytes header() writes for them.
  if (element_bytes(h.descr) == 0 || header(h.descr, h.shape) != bytes.substr(0, h.length))
    return std::nullopt;
  return h;
}

void append(std::string& out, std::int64_t v) {
  const auto u = std::uint64_t(v);
  for (int i = 0; i < 8; ++i) out += char((u >> (8 * i)) & 0xff);
}

void append(std::string& out, float v) {
  const auto u = std::bit_cast<std::uint32_t>(v);
  for (int i = 0; i < 4; ++i) out += char((u >> (8 * i)) & 0xff);
}

}  // namespace shapegen::npy
