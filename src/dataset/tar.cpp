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
  if (pending_ > 0) {
    std::string skipped;
    if (!data(skipped)) return Next::bad;
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
  for (std::size_t i = 148; i < 154; ++i) sum = sum * 8 + std::uint64_t(h[i] - '0');
  if (std::memcmp(h + 257, "ustar", 6) != 0 || sum != checksum(h)) {
    error_ = "a damaged header at byte " + std::to_string(offset_ - kBlock);
    return Next::bad;
  }
  for (std::size_t i = 124; i < 135; ++i) size = size * 8 + std::uint64_t(h[i] - '0');
  header.name.assign(h, strnlen(h, 100));
  header.size = size;
  pending_ = size;
  return Next::member;
}

bool Reader::data(std::string& out) {
  const std::uint64_t n = pending_ + padding(pending_);
  out.resize(n);
  in_.read(out.data(), std::streamsize(n));
  if (std::uint64_t(in_.gcount()) != n) {
    error_ = "ends inside a member (truncated)";
    pending_ = 0;
    return false;
  }
  offset_ += n;
  out.resize(pending_);
  pending_ = 0;
  return true;
}

}  // namespace shapegen::tar
