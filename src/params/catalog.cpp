#include "shapegen/catalog.hpp"

#include "augment/augment.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace shapegen {

bool Bounds::contains(double x) const {
  if (min_open ? x <= min : x < min) return false;
  if (max_open ? x >= max : x > max) return false;
  return true;
}

// Whole bounds print as integers ("1000000000", not "1e+09").
static std::string bound_text(double x) {
  if (x == std::floor(x) && std::abs(x) < 1e16) return std::to_string(static_cast<long long>(x));
  return format_real(x);
}

std::string Bounds::describe() const {
  const bool has_min = min != -std::numeric_limits<double>::infinity();
  const bool has_max = max != std::numeric_limits<double>::infinity();
  if (has_min && has_max)
    return std::string(min_open ? "(" : "[") + bound_text(min) + ", " + bound_text(max) +
           (max_open ? ")" : "]");
  if (has_min) return std::string(min_open ? "> " : ">= ") + bound_text(min);
  if (has_max) return std::string(max_open ? "< " : "<= ") + bound_text(max);
  return "any finite number";
}

static std::string join(const std::vector<std::string>& words, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) out += (i ? sep : "") + words[i];
  return out;
}

std::string OptionDecl::allowed() const {
  switch (kind) {
    case Kind::integer: return "a whole number in " + bounds.describe();
    case Kind::real: return "a number in " + bounds.describe();
    case Kind::range: return "a number or range lo..hi within " + bounds.describe();
    case Kind::weights: return "weights name:w over {" + join(names, ", ") + "}, not all zero";
    case Kind::color: return "a gray level or range in 0..255, or 'r, g, b' with each a range";
    case Kind::boolean: return "true or false";
    case Kind::choice: return "one of " + join(names, ", ");
    case Kind::list: return "a comma-separated list of distinct names from {" + join(names, ", ") + "}";
    case Kind::text: return "one line of text";
  }
  return "";
}

Value OptionDecl::parse(const std::string& text) const {
  switch (kind) {
    case Kind::integer: {
      const std::int64_t v = parse_integer(text);
      if (!bounds.contains(static_cast<double>(v))) throw std::invalid_argument("out of range");
      return v;
    }
    case Kind::real: {
      const double v = parse_real(text);
      if (!bounds.contains(v)) throw std::invalid_argument("out of range");
      return v;
    }
    case Kind::range: {
      const Range r = parse_range(text);
      if (!bounds.contains(r.lo) || !bounds.contains(r.hi))
        throw std::invalid_argument("out of range");
      return r;
    }
    case Kind::weights: return parse_weights(text, names);
    case Kind::color: return parse_color(text);
    case Kind::boolean: return parse_bool(text);
    case Kind::choice: {
      const std::string word = trim(text);
      if (std::find(names.begin(), names.end(), word) == names.end())
        throw std::invalid_argument("not a known choice");
      return Choice{word};
    }
    case Kind::list: return parse_name_list(text, names);
    case Kind::text: {
      if (text.find('\n') != std::string::npos) throw std::invalid_argument("more than one line");
      return trim(text);
    }
  }
  throw std::logic_error("unhandled option kind");
}

OptionDecl declare::integer(std::string key, std::string def, double min, double max, std::string doc) {
  return {std::move(key), Kind::integer, std::move(def), std::move(doc), {min, max}, {}};
}
OptionDecl declare::real(std::string key, std::string def, Bounds b, std::string doc) {
  return {std::move(key), Kind::real, std::move(def), std::move(doc), b, {}};
}
OptionDecl declare::range(std::string key, std::string def, Bounds b, std::string doc) {
  return {std::move(key), Kind::range, std::move(def), std::move(doc), b, {}};
}
OptionDecl declare::weights(std::string key, std::string def, std::vector<std::string> names,
                   std::string doc) {
  return {std::move(key), Kind::weights, std::move(def), std::move(doc), {}, std::move(names)};
}
OptionDecl declare::choice(std::string key, std::string def, std::vector<std::string> words,
                  std::string doc) {
  return {std::move(key), Kind::choice, std::move(def), std::move(doc), {}, std::move(words)};
}
OptionDecl declare::color(std::string key, std::string def, std::string doc) {
  return {std::move(key), Kind::color, std::move(def), std::move(doc), {}, {}};
}
OptionDecl declare::boolean(std::string key, std::string def, std::string doc) {
  return {std::move(key), Kind::boolean, std::move(def), std::move(doc), {}, {}};
}
OptionDecl declare::list(std::string key, std::string def, std::vector<std::string> words,
                         std::string doc) {
  return {std::move(key), Kind::list, std::move(def), std::move(doc), {}, std::move(words)};
}
OptionDecl declare::text(std::string key, std::string def, std::string doc) {
  return {std::move(key), Kind::text, std::move(def), std::move(doc), {}, {}};
}

