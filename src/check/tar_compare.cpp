#include "check/tar_compare.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>

#include "check/checks.hpp"
#include "dataset/tar.hpp"

namespace shapegen {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

class TarComparer : public TextOutput {
 public:
  TarComparer(const std::filesystem::path& path, std::string name, ReportProblem report,
              std::function<std::optional<std::uint64_t>(const std::string&)> row_of_key,
              CheckPngMember check_png)
      : name_(std::move(name)),
        report_(std::move(report)),
        row_of_key_(std::move(row_of_key)),
        check_png_(std::move(check_png)),
        found_(path, std::ios::binary),
        reader_(found_) {
    if (!found_) fail(name_ + ": missing");
  }

  void write(std::string_view text) override {
    if (done_ || ended_) return;
    pending_ += text;
    // Whole members (header, data, padding) as they become complete.
    while (!done_ && !ended_ && pending_.size() >= tar::kBlock) {
      const char* h = pending_.data();
      if (std::all_of(h, h + tar::kBlock, [](char c) { return c == 0; })) {
        ended_ = true;  // the end blocks follow
        break;
      }
      std::uint64_t size = 0;
      for (std::size_t i = 124; i < 135; ++i) size = size * 8 + std::uint64_t(h[i] - '0');
      const std::uint64_t whole =
          tar::kBlock + size + (tar::kBlock - size % tar::kBlock) % tar::kBlock;
      if (pending_.size() < whole) break;
      compare_member(pending_.substr(0, tar::kBlock), pending_.substr(tar::kBlock, size));
      pending_.erase(0, whole);
    }
  }

  void write_location(std::string_view) override {}

  void close() override {
    if (done_) return;
    tar::Header header;
    switch (reader_.next(header)) {
      case tar::Reader::Next::end:
        break;
      case tar::Reader::Next::member:
        fail(name_ + ": member " + header.name + " after the last one expected (" +
             std::to_string(members_) + " members)");
        break;
      case tar::Reader::Next::bad:
        fail(name_ + ": " + reader_.error());
        break;
    }
    done_ = true;
  }

 private:
  void fail(std::string problem, std::optional<std::uint64_t> row = std::nullopt) {
    report_(std::move(problem), row);
    done_ = true;
  }

  void compare_member(const std::string& block, const std::string& data) {
    ++members_;
    const std::string expected(block.data(), strnlen(block.data(), 100));
    const std::string key = expected.substr(0, expected.find('.'));
    const std::optional<std::uint64_t> row = row_of_key_(key);
    const std::string where =
        name_ + ": member " + std::to_string(members_) + " (" + expected + ")";
    tar::Header header;
    switch (reader_.next(header)) {
      case tar::Reader::Next::end:
        return fail(where + ": missing, the archive ends before it", row);
      case tar::Reader::Next::bad:
        return fail(name_ + ": " + reader_.error(), row);
      case tar::Reader::Next::member:
        break;
    }
    if (header.name != expected) return fail(where + ": " + header.name + " found", row);
    std::string found;
    if (!reader_.data(found)) return fail(name_ + ": " + reader_.error(), row);
    // Every header field but size and checksum (a PNG's size may differ).
    const auto same = [&](std::size_t from, std::size_t to) {
      return block.compare(from, to - from, header.block, from, to - from) == 0;
    };
    if (!same(0, 124) || !same(136, 148) || !same(156, tar::kBlock))
      report_(where + ": header differs (mode, owner, time or format)", std::nullopt);
    if (ends_with(expected, ".png")) {
      check_png_(data, found, name_ + ":" + expected, row);
    } else if (data != found) {
      report_(where + ": " +
                  (ends_with(expected, ".json") ? describe_line_difference(data, found)
                                                : "'" + data + "' expected, '" + found + "' found"),
              row);
    }
  }

  std::string name_;
  ReportProblem report_;
  std::function<std::optional<std::uint64_t>(const std::string&)> row_of_key_;
  CheckPngMember check_png_;
  std::ifstream found_;
  tar::Reader reader_;
  std::string pending_;  // written bytes not yet compared
  std::uint64_t members_ = 0;
  bool ended_ = false;  // the expected archive's end blocks came
  bool done_ = false;   // missing, or out of step: nothing more to compare
};

}  // namespace

std::unique_ptr<TextOutput> compare_tar(
    const std::filesystem::path& path, const std::string& name, ReportProblem report,
    std::function<std::optional<std::uint64_t>(const std::string&)> row_of_key,
    CheckPngMember check_png) {
  return std::make_unique<TarComparer>(path, name, std::move(report), std::move(row_of_key),
                                       std::move(check_png));
}

}  // namespace shapegen
