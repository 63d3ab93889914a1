#include "check/checks.hpp"

#include <nlohmann/json.hpp>

#include "shapegen/error.hpp"
#include "shapegen/png.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

std::string first_difference(const nlohmann::json& expected, const nlohmann::json& found,
                             const std::string& path) {
  if (expected.type() == found.type() && expected.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      const std::string key = path.empty() ? it.key() : path + "." + it.key();
      if (!found.contains(it.key())) return key + ": missing";
      const std::string d = first_difference(*it, found[it.key()], key);
      if (!d.empty()) return d;
    }
    for (auto it = found.begin(); it != found.end(); ++it)
      if (!expected.contains(it.key()))
        return (path.empty() ? "" : path + ".") + it.key() + ": unexpected field";
    return "";
  }
  if (expected.type() == found.type() && expected.is_array()) {
    if (expected.size() != found.size())
      return path + ": " + std::to_string(expected.size()) + " items expected, " +
             std::to_string(found.size()) + " found";
    for (std::size_t i = 0; i < expected.size(); ++i) {
      const std::string d =
          first_difference(expected[i], found[i], path + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return "";
  }
  if (expected == found) return "";
  return (path.empty() ? std::string("value") : path) + ": " + expected.dump() + " expected, " +
         found.dump() + " found";
}

std::string shape_text(const Image& img) {
  return std::to_string(img.width) + "x" + std::to_string(img.height) +
         (img.channels == 3 ? " rgb" : " gray");
}

}  // namespace

std::string describe_line_difference(const std::string& expected, const std::string& found) {
  const auto e = nlohmann::json::parse(expected);
  const auto f = nlohmann::json::parse(found, nullptr, /*allow_exceptions=*/false);
  if (f.is_discarded()) return "not valid JSON";
  const std::string d = first_difference(e, f, "");
  return d.empty() ? "formatting differs" : d;
}

bool check_image(const Image& expected, const fs::path& actual_path, const std::string& name,
                 const VerifyOptions& options, VerifyReport& report, std::mutex& lock) {
  std::error_code ec;
  if (!fs::exists(actual_path, ec))
    return check_png_data(expected, nullptr, name, options, report, lock);
  std::vector<std::uint8_t> data;
  try {
    data = read_file(actual_path.string());
  } catch (const Error& e) {
    std::lock_guard<std::mutex> guard(lock);
    report.problems.push_back(e.what());
    return false;
  }
  return check_png_data(expected, &data, name, options, report, lock);
}

bool check_png_data(const Image& expected, const std::vector<std::uint8_t>* data,
                    const std::string& name, const VerifyOptions& options, VerifyReport& report,
                    std::mutex& lock) {
  Image actual;
  std::string problem;
  if (!data) {
    problem = name + ": missing";
  } else {
    try {
      actual = decode_png(*data, name);  // errors name the file as reported
    } catch (const Error& e) {
      problem = e.what();
    }
  }
  ImageComparison c;
  if (problem.empty()) {
    c = compare_images(expected, actual, options.tolerance);
    if (!c.same_shape)
      problem = name + ": " + shape_text(expected) + " expected, " + shape_text(actual) + " found";
    else if (!c.passed)
      problem = name + ": " + c.describe();
  }
  if (!problem.empty() && !options.diff_dir.empty() && c.same_shape && !actual.pixels.empty()) {
    const fs::path stem = fs::path(options.diff_dir) / fs::path(name).stem();
    write_png(stem.string() + ".expected.png", expected, 6);
    write_png(stem.string() + ".actual.png", actual, 6);
    write_png(stem.string() + ".diff.png", difference_image(expected, actual), 6);
  }
  std::lock_guard<std::mutex> guard(lock);
  if (c.same_shape && c.worst > report.worst) {
    report.worst = c.worst;
    report.worst_where =
        name + " (" + std::to_string(c.worst_x) + "," + std::to_string(c.worst_y) + ")";
  }
  if (!problem.empty()) report.problems.push_back(problem);
  return problem.empty();
}

}  // namespace shapegen
