// COCO: DIR/annotations/instances_<split>.json with info (carrying the
// recipe and the OKS sigmas), categories (with keypoint names and skeletons
// in the dataset's keypoint schema), images and annotations (bbox [x,y,w,h]
// of the visible ink, segmentation = outline clipped to the frame and its
// area, or with output.coco_segmentation = rle the visible mask (the masks
// layout's instance mask) as compressed RLE and its pixel count, iscrowd 0,
// keypoints [x,y,v] in the schema's K slots with COCO's v: 0 not labeled
// (outside the frame, or a slot the class does not use), 1 labeled but
// hidden, 2 visible).
// Streaming: images go straight into the file, annotations into a side file
// (scratch space of the output) appended at the end, so memory does not grow
// with the dataset, whether the file is written or compared.
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>
#include <vector>

#include "dataset/layouts/layout.hpp"
#include "dataset/manifest.hpp"
#include "dataset/rle.hpp"
#include "sample/labels.hpp"
#include "shapegen/error.hpp"
#include "shapegen/keypoints.hpp"
#include "shapegen/version.hpp"
#include "shapes/registry.hpp"

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace shapegen::layouts {

// One category per listed shape class, its keypoints and skeleton in the
// schema's K slots (shapegen/keypoints.hpp).
std::string coco_categories(const std::vector<ShapeClass>& classes) {
  const KeypointSchema schema = keypoint_schema(classes);
  json list = json::array();
  for (ShapeClass c : classes) {
    json skeleton = json::array();
    for (const auto& [a, b] : schema.skeleton(c))
      skeleton.push_back(json::array({a + 1, b + 1}));  // 1-based, as in COCO
    list.push_back({{"id", class_index(c) + 1},
                    {"name", shape_decl(c).name},
                    {"supercategory", "shape"},
                    {"keypoints", schema.names(c)},
                    {"skeleton", skeleton}});
  }
  return list.dump();
}

namespace {

// Object k's visible mask (instance == k + 1) as COCO compressed RLE, and
// its area: the mask's pixels.
std::pair<json, json> visible_rle(const Image& instance, std::size_t k) {
  const std::vector<std::uint64_t> runs = rle_runs(instance, std::uint8_t(k + 1));
  std::uint64_t pixels = 0;
  for (std::size_t i = 1; i < runs.size(); i += 2) pixels += runs[i];
  json rle = {{"size", json::array({instance.height, instance.width})},
              {"counts", rle_counts(runs)}};
  return {std::move(rle), json(pixels)};
}

class Coco : public Sink {
 public:
  Coco(const DatasetPlan& plan, FileOutput& out)
      : schema_(plan.keypoints()), rle_(plan.output().coco_segmentation == CocoSegmentation::rle) {
    // The sigmas COCOeval needs for keypoints: params.kpt_oks_sigmas.
    const json info = {
        {"description", plan.description()},
        {"version", kVersion},
        {"contributor", "shapegen"},
        {"url", ""},
        {"keypoint_sigmas", keypoint_sigmas(plan.output().keypoint_sigmas, schema_.slots)},
        {"shapegen_recipe", plan.recipe()}};
    const std::string head = "{\"info\":" + info.dump() + ",\"licenses\":[],\"categories\":" +
                             coco_categories(plan.generator().label_classes()) + ",\"images\":[";
    for (const std::string& split : plan.splits()) {
      File& f = files_[split];
      const std::string name = "annotations/instances_" + split + ".json";
      f.json = out.open_text(name, TextCheck::lines);
      f.side_path = out.scratch_path(name + ".annotations");
      // Resuming, the side file holds what the checkpoint counts on.
      f.annotations.open(f.side_path,
                         out.resuming() ? std::ios::binary | std::ios::app : std::ios::binary);
      if (!f.annotations) throw IoError(f.side_path.string() + ": cannot be written");
      f.json->write(head);
    }
  }

  // The side files are left to the output, which owns its scratch space:
  // until the staging folder is swapped in, a resumed run may need them.

  std::string checkpoint() override {
    json state = json::object();
    for (auto& [split, f] : files_) {
      f.annotations.flush();
      if (!f.annotations) throw IoError(f.side_path.string() + ": write failed (disk full?)");
      state[split] = {f.images, f.next_annotation, std::uint64_t(f.annotations.tellp())};
    }
    return state.dump();
  }

  void resume(const std::string& text) override {
    const json state = json::parse(text);
    for (auto& [split, f] : files_) {
      const auto& s = state.at(split);
      f.images = s.at(0).get<std::uint64_t>();
      f.next_annotation = s.at(1).get<std::uint64_t>();
      const auto bytes = s.at(2).get<std::uint64_t>();
      f.annotations.close();
      std::error_code ec;
      if (fs::file_size(f.side_path, ec) < bytes || ec)
        throw IoError(f.side_path.string() +
                      ": shorter than the checkpoint of the interrupted run records; discard the "
                      "run with --overwrite");
      fs::resize_file(f.side_path, bytes, ec);
      f.annotations.open(f.side_path, std::ios::binary | std::ios::app);
      if (ec || !f.annotations) throw IoError(f.side_path.string() + ": cannot be continued");
    }
  }

  void add(const Sample& sample, const PlanRow& row) override {
    File& f = files_.at(row.split);
    const std::uint64_t image_id = sample.index + 1;  // COCO ids start at 1
    const json image = {{"id", image_id},
                        {"file_name", row.file},
                        {"width", sample.scene.width},
                        {"height", sample.scene.height}};
    f.json->write((f.images++ ? "," : "") + image.dump());
    const Box frame{0, 0, double(sample.scene.width), double(sample.scene.height)};
    const Image instance = rle_ ? instance_mask(sample) : Image{};
    for (const ObjectLabel& l : sample.objects) {
      if (l.bbox.empty()) continue;  // nothing of it can be seen
      const auto polygon = clip_polygon(l.object.outline, frame);
      json segmentation = json::array();
      if (!polygon.empty()) {
        json ring = json::array();
        for (const Point& p : polygon)
          ring.push_back(round_label(p.x)), ring.push_back(round_label(p.y));
        segmentation.push_back(ring);
      }
      json area = polygon.empty() ? 0.0 : round_label(polygon_area(polygon));
      if (rle_)
        std::tie(segmentation, area) = visible_rle(instance, std::size_t(&l - &sample.objects[0]));
      // K triplets: the object's vertices in its class's slots, 0, 0, 0 elsewhere.
      json keypoints = json::array();
      int labeled = 0;
      const auto slots = keypoint_slots(schema_, l);
      for (const KeypointSlot& k : slots) {
        keypoints.push_back(k.v ? round_label(k.x) : 0.0);
        keypoints.push_back(k.v ? round_label(k.y) : 0.0);
        keypoints.push_back(k.v);
        labeled += k.v > 0;
      }
      const Box& b = l.bbox;
      const std::uint64_t id = f.next_annotation++;
      const json annotation = {
          {"id", id},
          {"image_id", image_id},
          {"category_id", class_index(label_class(l.object)) + 1},
          // Differences of the manifest's rounded corners, rounded again to drop float dust.
          {"bbox", json::array({round_label(b.x0), round_label(b.y0),
                                round_label(round_label(b.x1) - round_label(b.x0)),
                                round_label(round_label(b.y1) - round_label(b.y0))})},
          {"area", area},
          {"segmentation", segmentation},
          {"iscrowd", 0},
          {"keypoints", keypoints},
          {"num_keypoints", labeled}};
      f.annotations << (id > 1 ? "," : "") << annotation.dump();
    }
  }

  void finish() override {
    std::vector<char> chunk(1 << 16);
    for (auto& [split, f] : files_) {
      f.annotations.close();
      if (!f.annotations) throw IoError(f.side_path.string() + ": write failed (disk full?)");
      f.json->write("],\"annotations\":[");
      std::ifstream side(f.side_path, std::ios::binary);
      if (!side) throw IoError(f.side_path.string() + ": cannot be read");
      while (side.read(chunk.data(), std::streamsize(chunk.size())) || side.gcount() > 0)
        f.json->write(std::string_view(chunk.data(), std::size_t(side.gcount())));
      f.json->write("]}\n");
      f.json->close();
    }
  }

 private:
  struct File {
    std::unique_ptr<TextOutput> json;
    fs::path side_path;
    std::ofstream annotations;
    std::uint64_t images = 0;
    std::uint64_t next_annotation = 1;
  };
  KeypointSchema schema_;
  std::map<std::string, File> files_;
  bool rle_;  // output.coco_segmentation = rle
};

}  // namespace

LayoutDecl coco() {
  return {
      .name = "coco",
      .keep_masks =
          [](const OutputSpec& spec) { return spec.coco_segmentation == CocoSegmentation::rle; },
      .files = {{"annotations/instances_{split}.json", Join::coco}},
      // An image's entry and its annotations: about as long as its manifest line.
      .row_bytes = [](const SampleCost& c) { return c.line_bytes; },
      .make = [](const DatasetPlan& plan, FileOutput& out) -> std::unique_ptr<Sink> {
        return std::make_unique<Coco>(plan, out);
      },
  };
}

}  // namespace shapegen::layouts
