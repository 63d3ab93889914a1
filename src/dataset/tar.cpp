#include "dataset/tar.hpp"

#include <algorithm>
#include <cstring>

namespace shapegen::tar {

namespace {

// An octal field of `width` bytes: digits, then a NUL.
void octal(char* field, std::size_t width, std::uint64_t value) {
  field[width - 1] = '\0';
  for (std::size_t i = width - 1; i-- > 0; value >>= 3) field[i] = char('0' + (value & 7));
}

std::uint64_t checksum(const char* block) {
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < kBlock; ++i)
    sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(block[i]);
  return sum;
}

std::uint64_t padding(std::uint64_t size) { return (kBlock - size % kBlock) % kBlock; }

// Reads an octal field: optional leading spaces, octal digits, then NULs or
// spaces to its end. False for anything else (a damaged or hostile header).
bool read_octal(const char* field, std::size_t width, std::uint64_t& value) {
  std::size_t i = 0;
  while (i < width && field[i] == ' ') ++i;
  const std::size_t first = i;
  value = 0;
  for (; i < width && field[i] >= '0' && field[i] <= '7'; ++i) value = value * 8 + (field[i] - '0');
  if (i == first) return false;
  for (; i < width; ++i)
    if (field[i] != '\0' && field[i] != ' ') return false;
  return true;
}

}  // namespace

std::string member(std::string_view name, std::string_view data) {
  std::string out(kBlock, '\0');
  char* h = out.data();
  std::memcpy(h, name.data(), std::min<std::size_t>(name.size(), 100));
  octal(h + 100, 8, 0644);  // mode
  octal(h + 108, 8, 0);     // uid
  octal(h + 116, 8, 0);     // gid
  octal(h + 124, 12, data.size());
  octal(h + 136, 12, 0);  // mtime
  h[156] = '0';           // a regular file
  std::memcpy(h + 257, "ustar", 6);
  std::memcpy(h + 263, "00", 2);
  octal(h + 329, 8, 0);  // devmajor
  octal(h + 337, 8, 0);  // devminor
  // "%06o\0 ", as GNU tar and Python write it.
  octal(h + 148, 7, checksum(h));
  h[155] = ' ';
  out.append(data);
  out.append(padding(data.size()), '\0');
  return out;
}

std::string end(std::uint64_t written) {
  const std::uint64_t total = written + 2 * kBlock;
  return std::string(2 * kBlock + (kRecord - total % kRecord) % kRecord, '\0');
}

Reader::Next Reader::next(Header& header) {
  if (pending_ > 0) {  // skipped without keeping it
    const std::uint64_t n = pending_ + padding(pending_);
    in_.ignore(std::streamsize(n));
    pending_ = 0;
    if (std::uint64_t(in_.gcount()) != n) {
      error_ = "ends inside a member (truncated)";
      return Next::bad;
    }
    offset_ += n;
  }
  header.block.assign(kBlock, '\0');
  in_.read(header.block.data(), kBlock);
  if (std::size_t(in_.gcount()) != kBlock) {
    error_ = in_.gcount() == 0 ? "ends without the end-of-archive blocks"
                               : "ends inside a header (truncated)";
    return Next::bad;
  }
  offset_ += kBlock;
  if (std::all_of(header.block.begin(), header.block.end(), [](char c) { return c == 0; }))
    return Next::end;
  const char* h = header.block.data();
  std::uint64_t sum = 0, size = 0;
  if (std::memcmp(h + 257, "ustar", 6) != 0 || !read_octal(h + 148, 8, sum) || sum != checksum(h) ||
      !read_octal(h + 124, 12, size)) {
    error_ = "a damaged header at byte " + std::to_string(offset_ - kBlock);
    return Next::bad;
  }
  if (size > kMaxMemberBytes) {
    error_ = "a member of " + std::to_string(size) + " bytes at byte " +
             std::to_string(offset_ - kBlock) + ", more than " + std::to_string(kMaxMemberBytes);
    return Next::bad;
  }
  header.name.assign(h, strnlen(h, 100));
  header.size = size;
  pending_ = size;
  return Next::member;
}

bool Reader::data(std::string& out) {
  // Read in chunks, so memory follows the bytes that are there, not the
  // size a header claims: a 2 KB tar whose header claimed 1 GiB had 1 GiB
  // allocated and zeroed before the reader found it truncated (fuzz_tar).
  constexpr std::uint64_t kChunk = std::uint64_t(1) << 20;
  const std::uint64_t n = pending_ + padding(pending_);
  out.clear();
  for (std::uint64_t got = 0; got < n;) {
    const std::uint64_t step = std::min(kChunk, n - got);
    out.resize(std::size_t(got + step));
    in_.read(out.data() + got, std::streamsize(step));
    got += std::uint64_t(in_.gcount());
    if (std::uint64_t(in_.gcount()) != step) {
      error_ = "ends inside a member (truncated)";
      out.resize(std::size_t(got));
      offset_ += got;
      pending_ = 0;
      return false;
    }
  }
  offset_ += n;
  out.resize(pending_);
  pending_ = 0;
  return true;
}

}  // namespace shapegen::tar
