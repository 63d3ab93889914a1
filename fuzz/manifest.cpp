// The manifest reader of verify and diff: lines of any length and content
// are read with their bound, their "file" extracted and confined, and
// consecutive lines described against each other. Nothing may crash,
// recurse without bound or print an unbounded value.
#include <cstdint>
#include <sstream>
#include <string>

#include "check/manifest_reader.hpp"
#include "fuzz_check.hpp"

using namespace shapegen;

namespace {

// Independently of the reader: relative, and no component is "..".
bool inside(const std::string& file) {
  if (file.empty() || file.front() == '/') return false;
  for (std::size_t start = 0;;) {
    const std::size_t end = file.find('/', start);
    if (file.compare(start, end - start, "..") == 0) return false;  // the part is exactly ".."
    if (end == std::string::npos) return true;
    start = end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::string line, previous = "{\"index\":0,\"file\":\"images/000000.png\"}";
  for (LineRead read; (read = read_line(in, line, 1024)) != LineRead::end;) {
    fuzz::require(read == LineRead::line || line.empty(), "a too long line was kept");
    fuzz::require(line.size() <= 1024, "a line longer than its bound");
    std::string why;
    if (const auto file = manifest_line_file(line, why)) {
      fuzz::require(inside(*file), "\"file\" '" + *file + "' leaves the dataset");
    } else {
      fuzz::require(!why.empty(), "a refused \"file\" without a reason");
    }
    const std::string one = describe_line_difference(previous, line);
    const std::string other = describe_line_difference(line, previous);
    // Values are shown shortened: a report line stays far below the input.
    fuzz::require(one.size() < 1200 && other.size() < 1200, "an unbounded difference report");
    previous = line;
  }
  return 0;
}
