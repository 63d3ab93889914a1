#pragma once
// Private: NumPy's .npy files (format 1.0) of the array layout, little
// endian, C order. The header is exactly the one np.save writes for such an
// array (NumPy 1.24: the shape's first axis padded for 21 digits, the whole
// header padded with spaces to a multiple of 64 bytes), so its length does
// not depend on the row count: a file of N rows is its header then N rows of
// fixed size, and the files of shards join into one run's by a new header
// and the parts' rows one after the other.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace shapegen::npy {

// "|u1", "<i8", "<f4": the element types the layout writes.
std::string header(std::string_view descr, const std::vector<std::uint64_t>& shape);

struct Header {
  std::string descr;
  std::vector<std::uint64_t> shape;
  std::size_t length = 0;  // bytes before the data
};
// Bytes per element of a descr header() takes (0: another).
std::size_t element_bytes(std::string_view descr);
// The header at the start of `bytes` when it is one header() writes (the
// same bytes for its descr and shape), else nullopt.
std::optional<Header> read_header(std::string_view bytes);
// The most bytes a header of ours takes: read that much to parse one.
constexpr std::size_t kMaxHeader = 256;

// Little-endian bytes of values, appended to `out`.
void append(std::string& out, std::int64_t v);
void append(std::string& out, float v);

}  // namespace shapegen::npy