namespace {

std::vector<OptionDecl> build_table() {
  using namespace declare;
  std::vector<OptionDecl> t = {
      text("dataset.description", "", "One line saying what this preset is for."),
      integer("dataset.count", "1000", 1, 1e9, "Number of samples to generate."),
      integer("dataset.seed", "1", 0, 9007199254740992.0,
              "Seed of the whole dataset; sample i is a pure function of (preset, seed, i)."),
      integer("dataset.variants", "0", 0, 1000,
              "Augmented variants written per base sample, after the un-augmented original "
              "(variant 0); 0 writes one augmented row per sample."),
      list("output.formats", "", {"imagefolder", "coco", "yolo", "masks"},
           "Dataset layouts written beside the manifest (several at once); empty: images and "
           "manifest only."),
      weights("output.split", "train:1, val:0, test:0", {"train", "val", "test"},
              "Fractions of base samples in each split; all variants of a base share its split."),
      choice("output.split_mode", "hash", {"hash", "exact"},
             "hash: each base sample draws its split from its own seed (stable as count grows); "
             "exact: per class, split sizes are exactly the fractions (largest remainder)."),
      choice("output.yolo_task", "detect", {"detect", "segment"},
             "YOLO label rows: boxes (detect) or polygons (segment)."),
      choice("output.link", "hardlink", {"hardlink", "symlink", "copy"},
             "How layouts refer to the primary image file (hardlink falls back to copy)."),
      integer("image.width", "64", 1, 8192, "Image width in pixels."),
      integer("image.height", "64", 1, 8192, "Image height in pixels."),
      choice("image.mode", "gray", {"gray", "rgb"}, "Pixel format: 8-bit gray or 8-bit RGB."),
      boolean("image.antialias", "true", "Antialiased edges (false: hard 0/1 pixel coverage)."),
      integer("image.png_compression", "6", 0, 9, "zlib level of the PNG files (0 none, 9 best)."),
      color("image.background", "0", "Background intensity (gray) or color (r, g, b)."),
      range("objects.count", "1", {1, 255},
            "Objects per image: a whole number or range lo..hi (uniform)."),
      real("objects.max_overlap", "1", {0, 1},
           "Largest IoU allowed between the ink boxes of two objects (1: no limit)."),
      real("objects.min_visible", "0", {0, 1},
           "Least fraction of each object's ink left visible under the objects drawn after "
           "it; objects that cannot be placed so within 50 tries are left out."),
      weights("shape.classes", "triangle:1, circle:1, square:1", {"triangle", "circle", "square"},
              "Relative frequency of each class."),
      weights("shape.triangle_kinds", "equilateral:1, isosceles:1, right:1, scalene:1",
              {"equilateral", "isosceles", "right", "scalene"},
              "Relative frequency of each kind of triangle."),
      range("shape.size", "0.5..0.9", {0, 1, true, false},
            "Diameter of the shape's circumscribed circle, as a fraction of the shorter image "
            "side. Circles: the diameter; squares: the diagonal."),
      range("shape.rotation", "0..360", {-3600, 3600},
            "Rotation in degrees, clockwise on screen."),
      range("shape.center_x", "0..1", {0, 1},
            "Centre x as a fraction of the width (circumcentre for triangles)."),
      range("shape.center_y", "0..1", {0, 1}, "Centre y as a fraction of the height."),
      boolean("shape.keep_inside", "true",
              "Keep the whole shape, stroke included, inside the frame by narrowing the centre "
              "range where needed."),
      range("shape.isosceles_apex", "30..120", {0, 180, true, true},
            "Apex angle of isosceles triangles, degrees."),
      range("shape.right_acute", "25..65", {0, 90, true, true},
            "One acute angle of right triangles, degrees."),
      real("shape.scalene_min_angle", "25", {0, 60, true, true},
           "Smallest interior angle of scalene triangles, degrees."),
      real("shape.scalene_min_difference", "10", {0, 30},
           "Least difference between any two angles of a scalene triangle, degrees."),
      range("style.stroke_width", "2", {0, 1000}, "Stroke width in pixels."),
      weights("style.fill", "outline:1, filled:0, both:0", {"outline", "filled", "both"},
              "Fill mode: outline only, filled only (no stroke), or filled with a stroke."),
      color("style.foreground", "255",
            "Stroke color, and the fill color of 'filled' shapes. Gray level or r, g, b."),
      color("style.fill_color", "128", "Fill color of 'both' shapes. Gray level or r, g, b."),
      real("style.min_contrast", "0", {0, 255},
           "Least difference in gray level (luma in rgb mode) between foreground and "
           "background; colors are redrawn until it holds."),
  };
  for (const char* lib : {"shapegen", "cairo", "pixman", "libpng"}) {
    OptionDecl version = text(std::string("dataset.") + lib + "_version", "",
                              std::string("Version of ") + lib +
                                  " that wrote this dataset (recorded for verify, not read).");
    version.recorded = true;
    t.push_back(version);
  }
  for (OptionDecl& d : augment_options()) t.push_back(std::move(d));
  return t;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1] ? 1 : 0)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

const std::vector<OptionDecl>& option_table() {
  static const std::vector<OptionDecl> table = build_table();
  return table;
}

const OptionDecl* find_option(const std::string& key) {
  for (const auto& decl : option_table())
    if (decl.key == key) return &decl;
  return nullptr;
}

std::string nearest_key(const std::string& unknown) {
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  for (const auto& decl : option_table()) {
    // A key given without its section ("size") matches on the name alone.
    const std::string name = decl.key.substr(decl.key.find('.') + 1);
    const std::size_t d = std::min(edit_distance(unknown, decl.key), edit_distance(unknown, name));
    if (d < best_distance) {
      best_distance = d;
      best = decl.key;
    }
  }
  return best_distance <= std::max<std::size_t>(3, unknown.size() / 3) ? best : "";
}

}  // namespace shapegen
