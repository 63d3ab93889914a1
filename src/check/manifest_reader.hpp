#pragma once
// Private: reading manifest.jsonl lines that someone else may have written.
// Every bound is checked before the text reaches the JSON parser or a
// message: line length (a 10 GB line is skipped, not loaded), nesting depth
// (nlohmann's parser and printer recurse: 100000 '[' overflowed the stack),
// the type of "file" and where it points (never outside the dataset).
#include <cstdint>
#include <filesystem>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace shapegen {

// Deeper lines are reported, not parsed. shapegen's own lines nest 5 deep.
inline constexpr std::size_t kMaxJsonDepth = 64;
// Longer lines are reported, not loaded, where no expected line gives a bound.
inline constexpr std::size_t kMaxManifestLine = std::size_t(64) << 20;

enum class LineRead { line, too_long, end };

// The next line without its '\n'. A line longer than max_bytes is read past
// to its end without keeping it (too_long; `line` is cleared); end when
// nothing is left.
LineRead read_line(std::istream& in, std::string& line, std::size_t max_bytes);

// Lines in the file at `path`, counting no further than `limit` (a final
// line without '\n' counts); 0 when it is missing or no regular file.
std::uint64_t count_lines(const std::filesystem::path& path, std::uint64_t limit);

// The deepest nesting of '[' and '{' outside strings, counted no further
// than limit + 1.
std::size_t json_depth(std::string_view text, std::size_t limit);

// The "file" of a manifest line: a relative path inside the dataset. When
// there is none, `why` says so ("not valid JSON", "\"file\" is not a
// string", "\"file\" '/etc/passwd' points outside the dataset", ...).
std::optional<std::string> manifest_line_file(std::string_view line, std::string& why);

// The first place two manifest lines differ, as "objects[0].bbox[2]: 41.5
// expected, 41.2 found" (values shortened to 80 characters); "not valid
// JSON", "nested deeper than 64 levels" or "formatting differs" otherwise.
std::string describe_line_difference(std::string_view expected, std::string_view found);

}  // namespace shapegen
