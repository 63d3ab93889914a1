#include "check/text_compare.hpp"

#include <algorithm>
#include <fstream>
#include <vector>

#include "base/file_check.hpp"
#include "check/manifest_reader.hpp"

namespace shapegen {

namespace {

// "" when `path` is a regular file to compare with, else the problem. A
// FIFO would block the comparer on open, a link to /dev/zero never end.
std::string unreadable(const std::filesystem::path& path, const std::string& name) {
  return file_problem(path, name, UINT64_MAX);
}

// The first differing line: "<file>: differs from line N". Lines as
// std::getline reads them, so a missing final newline is no difference.
class LineComparer : public TextOutput {
 public:
  LineComparer(const std::filesystem::path& path, std::string name, bool table,
               ReportProblem report)
      : name_(std::move(name)), table_(table), report_(std::move(report)) {
    std::string problem = unreadable(path, name_);
    if (problem.empty()) {
      found_.open(path, std::ios::binary);
      if (!found_) problem = name_ + ": cannot be read";
    }
    if (!problem.empty()) {
      report_(std::move(problem), std::nullopt);
      done_ = true;
    }
  }

  void write(std::string_view text) override {
    if (done_ || text.empty()) return;
    if (pending_newline_) return differ(line_ + 1);  // found ended before this text
    buffer_.resize(text.size());
    found_.read(buffer_.data(), std::streamsize(text.size()));
    const std::size_t got = std::size_t(found_.gcount());
    const std::size_t m = std::size_t(
        std::mismatch(text.begin(), text.begin() + got, buffer_.begin()).first - text.begin());
    line_ += std::size_t(std::count(text.begin(), text.begin() + m, '\n'));
    if (m < got) return differ(line_);
    if (got == text.size()) return;
    // The file ended here. Just before a newline, its last line is complete:
    // equal if nothing more is expected, else the next line differs.
    if (text[m] != '\n') return differ(line_);
    if (m + 1 < text.size()) return differ(line_ + 1);
    pending_newline_ = true;
  }

  void write_location(std::string_view prefix) override {
    if (done_) return;
    if (pending_newline_) return differ(line_ + 1);
    std::string line;
    if (read_line(found_, line, prefix.size() + 4096) != LineRead::line ||
        line.rfind(prefix, 0) != 0)
      return differ(line_);
    ++line_;
  }

  void close() override {
    if (done_ || pending_newline_) return;
    if (found_.peek() != std::ifstream::traits_type::eof()) differ(line_);
    done_ = true;
  }

 private:
  void differ(std::uint64_t line) {
    report_(name_ + (table_ ? ": line " + std::to_string(line) + " differs"
                            : ": differs from line " + std::to_string(line)),
            std::nullopt);
    done_ = true;
  }

  std::string name_;
  bool table_;
  ReportProblem report_;
  std::ifstream found_;
  std::vector<char> buffer_;
  std::uint64_t line_ = 1;        // line of the next byte
  bool pending_newline_ = false;  // the file ended just before the final newline so far
  bool done_ = false;             // missing, or its difference reported
};

// A binary file: the first differing byte, or a length that differs.
class ByteComparer : public TextOutput {
 public:
  ByteComparer(const std::filesystem::path& path, std::string name, ReportProblem report)
      : name_(std::move(name)), report_(std::move(report)) {
    std::string problem = unreadable(path, name_);
    if (problem.empty()) {
      found_.open(path, std::ios::binary);
      if (!found_) problem = name_ + ": cannot be read";
    }
    if (!problem.empty()) {
      report_(std::move(problem), std::nullopt);
      done_ = true;
    }
  }

  void write(std::string_view text) override {
    if (done_ || text.empty()) return;
    buffer_.resize(text.size());
    found_.read(buffer_.data(), std::streamsize(text.size()));
    const std::size_t got = std::size_t(found_.gcount());
    const std::size_t m = std::size_t(
        std::mismatch(text.begin(), text.begin() + got, buffer_.begin()).first - text.begin());
    if (m < got) return differ(name_ + ": differs from byte " + std::to_string(offset_ + m));
    offset_ += got;
    if (got < text.size())
      differ(name_ + ": " + std::to_string(offset_) + " bytes, shorter than expected");
  }

