// Masks: per image DIR/masks/semantic/<stem>.png (0 background, 1 triangle,
// 2 circle, 3 square) and DIR/masks/instance/<stem>.png (0 background, k for
// the k-th object of the manifest), gray8 and pixel-aligned with the image.
// Each pixel has at most one owner, decided in label_scene (the object that
// shows the most ink there), so each object's mask spans its visible bbox.
#include "dataset/layouts/layout.hpp"
#include "shapegen/png.hpp"

namespace fs = std::filesystem;

namespace shapegen::layouts {

namespace {

class Masks : public Layout {
 public:
  explicit Masks(const Context& context)
      : context_(context), level_(int(context.config.integer("image.png_compression"))) {
    fs::create_directories(context.dir / "masks/semantic");
    fs::create_directories(context.dir / "masks/instance");
  }

  void add(const Sample& sample, const Row& row) override {
    const int w = sample.scene.width, h = sample.scene.height;
    Image semantic(w, h, 1), instance(w, h, 1);
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x) {
        int best = 0, owner = -1;
        for (std::size_t j = 0; j < sample.visible.size(); ++j)
          if (sample.visible[j].at(x, y) > best) best = sample.visible[j].at(x, y), owner = int(j);
        if (owner < 0) continue;
        semantic.at(x, y) = static_cast<std::uint8_t>(class_index(sample.objects[owner].object.shape) + 1);
        instance.at(x, y) = static_cast<std::uint8_t>(owner + 1);
      }
    write_png((context_.dir / "masks/semantic" / (row.stem + ".png")).string(), semantic, level_);
    write_png((context_.dir / "masks/instance" / (row.stem + ".png")).string(), instance, level_);
  }

 private:
  const Context& context_;
  int level_;
};

}  // namespace

std::unique_ptr<Layout> masks(const Context& context) { return std::make_unique<Masks>(context); }

}  // namespace shapegen::layouts
