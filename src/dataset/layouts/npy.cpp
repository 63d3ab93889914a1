// Arrays (npy): per split, DIR/npy/<split>/ holds NumPy .npy files of one
// row per dataset row of the split, in index order, each np.load-able with
// mmap_mode="r":
//   images.npy     uint8   (N, H, W) gray, (N, H, W, 3) RGB: the pixels of images/<stem>.png
//   index.npy      int64   (N,)        the row's manifest index
//   counts.npy     int64   (N,)        objects in the row (the manifest's "objects")
//   classes.npy    int64   (N, M)      each object's class id (classes.json), -1 past counts
//   boxes.npy      float32 (N, M, 4)   the manifest's bbox x0 y0 x1 y1 (0 past counts)
//   keypoints.npy  float32 (N, M, K, 3) x, y, v in the keypoint schema's K slots (COCO's v)
// M is objects.count's upper end, K the schema's slots. Ids and counts are
// int64 and coordinates float32 because that is what torch takes as they
// are (class targets as long, boxes and keypoints as float); v sits with x
// and y as torchvision's Keypoint R-CNN wants them. Every row has the same
// size, so each file is written by streaming: the header first (the plan
// knows how many rows of each split this folder holds), then each row
// appended; memory does not grow. Shards' files join under one header
// (Join::npy).
#include "dataset/npy.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "dataset/layouts/layout.hpp"
#include "dataset/manifest.hpp"
#include "shapegen/keypoints.hpp"

namespace shapegen::layouts {

namespace {

class Arrays : public Sink {
 public:
  Arrays(const DatasetPlan& plan, FileOutput& out)
      : schema_(plan.keypoints()), objects_(plan.max_objects()) {
    const ImageSpec& image = plan.image();
    const std::uint64_t h = std::uint64_t(image.height), w = std::uint64_t(image.width);
    const std::uint64_t m = objects_, k = schema_.slots;
    const auto before = plan.split_rows_before(plan.rows().first);
    const auto through = plan.split_rows_before(plan.rows().end);
    for (const std::string& split : plan.splits()) {
      Split& s = splits_[split];
      s.expected = through.at(split) - before.at(split);
      const std::uint64_t n = s.expected;
      const auto open = [&](const char* name, const char* descr, std::vector<std::uint64_t> shape) {
        auto f = out.open_text("npy/" + split + "/" + name, TextCheck::bytes);
        f->write(npy::header(descr, shape));
        return f;
      };
      s.images = open("images.npy", "|u1",
                      image.mode == ImageMode::rgb ? std::vector{n, h, w, std::uint64_t(3)}
                                                   : std::vector{n, h, w});
      s.index = open("index.npy", "<i8", {n});
      s.counts = open("counts.npy", "<i8", {n});
      s.classes = open("classes.npy", "<i8", {n, m});
      s.boxes = open("boxes.npy", "<f4", {n, m, 4});
      s.keypoints = open("keypoints.npy", "<f4", {n, m, k, 3});
    }
  }

  void add(const Sample& sample, const PlanRow& row) override {
    Split& s = splits_.at(row.split);
    if (sample.objects.size() > objects_)
      throw std::logic_error("npy: a row with more objects than objects.count allows");
    const Image& image = sample.image;
    s.images->write(
        std::string_view(reinterpret_cast<const char*>(image.pixels.data()), image.pixels.size()));
    std::string index, counts, classes, boxes, keypoints;
    npy::append(index, std::int64_t(sample.index));
    npy::append(counts, std::int64_t(sample.objects.size()));
    for (std::size_t j = 0; j < objects_; ++j) {
      if (j >= sample.objects.size()) {
        npy::append(classes, std::int64_t(-1));
        for (int c = 0; c < 4; ++c) npy::append(boxes, 0.0f);
        for (std::size_t c = 0; c < schema_.slots * 3; ++c) npy::append(keypoints, 0.0f);
        continue;
      }
      const ObjectLabel& l = sample.objects[j];
      npy::append(classes, std::int64_t(class_index(label_class(l.object))));
      // The manifest's numbers (rounded to its decimals), as float32.
      for (double v : {l.bbox.x0, l.bbox.y0, l.bbox.x1, l.bbox.y1})
        npy::append(boxes, float(round_label(v)));
      for (const KeypointSlot& k : keypoint_slots(schema_, l)) {
        npy::append(keypoints, k.v ? float(round_label(k.x)) : 0.0f);
        npy::append(keypoints, k.v ? float(round_label(k.y)) : 0.0f);
        npy::append(keypoints, float(k.v));
      }
    }
    s.index->write(index);
    s.counts->write(counts);
    s.classes->write(classes);
    s.boxes->write(boxes);
    s.keypoints->write(keypoints);
    ++s.written;
  }

  void finish() override {
    for (auto& [name, s] : splits_) {
      // The header promised this many rows.
      if (s.written != s.expected)
        throw std::logic_error("npy: " + name + " got " + std::to_string(s.written) +
                               " rows, its header says " + std::to_string(s.expected));
      for (auto* f : {&s.images, &s.index, &s.counts, &s.classes, &s.boxes, &s.keypoints})
        (*f)->close();
    }
  }

  // Rows written per split (the files' lengths are the output's).
  std::string checkpoint() override {
    nlohmann::ordered_json state = nlohmann::ordered_json::object();
    for (const auto& [name, s] : splits_) state[name] = s.written;
    return state.dump();
  }

  void resume(const std::string& text) override {
    const auto state = nlohmann::ordered_json::parse(text);
    for (auto& [name, s] : splits_) s.written = state.at(name).get<std::uint64_t>();
  }

 private:
  struct Split {
    std::unique_ptr<TextOutput> images, index, counts, classes, boxes, keypoints;
    std::uint64_t expected = 0, written = 0;
  };
  KeypointSchema schema_;
  std::size_t objects_;  // M
  std::map<std::string, Split> splits_;
};

}  // namespace

LayoutDecl npy() {
  return {
      .name = "npy",
      .files = {{"npy/{split}/images.npy", Join::npy},
                {"npy/{split}/index.npy", Join::npy},
                {"npy/{split}/counts.npy", Join::npy},
                {"npy/{split}/classes.npy", Join::npy},
                {"npy/{split}/boxes.npy", Join::npy},
                {"npy/{split}/keypoints.npy", Join::npy}},
      // The raw pixels, then per object a class, a box and K keypoints.
      .row_bytes =
          [](const SampleCost& c) {
            const ImageSpec& image = c.plan.image();
            const double m = double(c.plan.max_objects()), k = double(c.plan.keypoints().slots);
            return double(image.width) * image.height * (image.mode == ImageMode::rgb ? 3 : 1) +
                   16 + m * (8 + 16 + 12 * k);
          },
      .make = [](const DatasetPlan& plan, FileOutput& out) -> std::unique_ptr<Sink> {
        return std::make_unique<Arrays>(plan, out);
      },
  };
}

}  // namespace shapegen::layouts
