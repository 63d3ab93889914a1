#pragma once
// Private: compares the tar a sink writes (WebDataset) with the one on disk
// as it is written, member by member: names and order, headers, PNG members
// by their pixels within the tolerance (another zlib may pack the same
// pixels differently), manifest lines field by field, the rest byte for
// byte. One member is held at a time.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check/text_compare.hpp"

namespace shapegen {

// Judges a PNG member (reports its own problem); false when it fails.
using CheckPngMember =
    std::function<bool(const std::string& expected_png, const std::string& found_png,
                       const std::string& name, std::optional<std::uint64_t> row)>;

// `name`: the tar as reported; `row_of_key`: the row a member key
// ("000042") belongs to, if any.
std::unique_ptr<TextOutput> compare_tar(
    const std::filesystem::path& path, const std::string& name, ReportProblem report,
    std::function<std::optional<std::uint64_t>(const std::string& key)> row_of_key,
    CheckPngMember check_png);

}  // namespace shapegen
