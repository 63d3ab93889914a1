#include "dataset/layouts/layout.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>

#include "dataset/class_table.hpp"

namespace shapegen::layouts {

int class_index(ShapeClass c) { return c.id; }

namespace {

// A deque: rows added by a test leave the others where plans point at them.
std::deque<LayoutDecl>& rows() {
  static std::deque<LayoutDecl> table = {primary(), imagefolder(), coco(), yolo(),
                                         masks(),   webdataset(),  npy()};
  return table;
}

bool names_taken = false;  // output.formats has read format_names()

// Whether `path` is `pattern` with each placeholder standing for a name
// (no '/') that `accept(placeholder, name)` takes. Placeholders are tried
// at every length, so a name may hold what follows it ("{split}.cache").
using Accept = std::function<bool(std::string_view placeholder, std::string_view name)>;
bool matches(std::string_view pattern, std::string_view path, const Accept& accept) {
  const std::size_t open = pattern.find('{');
  if (open == std::string_view::npos) return pattern == path;
  if (path.substr(0, open) != pattern.substr(0, open)) return false;
  const std::size_t close = pattern.find('}', open);
  const std::string_view placeholder = pattern.substr(open, close + 1 - open);
  const std::string_view rest = pattern.substr(close + 1);
  const std::string_view tail = path.substr(open);
  const std::size_t longest = std::min(tail.find('/'), tail.size());
  for (std::size_t n = 1; n <= longest; ++n)
    if (matches(rest, tail.substr(n), accept) && accept(placeholder, tail.substr(0, n)))
      return true;
  return false;
}

bool is_number(std::string_view name) {
  return name.size() >= 6 &&
         std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

const std::deque<LayoutDecl>& all() { return rows(); }

std::vector<std::string> format_names() {
  names_taken = true;
  std::vector<std::string> names;
  for (const LayoutDecl& d : all())
    if (!d.switched_on) names.push_back(d.name);
  return names;
}

const LayoutDecl* find(std::string_view name) {
  for (const LayoutDecl& d : all())
    if (d.name == name) return &d;
  return nullptr;
}

std::vector<const LayoutDecl*> switched_on(const OutputSpec& spec) {
  std::vector<const LayoutDecl*> on;
  for (const LayoutDecl& d : all())
    if (d.switched_on
            ? d.switched_on(spec)
            : std::find(spec.formats.begin(), spec.formats.end(), d.name) != spec.formats.end())
      on.push_back(&d);
  return on;
}

std::optional<FileMatch> match_file(const DatasetPlan& plan, std::string_view path) {
  FileMatch found;
  const Accept accept = [&](std::string_view placeholder, std::string_view name) {
    if (placeholder == "{stem}") return bool(found.row = plan.row_of_stem(name));
    if (placeholder == "{split}") {
      const auto& splits = plan.splits();
      return std::find(splits.begin(), splits.end(), name) != splits.end();
    }
    if (placeholder == "{class}") {
      const std::vector<ShapeClass> classes = plan.generator().label_classes();
      return std::any_of(classes.begin(), classes.end(),
                         [&](ShapeClass c) { return class_folder(c, classes) == name; });
    }
    if (placeholder == "{n}") return is_number(name);
    return false;
  };
  for (const LayoutDecl* d : plan.layouts()) {
    found.layout = d;
    for (const LayoutFile& f : d->files) {
      found.row.reset();
      found.file = &f;
      if (matches(f.pattern, path, accept)) return found;
    }
    found.file = nullptr;
    for (const std::string& tool : d->tool_files)
      if (matches(tool, path, accept)) return found;
  }
  return std::nullopt;
}

bool owned_path(std::string_view path, bool folder) {
  const Accept any = [](std::string_view placeholder, std::string_view name) {
    return placeholder != "{split}" || value_named<Split>(name).has_value();
  };
  // A folder is a pattern's leading folders: "labels", "labels/{split}".
  const auto owns = [&](std::string_view pattern) {
    if (!folder) return matches(pattern, path, any);
    for (std::size_t slash = pattern.find('/'); slash != std::string_view::npos;
         slash = pattern.find('/', slash + 1))
      if (matches(pattern.substr(0, slash), path, any)) return true;
    return false;
  };
  for (const LayoutDecl& d : all()) {
    for (const LayoutFile& f : d.files)
      if (owns(f.pattern)) return true;
    for (const std::string& tool : d.tool_files)
      if (owns(tool)) return true;
  }
  return false;
}

ScopedLayoutRow::ScopedLayoutRow(LayoutDecl row) {
  if (names_taken && !row.switched_on)
    throw std::logic_error("layout " + row.name +
                           ": added after output.formats took its names; add it before the "
                           "catalog is built");
  rows().push_back(std::move(row));
}

ScopedLayoutRow::~ScopedLayoutRow() { rows().pop_back(); }

}  // namespace shapegen::layouts
