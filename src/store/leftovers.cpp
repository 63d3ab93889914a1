#include "store/leftovers.hpp"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <map>

#include "store/checkpoint.hpp"
#include "store/staging.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

// kill(pid, 0) fails with ESRCH only for a process that does not exist; a
// killed process not yet reaped (a zombie) is dead too.
bool alive(long pid) {
  if (pid == ::getpid()) return true;
  if (::kill(pid_t(pid), 0) != 0) return errno != ESRCH;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  std::getline(stat, text);
  const auto paren = text.rfind(')');
  return !(paren != std::string::npos && paren + 2 < text.size() && text[paren + 2] == 'Z');
}

std::map<std::string, std::string> read_record(const fs::path& file) {
  std::map<std::string, std::string> values;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    const auto eq = line.find(" = ");
    if (!line.empty() && line[0] != '#' && eq != std::string::npos)
      values[line.substr(0, eq)] = line.substr(eq + 3);
  }
  return values;
}

std::uint64_t number(const std::map<std::string, std::string>& values, const std::string& key) {
  auto it = values.find(key);
  if (it == values.end()) return 0;
  try {
    return std::stoull(it->second);
  } catch (...) {
    return 0;
  }
}

struct Found {
  fs::path path;
  long pid = 0;
  bool old = false;
};

// ".<name>.partial-<pid>" and ".<name>.partial-<pid>-old" beside `out`.
std::vector<Found> find_staging(const fs::path& out) {
  std::vector<Found> found;
  const fs::path folder = output_folder(out);
  const fs::path parent = folder.has_parent_path() ? folder.parent_path() : fs::path(".");
  const std::string prefix = "." + folder.filename().string() + ".partial-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    std::string rest = name.substr(prefix.size());
    Found f{entry.path(), 0, false};
    if (rest.size() > 4 && rest.compare(rest.size() - 4, 4, "-old") == 0) {
      f.old = true;
      rest.resize(rest.size() - 4);
    }
    if (rest.empty() || rest.size() > 9 ||
        !std::all_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; }))
      continue;
    f.pid = std::stol(rest);
    found.push_back(f);
  }
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.path < b.path; });
  return found;
}

}  // namespace

std::string InterruptedRun::describe() const {
  return dir.string() + " (" + std::to_string(rows_done) + " of " + std::to_string(rows) + " rows)";
}

std::string run_record_text(std::uint64_t rows, const std::string& shard) {
  return "# shapegen: an unfinished 'generate'; 'shapegen generate --resume' continues it\n"
         "host = " +
         host_name() + "\npid = " + std::to_string(::getpid()) +
         "\nrows = " + std::to_string(rows) + "\nshard = " + shard + "\n";
}

Leftovers tidy_leftovers(const fs::path& out) {
  Leftovers left;
  const fs::path folder = output_folder(out);
  std::error_code ec;
  const std::vector<Found> found = find_staging(out);
  // "-old" first: it may have to become the dataset again.
  for (const Found& f : found) {
    if (!f.old || alive(f.pid)) continue;
    if (!fs::exists(folder, ec)) {
      fs::rename(f.path, folder, ec);
      if (!ec)
        left.notes.push_back("restored " + folder.string() + " from " + f.path.string() +
                             " (a run was killed while swapping it)");
    } else {
      fs::remove_all(f.path, ec);
      left.notes.push_back("removed " + f.path.string() + " (the old dataset of a finished run)");
    }
  }
  const std::string host = host_name();
  for (const Found& f : found) {
    if (f.old || alive(f.pid)) continue;
    const auto record = read_record(f.path / kRunFile);
    if (record.empty()) {
      fs::remove_all(f.path, ec);
      left.notes.push_back("removed " + f.path.string() + " (left by a run that died)");
      continue;
    }
    // Another host's pids say nothing here (a shared file system): leave it.
    if (record.count("host") && record.at("host") != host) continue;
    InterruptedRun run;
    run.dir = f.path;
    run.rows = number(record, "rows");
    run.shard = record.count("shard") ? record.at("shard") : "0/1";
    try {
      if (auto c = read_checkpoint(f.path)) run.rows_done = c->rows_done;
    } catch (...) {
    }
    left.runs.push_back(run);
  }
  return left;
}

}  // namespace shapegen
