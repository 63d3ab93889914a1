// Masks: per image DIR/masks/semantic/<stem>.png (0 background, else the
// owner's class id + 1: 1 triangle, 2 circle, 3 square) and
// DIR/masks/instance/<stem>.png (0 background, k for the k-th object of the
// manifest), gray8 and pixel-aligned with the image.
// Each pixel has at most one owner, decided in label_scene (the object that
// shows the most ink there), so each object's mask spans its visible bbox.
#include "dataset/layouts/layout.hpp"

namespace shapegen::layouts {

namespace {

class Masks : public Sink {
 public:
  explicit Masks(FileOutput& out) : out_(out) {}

  void add_files(const Sample& sample, const PlanRow& row) const override {
    const int w = sample.scene.width, h = sample.scene.height;
    Image semantic(w, h, 1), instance(w, h, 1);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        int best = 0, owner = -1;
        for (std::size_t j = 0; j < sample.visible.size(); ++j)
          if (sample.visible[j].at(x, y) > best) best = sample.visible[j].at(x, y), owner = int(j);
        if (owner < 0) continue;
        semantic.at(x, y) =
            static_cast<std::uint8_t>(class_index(sample.objects[owner].object.shape) + 1);
        instance.at(x, y) = static_cast<std::uint8_t>(owner + 1);
      }
    out_.write_image("masks/semantic/" + row.stem + ".png", semantic, ImageCheck::exact, row.index);
    out_.write_image("masks/instance/" + row.stem + ".png", instance, ImageCheck::exact, row.index);
  }

 private:
  FileOutput& out_;
};

}  // namespace

LayoutDecl masks() {
  return {LayoutKind::masks, "masks", /*keep_masks=*/true,
          [](const DatasetPlan&, FileOutput& out) -> std::unique_ptr<Sink> {
            return std::make_unique<Masks>(out);
          }};
}

}  // namespace shapegen::layouts
