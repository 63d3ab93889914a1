#include "store/checkpoint.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "shapegen/error.hpp"
#include "store/staging.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace shapegen {

namespace {

bool sync_fd(const fs::path& path, bool whole_file_system) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = (whole_file_system ? ::syncfs(fd) : ::fsync(fd)) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

void write_checkpoint(const fs::path& dir, const Checkpoint& c) {
  const fs::path path = dir / kCheckpointFile;
  // The rows' files and the streamed bytes must be on disk before a
  // checkpoint says they are.
  if (!sync_fd(dir, true)) throw IoError(dir.string() + ": cannot be synced to disk");
  json j = {{"rows_done", c.rows_done},
            {"census", {{"files", c.census.files}, {"bytes", c.census.bytes}}},
            {"files", c.files},
            {"sinks", c.sinks}};
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << j.dump() << "\n";
    out.close();
    if (!out) throw IoError(tmp.string() + ": write failed (disk full?)");
  }
  if (!sync_fd(tmp, false)) throw IoError(tmp.string() + ": cannot be synced to disk");
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) throw IoError(path.string() + ": cannot be written (" + ec.message() + ")");
  sync_fd(dir, false);
}

std::optional<Checkpoint> read_checkpoint(const fs::path& dir) {
  const fs::path path = dir / kCheckpointFile;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  try {
    const json j = json::parse(text.str());
    Checkpoint c;
    c.rows_done = j.at("rows_done").get<std::uint64_t>();
    c.census = {j.at("census").at("files").get<std::uint64_t>(),
                j.at("census").at("bytes").get<std::uint64_t>()};
    c.files = j.at("files").get<std::map<std::string, std::uint64_t>>();
    c.sinks = j.at("sinks").get<std::vector<std::string>>();
    return c;
  } catch (const json::exception& e) {
    throw IoError(path.string() + ": damaged checkpoint (" + e.what() +
                  "); discard the interrupted run with --overwrite");
  }
}

}  // namespace shapegen
