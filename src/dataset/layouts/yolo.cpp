// YOLO (Ultralytics layout): DIR/images/<split>/<stem>.png (links to the
// primary images), DIR/labels/<split>/<stem>.txt with one row per visible
// object — "class cx cy w h" (detect), "class x1 y1 x2 y2 ..." (segment,
// the outline clipped to the frame) or "class cx cy w h x1 y1 v1 ... xK yK
// vK" (pose: the keypoint schema's K slots, COCO's v as Ultralytics' COCO
// converter keeps it) — normalized by the image size, and DIR/data.yaml
// naming the splits and classes (pose: kpt_shape and flip_idx).
#include <algorithm>
#include <cmath>

#include "dataset/layouts/layout.hpp"
#include "dataset/manifest.hpp"
#include "shapegen/keypoints.hpp"
#include "shapegen/version.hpp"

namespace shapegen::layouts {

namespace {

// A normalized number to 6 decimals (1e-6 of the image side), as its
// shortest text: "0.387314", not "0.38731406249999994".
std::string normalized(double x) { return format_real(std::round(x * 1e6) / 1e6 + 0.0); }

class Yolo : public Sink {
 public:
  Yolo(const DatasetPlan& plan, FileOutput& out)
      : plan_(plan),
        out_(out),
        segment_(plan.output().yolo_task == YoloTask::segment),
        pose_(plan.output().yolo_task == YoloTask::pose) {}

  void add_files(const Sample& sample, const PlanRow& row) const override {
    out_.place_image("images/" + row.split + "/" + row.stem + ".png", row.file, sample.image);
    const double w = sample.scene.width, h = sample.scene.height;
    std::string text;
    for (const ObjectLabel& l : sample.objects) {
      if (l.bbox.empty()) continue;  // nothing of it can be seen
      const auto polygon =
          segment_ ? clip_polygon(l.object.outline, Box{0, 0, w, h}) : std::vector<Point>{};
      // Ink in the frame whose outline is not (a thick stroke along the edge)
      // has no polygon to give: YOLO-seg leaves it out, as COCO leaves its
      // segmentation empty.
      if (segment_ && polygon.empty()) continue;
      text += std::to_string(class_index(label_class(l.object)));
      if (segment_) {
        for (const Point& p : polygon)
          text += " " + normalized(round_label(p.x) / w) + " " + normalized(round_label(p.y) / h);
      } else {
        // The manifest's rounded numbers, so every format gives the same box.
        const Box b{round_label(l.bbox.x0), round_label(l.bbox.y0), round_label(l.bbox.x1),
                    round_label(l.bbox.y1)};
        text += " " + normalized((b.x0 + b.x1) / 2 / w) + " " + normalized((b.y0 + b.y1) / 2 / h) +
                " " + normalized(b.width() / w) + " " + normalized(b.height() / h);
      }
      if (pose_)
        for (const KeypointSlot& k : keypoint_slots(plan_.keypoints(), l))
          text += " " + normalized(round_label(k.x) / w) + " " + normalized(round_label(k.y) / h) +
                  " " + std::to_string(k.v);
      text += "\n";
    }
    out_.write_text("labels/" + row.split + "/" + row.stem + ".txt", text, TextCheck::lines);
  }

  void finish() override {
    const auto& splits = plan_.splits();
    auto out = out_.open_text("data.yaml", TextCheck::lines);
    out->write("# Ultralytics YOLO dataset written by shapegen " + std::string(kVersion) + "\n");
    out->write_location("path: ");  // the folder: it may move, so verify accepts any path here
    for (const std::string& split : splits) out->write(split + ": images/" + split + "\n");
    // Ultralytics requires a val entry; without a val split, validate on train.
    if (std::find(splits.begin(), splits.end(), "val") == splits.end())
      out->write("val: images/" + splits.front() + "  # no val split in this dataset\n");
    if (pose_) write_pose_keys(*out);
    out->write("names:\n");
    for (ShapeClass c : plan_.generator().label_classes())
      out->write("  " + std::to_string(class_index(c)) + ": " + class_name(c) + "\n");
    out->close();
  }

 private:
  void write_pose_keys(TextOutput& out) const {
    const KeypointSchema& schema = plan_.keypoints();
    out.write("kpt_shape: [" + std::to_string(schema.slots) + ", 3]\n");
    if (!schema.flip_right()) {
      // Without flip_idx Ultralytics turns its horizontal flip (fliplr) off.
      out.write(schema.clockwise
                    ? "# no flip_idx: a class's vertices cannot be mirrored slot to slot\n"
                    : "# no flip_idx: vertices in drawn order do not mirror slot to slot under a "
                      "flip (shape.vertex_order = clockwise_from_top makes them)\n");
      return;
    }
    std::string list;
    for (std::size_t s : schema.flip_idx()) list += (list.empty() ? "" : ", ") + std::to_string(s);
    out.write("flip_idx: [" + list + "]\n");
  }

  const DatasetPlan& plan_;
  FileOutput& out_;
  bool segment_, pose_;
};

}  // namespace

LayoutDecl yolo() {
  return {
      .name = "yolo",
      .files = {{"images/{split}/{stem}.png", Join::row},
                {"labels/{split}/{stem}.txt", Join::row},
                {"data.yaml", Join::location}},
      // Ultralytics caches the labels it read beside their folder (NumPy's
      // save writes the .npy name, then renames it).
      .tool_files = {"labels/{split}.cache", "labels/{split}.cache.npy"},
      .row_bytes = [](const SampleCost&) { return 64.0; },  // a label file; the image is a link
      .make = [](const DatasetPlan& plan, FileOutput& out) -> std::unique_ptr<Sink> {
        return std::make_unique<Yolo>(plan, out);
      },
  };
}

}  // namespace shapegen::layouts
