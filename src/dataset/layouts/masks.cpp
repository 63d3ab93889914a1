// Masks: per image DIR/masks/semantic/<stem>.png (0 background, else the
// owner's label class id + 1: 1 triangle, 2 circle, 3 square, ...) and
// DIR/masks/instance/<stem>.png (0 background, k for the k-th object of the
// manifest), gray8 and pixel-aligned with the image.
// Each pixel has at most one owner, decided in label_scene (the object that
// shows the most ink there), so each object's mask spans its visible bbox.
#include "dataset/layouts/layout.hpp"
#include "sample/labels.hpp"
#include "shapegen/png.hpp"

namespace shapegen::layouts {

namespace {

class Masks : public Sink {
 public:
  explicit Masks(FileOutput& out) : out_(out) {}

  void add_files(const Sample& sample, const PlanRow& row) const override {
    const Image instance = instance_mask(sample);
    Image semantic(instance.width, instance.height, 1);
    for (std::size_t i = 0; i < instance.pixels.size(); ++i)
      if (const int owner = instance.pixels[i])
        semantic.pixels[i] = static_cast<std::uint8_t>(
            class_index(label_class(sample.objects[owner - 1].object)) + 1);
    out_.write_image("masks/semantic/" + row.stem + ".png", semantic, ImageCheck::exact, row.index);
    out_.write_image("masks/instance/" + row.stem + ".png", instance, ImageCheck::exact, row.index);
  }

 private:
  FileOutput& out_;
};

}  // namespace

LayoutDecl masks() {
  return {
      .name = "masks",
      .keep_masks = [](const OutputSpec&) { return true; },
      .files = {{"masks/semantic/{stem}.png", Join::row}, {"masks/instance/{stem}.png", Join::row}},
      // Two gray images, each about as large as the instance mask encoded.
      .row_bytes =
          [](const SampleCost& c) {
            const ImageSpec& image = c.plan.image();
            return 2 * double(encode_png(instance_mask(c.sample), image.png_encoder,
                                         image.png_compression)
                                  .size());
          },
      .make = [](const DatasetPlan&, FileOutput& out) -> std::unique_ptr<Sink> {
        return std::make_unique<Masks>(out);
      },
  };
}

}  // namespace shapegen::layouts
