// ImageFolder: DIR/<split>/<class>/<stem>.png, the layout of
// torchvision.datasets.ImageFolder and Keras image_dataset_from_directory.
// An image's class is the class of its first (bottom-most) object.
#include "dataset/layouts/layout.hpp"

namespace shapegen::layouts {

namespace {

class ImageFolder : public Layout {
 public:
  explicit ImageFolder(const Context& context) : context_(context) {}
  void add(const Sample& sample, const Row& row) override {
    if (sample.objects.empty()) return;
    const char* cls = class_name(sample.objects[0].object.shape);
    place_image(context_, row.file, context_.dir / row.split / cls / (row.stem + ".png"));
  }

 private:
  const Context& context_;
};

}  // namespace

std::unique_ptr<Layout> imagefolder(const Context& context) { return std::make_unique<ImageFolder>(context); }

}  // namespace shapegen::layouts
