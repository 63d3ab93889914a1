#pragma once
// Private: the tar files of the WebDataset layout, written and read without
// temporary files. Headers are fully determined by a member's name and size
// (ustar, mode 0644, uid/gid 0, empty owner names, mtime 0), so a tar is a
// pure function of its members and tars joined from shards are the ones a
// single run writes: a tar is its members' blocks, then the end blocks.
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>

namespace shapegen::tar {

constexpr std::size_t kBlock = 512;
constexpr std::size_t kRecord = 20 * kBlock;  // what GNU tar and Python pad archives to

// Header, data and padding of one regular file.
std::string member(std::string_view name, std::string_view data);
// The end of an archive whose members took `written` bytes: two zero
// blocks, then zeros up to a whole record.
std::string end(std::uint64_t written);

struct Header {
  std::string name;
  std::uint64_t size = 0;
  std::string block;  // the 512 header bytes as read
};

// Reads an archive's members in order from a stream.
class Reader {
 public:
  enum class Next { member, end, bad };
  explicit Reader(std::istream& in) : in_(in) {}
  // The next header: `member` (then read or skip its data), `end` at the
  // zero block that ends the archive, `bad` when truncated or not a ustar
  // header of ours (error() says why).
  Next next(Header& header);
  // The current member's data, padding skipped; false when truncated.
  bool data(std::string& out);
  const std::string& error() const { return error_; }
  // Bytes consumed so far.
  std::uint64_t offset() const { return offset_; }

 private:
  std::istream& in_;
  std::uint64_t pending_ = 0;  // data bytes of the current member not yet read
  std::uint64_t offset_ = 0;
  std::string error_;
};

}  // namespace shapegen::tar
