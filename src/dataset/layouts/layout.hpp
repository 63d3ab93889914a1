#pragma once
// Private: the layout table. A layout is a Sink that gets every row and puts
// its own files into the output, beside the primary files (images/,
// manifest.jsonl, labels.csv, dataset.ini), which the primary sink declares
// the same way as the table's first row. The manifest stays the source of
// truth and every layout points at (or links to) the primary image.
//
// A layout's whole contract is its row: its name, what it needs from the
// generator, the files it owns and how merge joins each, the files the
// tools that read it write beside it, its share of the size estimate and
// the sink itself. The plan, --overwrite, verify, merge and the estimate
// read nothing else, so a layout is one file and one row (layout.cpp; the
// files are imagefolder.cpp, coco.cpp, yolo.cpp, masks.cpp, npy.cpp, webdataset.cpp).
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset/sink.hpp"

namespace shapegen::layouts {

// How merge makes a file of the dataset from the shards' files of that name.
enum class Join {
  row,       // a file of one row: linked (or copied) from the shard holding the row
  lines,     // the parts one after the other (manifest.jsonl)
  table,     // one header line, the same in every part, then each part's rows (labels.csv)
  coco,      // COCO's head once, each part's images, then its annotations with ids counted on
  tar,       // the members of every part holding some, then one end (WebDataset)
  same,      // the same bytes in every shard: the first shard's
  location,  // the same in every shard but the line naming the folder (data.yaml's "path:"),
             // which then names the merged one
  recipe,    // dataset.ini: the shards' recipe without their shard records
  npy,       // a NumPy array of rows: one header counting every part's rows, then their rows
};

// A file a layout owns, as a path relative to the dataset folder in which a
// placeholder stands for one name (no '/'): {split} a split, {stem} a row's
// stem ("000042"), {class} a label class's folder ("0_triangle"), {n} a number of six digits or
// more. The folders the pattern passes through are the layout's too.
struct LayoutFile {
  std::string pattern;  // "labels/{split}/{stem}.txt"
  Join join;            // a pattern with {stem} is a row's file: Join::row
};

// One sample as the size estimate sees it, with the sizes layouts share.
struct SampleCost {
  const DatasetPlan& plan;
  const Sample& sample;
  const PlanRow& row;
  double png_bytes;   // its image as images/ holds it
  double line_bytes;  // its manifest line
};

struct LayoutDecl {
  std::string name;  // as in output.formats and --formats
  // On when output.formats names it (null), or when this says so: a layout
  // switched on by a key of its own, which then leaves the recipes of
  // datasets without it as they were.
  bool (*switched_on)(const OutputSpec&) = nullptr;
  // Such a layout named in --formats: sets its key (on `config`, loaded)
  // unless it was given.
  void (*named_in_formats)(Config& config) = nullptr;
  // Needs Sample::visible, the per-object coverage (null: never).
  bool (*keep_masks)(const OutputSpec&) = nullptr;
  std::vector<LayoutFile> files = {};
  // What the tools that read the layout write beside it (Ultralytics' label
  // caches): --overwrite replaces them, verify does not call them extra,
  // merge does not copy them.
  std::vector<std::string> tool_files = {};
  // Its bytes per row, for the estimate of a large run.
  double (*row_bytes)(const SampleCost&) = nullptr;
  // What the user should hear about a whole dataset written to `dataset`
  // (ImageFolder: a split lacking a class), a line each.
  std::vector<std::string> (*warnings)(const DatasetPlan& plan,
                                       const std::filesystem::path& dataset) = nullptr;
  std::unique_ptr<Sink> (*make)(const DatasetPlan& plan, FileOutput& out) = nullptr;
};

LayoutDecl primary();  // images/, manifest.jsonl, labels.csv, dataset.ini: always on
LayoutDecl imagefolder();
LayoutDecl coco();
LayoutDecl yolo();
LayoutDecl masks();
LayoutDecl npy();
LayoutDecl webdataset();  // switched on by output.webdataset_samples, not output.formats

// Every row, the primary first, in the order the writer feeds them.
const std::deque<LayoutDecl>& all();
// The rows chosen by name in output.formats: the names it allows.
std::vector<std::string> format_names();
const LayoutDecl* find(std::string_view name);
// The rows `spec` switches on, the primary first, in table order.
std::vector<const LayoutDecl*> switched_on(const OutputSpec& spec);

// What a file of a dataset folder is: a file of one of the plan's layouts
// (its placeholders naming the plan's splits and rows, shape classes, tar
// numbers) or one of their tool files.
struct FileMatch {
  const LayoutDecl* layout = nullptr;
  const LayoutFile* file = nullptr;  // null: a tool file
  std::optional<std::uint64_t> row;  // the row its {stem} names
};
std::optional<FileMatch> match_file(const DatasetPlan& plan, std::string_view path);
// Whether some layout, on or not, owns `path` (a file, a tool file, or a
// folder its files lie in), whatever the recipe: what --overwrite may
// replace. {split} is any split name here, the other placeholders any name.
bool owned_path(std::string_view path, bool folder);

// Tests only: adds a throw-away layout as the last row while it lives (the
// rows do not move). output.formats takes its names when the catalog is
// built, so a row switched on by name must come first (a global fixture);
// added later it throws std::logic_error.
class ScopedLayoutRow {
 public:
  explicit ScopedLayoutRow(LayoutDecl row);
  ~ScopedLayoutRow();
  ScopedLayoutRow(const ScopedLayoutRow&) = delete;
  ScopedLayoutRow& operator=(const ScopedLayoutRow&) = delete;
};

// The class id of a shape, its row in the shape registry: COCO category
// id - 1, YOLO class, semantic mask value - 1.
int class_index(ShapeClass c);
// COCO's categories as JSON: one per shape class, with keypoints and skeleton.
std::string coco_categories(const std::vector<ShapeClass>& classes = shape_classes());

}  // namespace shapegen::layouts
