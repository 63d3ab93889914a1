#pragma once
// Label serialization: one manifest.jsonl line per sample, labels.csv rows.
// Coordinates are rounded to 1e-4 px so files stay readable; every format
// writes the same rounded numbers.
#include <string>

#include "shapegen/sample.hpp"

namespace shapegen {

std::string manifest_line(const Sample& sample, const std::string& file, const std::string& split);
// The same line (without its newline) appended to `out`.
void append_manifest_line(std::string& out, const Sample& sample, const std::string& file,
                          const std::string& split);
std::string csv_header();
std::string csv_rows(const Sample& sample, const std::string& file, const std::string& split);
void append_csv_rows(std::string& out, const Sample& sample, const std::string& file,
                     const std::string& split);
double round_label(double x);

}  // namespace shapegen
