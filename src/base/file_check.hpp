#pragma once
// Private: what readers check before they read a file they did not write.
// A dataset or preset may hold a folder, a FIFO (opening it blocks), a link
// to /dev/zero (reading it never ends) or a file far larger than anything
// shapegen writes; each is reported naming the file instead of hanging,
// exhausting memory or ending in a library exception.
#include <cstdint>
#include <filesystem>
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

}  // namespace shapegen
