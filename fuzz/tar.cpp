// The WebDataset tar reader of verify and merge (tar::Reader): any bytes
// end in members, the end or `bad` with a short reason, reading no further
// than the input and allocating no more than it holds; a member read back
// is the one shapegen's writer makes of its name and data.
#include "dataset/tar.hpp"

#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_check.hpp"

using namespace shapegen;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  std::istringstream in(bytes);
  tar::Reader reader(in);
  tar::Header header;
  std::string member_data;
  std::uint64_t members = 0;
  for (;;) {
    const tar::Reader::Next next = reader.next(header);
    fuzz::require(reader.offset() <= size && reader.offset() % tar::kBlock == 0,
                  "a header read past the input or off a block boundary");
    if (next == tar::Reader::Next::end) break;
    if (next == tar::Reader::Next::bad) {
      fuzz::require(!reader.error().empty() && reader.error().size() < 200,
                    "a refusal without a short reason");
      break;
    }
    ++members;
    fuzz::require(members <= size / tar::kBlock, "more members than headers in the input");
    fuzz::require(header.size <= tar::kMaxMemberBytes && header.name.size() <= 100 &&
                      header.name.find('\0') == std::string::npos &&
                      header.block.size() == tar::kBlock,
                  "a member header outside its limits");
    // Every other member is skipped, as verify skips what it does not compare.
    if (members % 2 == 0) continue;
    const std::uint64_t before = reader.offset();
    if (!reader.data(member_data)) {
      fuzz::require(!reader.error().empty(), "a truncated member without a reason");
      fuzz::require(member_data.size() <= size, "more data than the input holds");
      break;
    }
    fuzz::require(member_data.size() == header.size, "data of another size than the header's");
    fuzz::require(reader.offset() <= size && reader.offset() >= before + header.size,
                  "data read past the input");
    // What shapegen writes of that name and data reads back as the same.
    const std::string written = tar::member(header.name, member_data);
    std::istringstream again_in(written + tar::end(written.size()));
    tar::Reader again(again_in);
    tar::Header h;
    std::string d;
    fuzz::require(again.next(h) == tar::Reader::Next::member && h.name == header.name &&
                      again.data(d) && d == member_data && again.next(h) == tar::Reader::Next::end,
                  "a written member that does not read back");
    // A header as shapegen writes it is the whole header, byte for byte.
    if (written.compare(0, tar::kBlock, header.block) == 0)
      fuzz::require(bytes.compare(before - tar::kBlock, tar::kBlock, written, 0, tar::kBlock) == 0,
                    "a header kept other than read");
  }
  return 0;
}
