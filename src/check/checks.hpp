#pragma once
// Private: the comparisons verify and diff share. Each reports into a
// VerifyReport under a lock, so workers may call them at once.
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include "shapegen/image.hpp"
#include "shapegen/verify.hpp"

namespace shapegen {

// Compares `expected` with the PNG at `actual_path`, reported as `name`:
// missing, unreadable, wrong shape or over the tolerance are problems; the
// worst difference is tracked; failing pairs get diff images. Returns false
// when the pair fails.
bool check_image(const Image& expected, const std::filesystem::path& actual_path,
                 const std::string& name, const VerifyOptions& options, VerifyReport& report,
                 std::mutex& lock);

// The same for PNG bytes already read (a tar member); nullptr: missing.
bool check_png_data(const Image& expected, const std::vector<std::uint8_t>* data,
                    const std::string& name, const VerifyOptions& options, VerifyReport& report,
                    std::mutex& lock);

// The first place two manifest lines differ, as "objects[0].bbox[2]: 41.5
// expected, 41.2 found"; "not valid JSON" or "formatting differs" otherwise.
std::string describe_line_difference(const std::string& expected, const std::string& found);

}  // namespace shapegen
