// YOLO (Ultralytics layout): DIR/images/<split>/<stem>.png (links to the
// primary images), DIR/labels/<split>/<stem>.txt with one row per visible
// object — "class cx cy w h" (detect) or "class x1 y1 x2 y2 ..." (segment,
// the outline clipped to the frame) — normalized by the image size, and
// DIR/data.yaml naming the splits and classes.
#include <algorithm>
#include <fstream>

#include "dataset/layouts/layout.hpp"
#include "shapegen/error.hpp"
#include "dataset/manifest.hpp"
#include "shapegen/version.hpp"

namespace fs = std::filesystem;

namespace shapegen::layouts {

namespace {

class Yolo : public Layout {
 public:
  explicit Yolo(const Context& context)
      : context_(context), segment_(context.config.choice("output.yolo_task") == "segment") {}

  void add(const Sample& sample, const Row& row) override {
    place_image(context_, row.file, context_.dir / "images" / row.split / (row.stem + ".png"));
    const double w = sample.scene.width, h = sample.scene.height;
    std::string text;
    for (const ObjectLabel& l : sample.objects) {
      if (l.bbox.empty()) continue;  // nothing of it can be seen
      text += std::to_string(class_index(l.object.shape));
      if (segment_) {
        const auto polygon = clip_polygon(l.object.outline, Box{0, 0, w, h});
        if (polygon.empty()) continue;
        for (const Point& p : polygon)
          text += " " + format_real(round_label(p.x) / w) + " " + format_real(round_label(p.y) / h);
      } else {
        // The manifest's rounded numbers, so every format gives the same box.
        const Box b{round_label(l.bbox.x0), round_label(l.bbox.y0), round_label(l.bbox.x1), round_label(l.bbox.y1)};
        text += " " + format_real((b.x0 + b.x1) / 2 / w) + " " + format_real((b.y0 + b.y1) / 2 / h) + " " +
                format_real(b.width() / w) + " " + format_real(b.height() / h);
      }
      text += "\n";
    }
    const fs::path path = context_.dir / "labels" / row.split / (row.stem + ".txt");
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) throw IoError(path.string() + ": cannot be written");
  }

  void finish() override {
    std::ofstream out(context_.dir / "data.yaml", std::ios::binary);
    out << "# Ultralytics YOLO dataset written by shapegen " << kVersion << "\n"
        << "path: " << context_.final_dir.string() << "\n";
    for (const std::string& split : context_.splits) out << split << ": images/" << split << "\n";
    // Ultralytics requires a val entry; without a val split, validate on train.
    if (std::find(context_.splits.begin(), context_.splits.end(), "val") == context_.splits.end())
      out << "val: images/" << context_.splits.front() << "  # no val split in this dataset\n";
    out << "names:\n";
    for (ShapeClass c : kAllClasses) out << "  " << class_index(c) << ": " << class_name(c) << "\n";
    if (!out) throw IoError((context_.dir / "data.yaml").string() + ": cannot be written");
  }

 private:
  const Context& context_;
  bool segment_;
};

}  // namespace

std::unique_ptr<Layout> yolo(const Context& context) { return std::make_unique<Yolo>(context); }

}  // namespace shapegen::layouts
