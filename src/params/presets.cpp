#include "shapegen/presets.hpp"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>

#include "base/file_check.hpp"
#include "base/printable.hpp"
#include "params/run_spec.hpp"
#include "shapegen/config.hpp"
#include "shapegen/error.hpp"

namespace fs = std::filesystem;

namespace shapegen {

std::vector<std::string> preset_dirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("SHAPEGEN_PRESET_PATH")) {
    std::istringstream in(env);
    for (std::string dir; std::getline(in, dir, ':');)
      if (!dir.empty()) dirs.push_back(dir);
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) dirs.push_back((exe.parent_path().parent_path() / "share/shapegen/presets").string());
  // Both empty in a wheel (pip), which may be installed anywhere.
  for (const char* dir : {SHAPEGEN_INSTALL_PRESET_DIR, SHAPEGEN_SOURCE_PRESET_DIR})
    if (*dir) dirs.push_back(dir);
  return dirs;
}

std::vector<PresetInfo> list_presets() {
  std::map<std::string, PresetInfo> found;  // the first directory to hold a name wins
  for (const std::string& dir : preset_dirs()) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() != ".ini") continue;
      const std::string name = entry.path().stem().string();
      if (found.count(name)) continue;
      PresetInfo info{name, entry.path().string(), ""};
      try {
        // The file's own text, not a resolved config: a preset may leave it out.
        const std::string& description = key_of(run_params(), &RunSpec::description);
        for (const auto& [key, value] : read_preset_file(info.path))
          if (key == description) info.description = value;
      } catch (const Error& e) {
        info.description = std::string("(broken: ") + e.what() + ")";
      }
      found.emplace(name, info);
    }
  }
  std::vector<PresetInfo> out;
  for (auto& [name, info] : found) out.push_back(info);
  return out;
}

std::string find_preset(const std::string& name_or_path) {
  std::error_code ec;
  if (fs::is_regular_file(name_or_path, ec)) return name_or_path;
  const bool looks_like_path =
      name_or_path.find('/') != std::string::npos || fs::path(name_or_path).extension() == ".ini";
  if (!looks_like_path)
    for (const PresetInfo& p : list_presets())
      if (p.name == name_or_path) return p.path;
  // Something is there but it is no preset file: say what it is.
  if (!nothing_at(name_or_path))
    throw ConfigError(
        file_problem(name_or_path, "--preset '" + printable(name_or_path) + "'", kMaxPresetBytes) +
        "; give a preset file or a built-in name");
  std::string known;
  for (const PresetInfo& p : list_presets()) known += (known.empty() ? "" : ", ") + p.name;
  throw ConfigError("--preset '" + printable(name_or_path) +
                    "': no such preset file or built-in name; " +
                    "built-in presets: " + (known.empty() ? "(none found)" : known));
}

}  // namespace shapegen
