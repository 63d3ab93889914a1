// The manifest reader of verify and diff: lines of any length and content
// are read with their bound, their "file" extracted and confined, and
// consecutive lines described against each other; verify's row comparer
// reads the same bytes as manifest.jsonl. Nothing may crash, recurse
// without bound or print an unbounded value.
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "check/manifest_reader.hpp"
#include "check/text_compare.hpp"
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

// Where the row comparer finds "manifest.jsonl"; removed when the process ends.
struct ScratchFile {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("shapegen-fuzz-manifest-" + std::to_string(::getpid()));
  ~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

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

  // verify's comparer: the input is the manifest on disk, two rows expected.
  static const ScratchFile file;
  std::ofstream(file.path, std::ios::binary)
      .write(reinterpret_cast<const char*>(data), std::streamsize(size));
  auto out = compare_text(
      file.path, "manifest.jsonl", TextCheck::rows,
      [](std::string problem, std::optional<std::uint64_t>) {
        fuzz::require(problem.size() < 1200,
                      "an unbounded problem line: " + problem.substr(0, 200));
      },
      [](std::uint64_t row) { return "images/00000" + std::to_string(row) + ".png"; });
  out->write("{\"index\":0,\"file\":\"images/000000.png\",\"objects\":[{\"bbox\":[1,2,3,4]}]}\n");
  out->write("{\"index\":1,\"file\":\"images/000001.png\",\"objects\":[]}\n");
  out->close();
  return 0;
}
