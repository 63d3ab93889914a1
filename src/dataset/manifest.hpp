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
// labels.csv: `class` is the label class; with shape_column (a preset that
// relabels classes, shape.labels) a `shape` column after it names the class drawn.
std::string csv_header(bool shape_column = false);
std::string csv_rows(const Sample& sample, const std::string& file, const std::string& split,
                     bool shape_column = false);
// The same rows appended to `out`.
void append_csv_rows(std::string& out, const Sample& sample, const std::string& file,
                     const std::string& split, bool shape_column = false);
double round_label(double x);

}  // namespace shapegen
