#pragma once
// Private: the image check verify and diff share. It reports into Findings,
// so workers may call it at once.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "check/findings.hpp"
#include "shapegen/image.hpp"
#include "shapegen/verify.hpp"

namespace shapegen {

// Compares `expected` with the PNG at `actual_path`, reported as `name`:
// missing, no regular file, unreadable, too large, wrong shape or over the
// tolerance are problems, never exceptions; the worst difference is noted;
// failing pairs get diff images (a diff image that cannot be written is a
// problem too). Returns false when the pair fails.
bool check_image(const Image& expected, const std::filesystem::path& actual_path,
                 const std::string& name, const VerifyOptions& options, Findings& findings);

// The same for PNG bytes already read (a tar member); nullptr: missing.
bool check_png_data(const Image& expected, const std::vector<std::uint8_t>* data,
                    const std::string& name, const VerifyOptions& options, Findings& findings);

// Creates the --diff-dir folder if one is given; IoError naming it if not possible.
void make_diff_dir(const std::string& diff_dir);

}  // namespace shapegen
