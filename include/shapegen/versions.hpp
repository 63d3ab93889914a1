#pragma once
// layer: base
// Versions of shapegen and of the libraries that decide its pixels, as
// recorded in dataset.ini (keys dataset.<library>_version) and checked by
// verify. This table is the one place the libraries are named.
#include <string>
#include <utility>
#include <vector>

namespace shapegen {

// (library, running version) for every recorded library, in key order.
const std::vector<std::pair<std::string, std::string>>& running_versions();
// "dataset.<library>_version", the key recording a library's version.
std::string version_key(const std::string& library);
// The running version for a recorded key ("" if unknown).
std::string running_version(const std::string& key);

}  // namespace shapegen
