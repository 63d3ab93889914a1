#pragma once
// Private: what runs that died (kill -9, a power loss) left beside a
// dataset folder, found by name (".<name>.partial-<pid>[-old]") and by their
// run record; a process that is still alive is never touched.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace shapegen {

// A dead run's staging folder with its run record: resumable.
struct InterruptedRun {
  std::filesystem::path dir;
  std::uint64_t rows_done = 0;  // by its checkpoint
  std::uint64_t rows = 0;       // it was making
  std::string shard;            // "I/N" as recorded
  // "ds/.ds.partial-1234 (40 of 100 rows)"
  std::string describe() const;
};

struct Leftovers {
  std::vector<std::string> notes;    // what was tidied, for the user
  std::vector<InterruptedRun> runs;  // dead runs that can be resumed
};

// Tidies after dead runs: a "-old" folder (a swap cut short) is restored as
// `out` when `out` is missing, otherwise removed; a staging folder without a
// run record (complete but not yet swapped in, or empty) is removed. Dead
// runs with a run record are returned, untouched.
Leftovers tidy_leftovers(const std::filesystem::path& out);

// The run record's text: `rows` of shard `shard` ("I/N"), this host and pid.
std::string run_record_text(std::uint64_t rows, const std::string& shard);

}  // namespace shapegen
