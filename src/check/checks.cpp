#include "check/checks.hpp"

#include <new>

#include "base/file_check.hpp"
#include "base/printable.hpp"
#include "shapegen/error.hpp"
#include "shapegen/png.hpp"

namespace fs = std::filesystem;

namespace shapegen {

namespace {

std::string shape_text(const Image& img) {
  return std::to_string(img.width) + "x" + std::to_string(img.height) +
         (img.channels == 3 ? " rgb" : " gray");
}

// Runs `read` (which fills `actual`), or returns the problem it met.
// Whatever damaged bytes make the readers throw becomes a line naming the
// file.
template <class Read>
std::string read_actual(const std::string& name, Read read) {
  try {
    read();
    return "";
  } catch (const Error& e) {
    return e.what();
  } catch (const std::bad_alloc&) {
    return name + ": cannot be read (out of memory)";
  } catch (const std::exception& e) {
    return name + ": cannot be read (" + printable(e.what()) + ")";
  }
}

// Diff images of a failing pair; a folder that fills up or turns read-only
// is a problem line, not the end of the run.
std::string write_diff_images(const Image& expected, const Image& actual, const std::string& name,
                              const std::string& diff_dir) {
  try {
    const fs::path stem = fs::path(diff_dir) / fs::path(name).stem();
    write_png(stem.string() + ".expected.png", expected, 6);
    write_png(stem.string() + ".actual.png", actual, 6);
    write_png(stem.string() + ".diff.png", difference_image(expected, actual), 6);
    return "";
  } catch (const std::exception& e) {
    return name + ": diff images not written (" + printable(e.what(), 200) + ")";
  }
}

// Compares `actual` (when `problem` is empty: it could be read) with `expected`.
bool judge(const Image& expected, const Image& actual, std::string problem, const std::string& name,
           const VerifyOptions& options, Findings& findings) {
  ImageComparison c;
  if (problem.empty()) {
    c = compare_images(expected, actual, options.tolerance);
    if (!c.same_shape)
      problem = name + ": " + shape_text(expected) + " expected, " + shape_text(actual) + " found";
    else if (!c.passed)
      problem = name + ": " + c.describe();
    if (c.same_shape && c.worst > 0)
      findings.difference(
          c.worst, name + " (" + std::to_string(c.worst_x) + "," + std::to_string(c.worst_y) + ")");
  }
  if (!problem.empty() && !options.diff_dir.empty() && c.same_shape && !actual.pixels.empty()) {
    std::string failed = write_diff_images(expected, actual, name, options.diff_dir);
    if (!failed.empty()) findings.problem(std::move(failed));
  }
  const bool ok = problem.empty();
  if (!ok) findings.problem(std::move(problem));
  return ok;
}

}  // namespace

void make_diff_dir(const std::string& diff_dir) {
  if (diff_dir.empty()) return;
  std::error_code ec;
  fs::create_directories(diff_dir, ec);
  if (ec)
    throw IoError("--diff-dir '" + printable(diff_dir, 200) + "': cannot create the folder (" +
                  ec.message() + ")");
}

bool check_image(const Image& expected, const fs::path& actual_path, const std::string& name,
                 const VerifyOptions& options, Findings& findings) {
  Image actual;
  std::string problem = read_actual(name, [&] {
    actual = decode_png(read_regular_file(actual_path, name, kMaxPngFileBytes), name);
  });
  return judge(expected, actual, std::move(problem), name, options, findings);
}

bool check_png_data(const Image& expected, const std::vector<std::uint8_t>* data,
                    const std::string& name, const VerifyOptions& options, Findings& findings) {
  Image actual;
  std::string problem =
      data ? read_actual(name, [&] { actual = decode_png(*data, name); }) : name + ": missing";
  return judge(expected, actual, std::move(problem), name, options, findings);
}

}  // namespace shapegen
