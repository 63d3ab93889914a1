#pragma once
// Private: TextOutputs that compare what a sink writes with the file already
// on disk, as it is written. They read the file alongside, chunk by chunk or
// line by line, so memory does not grow with the file (a COCO file of a
// million images is one line).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "dataset/output.hpp"

namespace shapegen {

// Takes one problem line; `fails_row`: the row whose sample it fails.
using ReportProblem =
    std::function<void(std::string problem, std::optional<std::uint64_t> fails_row)>;

// `name`: the file as reported ("labels/train/000001.txt"). For
// TextCheck::rows, `label_of_row` names a row in its problem lines.
std::unique_ptr<TextOutput> compare_text(
    const std::filesystem::path& path, const std::string& name, TextCheck check,
    ReportProblem report, std::function<std::string(std::uint64_t)> label_of_row = {});

}  // namespace shapegen
