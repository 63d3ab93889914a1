#pragma once
// Progress of a long command on stderr: on a terminal a live line (rows
// done of all, rate, ETA, bytes) redrawn a few times a second; elsewhere (a
// log file, a batch job) a plain line every few seconds; nothing when quiet.
#include <chrono>
#include <cstdint>
#include <string>

namespace shapegen::cli {

std::string format_bytes(double bytes);       // "12.3 MB"
std::string format_duration(double seconds);  // "38 s", "4 min 10 s", "3.2 h", "40 years"

class Progress {
 public:
  // `what`: "generate", "verify"; `first`: rows already done (a resumed run).
  Progress(std::string what, bool quiet, std::uint64_t first = 0);
  ~Progress();
  void update(std::uint64_t done, std::uint64_t total, std::uint64_t bytes);
  // Clears a live line (before the summary or an error).
  void clear();
  double seconds() const;
  // "1000 rows in 2.1 s (476 rows/s, 4.1 MB)".
  std::string summary(std::uint64_t rows, std::uint64_t bytes) const;

 private:
  std::string what_;
  bool quiet_, terminal_;
  std::uint64_t first_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
  bool started_ = false;
};

}  // namespace shapegen::cli
