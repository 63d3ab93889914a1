#pragma once
// layer: base
// Versions of shapegen and of the libraries that decide its pixels, as
// recorded in dataset.ini (keys dataset.*_version) and checked by verify.
#include <string>
#include <utility>
#include <vector>

namespace shapegen {

// (key, running version) for every recorded key, in declaration order.
const std::vector<std::pair<std::string, std::string>>& running_versions();
// The running version for a recorded key ("" if unknown).
std::string running_version(const std::string& key);

}  // namespace shapegen