  void write_location(std::string_view prefix) override { write(prefix); }

  void close() override {
    if (done_) return;
    if (found_.peek() != std::ifstream::traits_type::eof())
      differ(name_ + ": longer than the expected " + std::to_string(offset_) + " bytes");
    done_ = true;
  }

 private:
  void differ(std::string problem) {
    report_(std::move(problem), std::nullopt);
    done_ = true;
  }

  std::string name_;
  ReportProblem report_;
  std::ifstream found_;
  std::vector<char> buffer_;
  std::uint64_t offset_ = 0;  // bytes compared equal so far
  bool done_ = false;         // missing, or its difference reported
};

// One record per line, line k for row k: every differing line is reported
// with its first differing field and fails its row.
class RowComparer : public TextOutput {
 public:
  RowComparer(const std::filesystem::path& path, std::string name, ReportProblem report,
              std::function<std::string(std::uint64_t)> label_of_row)
      : name_(std::move(name)), report_(std::move(report)), label_of_row_(std::move(label_of_row)) {
    std::string problem = unreadable(path, name_);
    if (problem.empty()) {
      found_.open(path, std::ios::binary);
      if (!found_) problem = name_ + ": cannot be read";
    }
    if (!problem.empty()) {
      report_(std::move(problem), std::nullopt);
      missing_ = true;
    }
  }

  void write(std::string_view text) override {
    pending_ += text;
    std::size_t start = 0;
    for (std::size_t end; (end = pending_.find('\n', start)) != std::string::npos; start = end + 1)
      compare(pending_.substr(start, end - start));
    pending_.erase(0, start);
  }

  void write_location(std::string_view prefix) override { write(std::string(prefix) + "\n"); }

  void close() override {
    if (!pending_.empty()) compare(pending_), pending_.clear();
    if (missing_) return;
    std::uint64_t beyond = 0;
    for (std::string line; read_line(found_, line, 0) != LineRead::end;) ++beyond;
    if (beyond > 0)
      report_(name_ + ": " + std::to_string(beyond) + " lines beyond the dataset's " +
                  std::to_string(rows_) + " rows",
              std::nullopt);
  }

 private:
  void compare(const std::string& expected) {
    const std::uint64_t row = rows_++;
    if (missing_) return;
    // A found line may be longer than the expected one and still be worth
    // describing (an added field), but not without bound.
    const std::size_t limit = 2 * expected.size() + (std::size_t(1) << 20);
    std::string found;
    const LineRead read = read_line(found_, found, limit);
    if (read == LineRead::line && found == expected) return;
    if (read == LineRead::end)
      return report_(name_ + ": line " + std::to_string(row + 1) + " missing", row);
    const std::string where =
        name_ + " line " + std::to_string(row + 1) + " (" + label_of_row_(row) + "): ";
    if (read == LineRead::too_long)
      report_(where + "longer than " + std::to_string(limit) + " bytes", row);
    else
      report_(where + describe_line_difference(expected, found), row);
  }

  std::string name_;
  ReportProblem report_;
  std::function<std::string(std::uint64_t)> label_of_row_;
  std::ifstream found_;
  std::string pending_;  // text after the last complete line
  std::uint64_t rows_ = 0;
  bool missing_ = false;
};

// The recipe verify reads: nothing to compare.
class Ignored : public TextOutput {
 public:
  void write(std::string_view) override {}
  void write_location(std::string_view) override {}
  void close() override {}
};

}  // namespace

std::unique_ptr<TextOutput> compare_text(const std::filesystem::path& path, const std::string& name,
                                         TextCheck check, ReportProblem report,
                                         std::function<std::string(std::uint64_t)> label_of_row) {
  switch (check) {
    case TextCheck::lines:
    case TextCheck::table:
      return std::make_unique<LineComparer>(path, name, check == TextCheck::table,
                                            std::move(report));
    case TextCheck::bytes:
      return std::make_unique<ByteComparer>(path, name, std::move(report));
    case TextCheck::rows:
      return std::make_unique<RowComparer>(path, name, std::move(report), std::move(label_of_row));
    case TextCheck::input:
    case TextCheck::tar:  // tars have their own comparer (tar_compare.hpp)
      break;
  }
  return std::make_unique<Ignored>();
}

}  // namespace shapegen
