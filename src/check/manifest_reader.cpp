#include "check/manifest_reader.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <nlohmann/json.hpp>

#include "base/file_check.hpp"
#include "base/printable.hpp"

namespace shapegen {

namespace {

using nlohmann::json;

// nullopt when too deep or not JSON, with the reason in `why`.
std::optional<json> parse_bounded(std::string_view text, std::string& why) {
  if (json_depth(text, kMaxJsonDepth) > kMaxJsonDepth) {
    why = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    return std::nullopt;
  }
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    why = "not valid JSON";
    return std::nullopt;
  }
  return j;
}

// A value as it appears in a message: its JSON text, shortened.
std::string shown(const json& value) {
  return printable(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string first_difference(const json& expected, const json& found, const std::string& path) {
  if (expected.type() == found.type() && expected.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      const std::string key = path.empty() ? it.key() : path + "." + it.key();
      const auto there = found.find(it.key());
      if (there == found.end()) return printable(key) + ": missing";
      const std::string d = first_difference(*it, *there, key);
      if (!d.empty()) return d;
    }
    for (auto it = found.begin(); it != found.end(); ++it)
      if (!expected.contains(it.key()))
        return printable((path.empty() ? "" : path + ".") + it.key()) + ": unexpected field";
    return "";
  }
  if (expected.type() == found.type() && expected.is_array()) {
    if (expected.size() != found.size())
      return printable(path) + ": " + std::to_string(expected.size()) + " items expected, " +
             std::to_string(found.size()) + " found";
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const std::string d =
          first_difference(expected[i], found[i], path + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return "";
  }
  if (expected == found) return "";
  return (path.empty() ? std::string("value") : printable(path)) + ": " + shown(expected) +
         " expected, " + shown(found) + " found";
}

// A relative path that stays inside the folder it is read from.
bool stays_inside(const std::string& file) {
  if (file.empty() || file.find('\0') != std::string::npos) return false;
  const std::filesystem::path path(file);
  if (path.is_absolute() || path.has_root_name() || path.has_root_directory()) return false;
  for (const auto& part : path)
    if (part == "..") return false;
  return true;
}

}  // namespace

LineRead read_line(std::istream& in, std::string& line, std::size_t max_bytes) {
  line.clear();
  bool any = false, too_long = false;
  std::streambuf* buffer = in.rdbuf();
  try {
    // Byte by byte from the stream's buffer: cheap, and no line is held whole.
    for (int c; (c = buffer->sbumpc()) != std::streambuf::traits_type::eof();) {
      any = true;
      if (c == '\n') break;
      if (too_long) continue;
      if (line.size() == max_bytes) {
        too_long = true;
        std::string().swap(line);
        continue;
      }
      line += static_cast<char>(c);
    }
  } catch (const std::exception&) {
    // A read error (the file turned into a folder): the input ends here.
  }
  if (!any) return LineRead::end;
  return too_long ? LineRead::too_long : LineRead::line;
}

std::uint64_t count_lines(const std::filesystem::path& path, std::uint64_t limit) {
  if (!file_problem(path, "", UINT64_MAX).empty()) return 0;
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return 0;
  std::uint64_t lines = 0;
  bool open_line = false;  // bytes after the last '\n'
  char buffer[1 << 16];
  for (ssize_t n; lines <= limit && (n = ::read(fd, buffer, sizeof buffer)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    const auto newlines = std::uint64_t(std::count(buffer, buffer + n, '\n'));
    lines += newlines;
    open_line = buffer[n - 1] != '\n';
  }
  ::close(fd);
  return lines + (open_line ? 1 : 0);
}

std::size_t json_depth(std::string_view text, std::size_t limit) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::optional<std::string> manifest_line_file(std::string_view line, std::string& why) {
  const std::optional<json> record = parse_bounded(line, why);
  if (!record) return std::nullopt;
  if (!record->is_object() || !record->contains("file")) {
    why = "no \"file\" field";
    return std::nullopt;
  }
  const json& file = (*record)["file"];
  if (!file.is_string()) {
    why = "\"file\" is not a string but " + shown(file);
    return std::nullopt;
  }
  const std::string name = file.get<std::string>();
  if (!stays_inside(name)) {
    why = "\"file\" '" + printable(name) +
          "' points outside the dataset (absolute paths and '..' are not allowed)";
    return std::nullopt;
  }
  return name;
}

std::string describe_line_difference(std::string_view expected, std::string_view found) {
  std::string why;
  const std::optional<json> f = parse_bounded(found, why);
  if (!f) return why;
  const std::optional<json> e = parse_bounded(expected, why);
  if (!e) return "the expected line is " + why;
  const std::string d = first_difference(*e, *f, "");
  return d.empty() ? "formatting differs" : d;
}

}  // namespace shapegen
