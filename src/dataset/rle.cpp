#include "dataset/rle.hpp"

namespace shapegen {

std::vector<std::uint64_t> rle_runs(const Image& image, std::uint8_t value) {
  std::vector<std::uint64_t> runs;
  bool current = false;  // runs start with zeros
  std::uint64_t run = 0;
  for (int x = 0; x < image.width; ++x)
    for (int y = 0; y < image.height; ++y) {
      const bool on = image.at(x, y) == value;
      if (on != current) {
        runs.push_back(run);
        run = 0;
        current = on;
      }
      ++run;
    }
  runs.push_back(run);
  return runs;
}

std::string rle_counts(const std::vector<std::uint64_t>& runs) {
  std::string out;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    std::int64_t x = std::int64_t(runs[i]);
    if (i > 2) x -= std::int64_t(runs[i - 2]);
    for (bool more = true; more;) {
      char c = char(x & 0x1f);
      x >>= 5;  // arithmetic: a negative difference ends in all ones
      more = (c & 0x10) ? x != -1 : x != 0;
      if (more) c |= 0x20;
      out += char(c + 48);
    }
  }
  return out;
}

}  // namespace shapegen
