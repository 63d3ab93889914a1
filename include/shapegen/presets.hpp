#pragma once
// layer: params
// Built-in presets: INI files found by name in, in order, $SHAPEGEN_PRESET_PATH
// (colon-separated), <binary>/../share/shapegen/presets, the install prefix,
// and the source tree the binary was built from (the last two not in a wheel,
// which pip may install anywhere).
#include <string>
#include <vector>

namespace shapegen {

struct PresetInfo {
  std::string name;
  std::string path;
  std::string description;  // dataset.description
};

std::vector<std::string> preset_dirs();
// A path to an existing file is used as it is; otherwise a built-in name.
// Throws ConfigError listing the known names.
std::string find_preset(const std::string& name_or_path);
std::vector<PresetInfo> list_presets();

}  // namespace shapegen
