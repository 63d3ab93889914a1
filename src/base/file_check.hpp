#pragma once
// Private: what readers check before they read a file they did not write.
// A dataset or preset may hold a folder, a FIFO (opening it blocks), a link
// to /dev/zero (reading it never ends) or a file far larger than anything
// shapegen writes; each is reported naming the file instead of hanging,
// exhausting memory or ending in a library exception.
#include <cstdint>
#include <filesystem>
#include <streambuf>
#include <string>
#include <vector>

namespace shapegen {

// Why `path` cannot be read as a regular file of at most `max_bytes`, as a
// message starting with `name` ("images/000003.png: is a folder, not a
// file"), or "" when it can. Missing files give "<name>: missing".
std::string file_problem(const std::filesystem::path& path, const std::string& name,
                         std::uint64_t max_bytes);

// True when nothing at all is at `path`, not even a dangling link.
bool nothing_at(const std::filesystem::path& path);

// The whole file, after the checks above (IoError with that message). It is
// opened without blocking and checked again once open, so a FIFO swapped in
// after the check cannot hang the reader.
std::vector<std::uint8_t> read_regular_file(const std::filesystem::path& path,
                                            const std::string& name, std::uint64_t max_bytes);

// The same checks for a file read as a stream (`std::istream in(&file)`,
// or the buffer's own sgetc/sbumpc/sgetn): opened without blocking and
// checked again once open (IoError with the message above), and read in
// chunks. A read error, or the file growing past `max_bytes` while it is
// read, throws IoError naming the file; a stream passes it on only with
// `exceptions(std::ios::badbit)` set.
class RegularFile : public std::streambuf {
 public:
  RegularFile(const std::filesystem::path& path, std::string name, std::uint64_t max_bytes);
  ~RegularFile() override;
  RegularFile(const RegularFile&) = delete;
  RegularFile& operator=(const RegularFile&) = delete;
  const std::string& name() const { return name_; }

 protected:
  int_type underflow() override;

 private:
  int fd_ = -1;
  std::string name_;
  std::uint64_t max_bytes_;
  std::uint64_t read_ = 0;
  std::vector<char> buffer_;
};

}  // namespace shapegen
