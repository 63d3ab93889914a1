#include "cli/progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace shapegen::cli {

namespace {

std::string fixed(double x, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, x);
  return text;
}

}  // namespace

std::string format_bytes(double bytes) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB", "PB"};
  int u = 0;
  while (bytes >= 1000 && u < 5) bytes /= 1000, ++u;
  return fixed(bytes, u == 0 || bytes >= 100 ? 0 : 1) + " " + units[u];
}

std::string format_duration(double s) {
  if (!std::isfinite(s)) return "?";
  if (s < 60) return fixed(s, s < 10 ? 1 : 0) + " s";
  if (s < 3600) return fixed(std::floor(s / 60), 0) + " min " + fixed(std::fmod(s, 60), 0) + " s";
  if (s < 48 * 3600) return fixed(s / 3600, 1) + " h";
  if (s < 2 * 365.25 * 86400) return fixed(s / 86400, 0) + " days";
  return fixed(s / (365.25 * 86400), 0) + " years";
}

Progress::Progress(std::string what, bool quiet, std::uint64_t first)
    : what_(std::move(what)),
      quiet_(quiet),
      terminal_(::isatty(STDERR_FILENO) == 1),
      first_(first),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { clear(); }

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::update(std::uint64_t done, std::uint64_t total, std::uint64_t bytes) {
  if (quiet_) return;
  bool first_call = false;
  if (!started_) {  // the first call says where this run starts (a resumed run)
    started_ = first_call = true;
    first_ = std::max(first_, done);
  }
  const auto now = std::chrono::steady_clock::now();
  // A few times a second on a terminal, starting at once (however short the
  // run, the line shows it began); every 5 s in a log.
  const bool draw_now = first_call && terminal_;
  if (!draw_now && std::chrono::duration<double>(now - last_).count() < (terminal_ ? 0.25 : 5.0))
    return;
  last_ = now;
  const double elapsed = seconds();
  const double rate = elapsed > 0 && done > first_ ? double(done - first_) / elapsed : 0;
  std::string line = what_ + ": " + std::to_string(done) + "/" + std::to_string(total) + " rows (" +
                     fixed(total ? 100.0 * double(done) / double(total) : 100.0, 1) + "%), " +
                     fixed(rate, 0) + " rows/s, ETA " +
                     (rate > 0 ? format_duration(double(total - done) / rate) : std::string("?"));
  if (bytes) line += ", " + format_bytes(double(bytes)) + " written";
  if (terminal_) {
    std::cerr << "\r\033[K" << line << std::flush;
    drawn_ = true;
  } else {
    std::cerr << line << "\n" << std::flush;
  }
}

void Progress::clear() {
  if (drawn_) std::cerr << "\r\033[K" << std::flush;
  drawn_ = false;
}

std::string Progress::summary(std::uint64_t rows, std::uint64_t bytes) const {
  const double s = seconds();
  std::string text = std::to_string(rows) + " rows in " + format_duration(s) + " (" +
                     fixed(s > 0 ? double(rows) / s : 0, 0) + " rows/s";
  if (bytes) text += ", " + format_bytes(double(bytes));
  return text + ")";
}

}  // namespace shapegen::cli
