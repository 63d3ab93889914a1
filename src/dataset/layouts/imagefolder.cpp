// ImageFolder: DIR/<split>/<class>/<stem>.png, the layout of
// torchvision.datasets.ImageFolder and Keras image_dataset_from_directory.
// An image's class is the label class of its first (bottom-most) object.
#include "dataset/layouts/layout.hpp"

namespace shapegen::layouts {

namespace {

class ImageFolder : public Sink {
 public:
  explicit ImageFolder(FileOutput& out) : out_(out) {}
  void add_files(const Sample& sample, const PlanRow& row) const override {
    if (sample.objects.empty()) return;
    const char* cls = class_name(label_class(sample.objects[0].object));
    out_.place_image(row.split + "/" + cls + "/" + row.stem + ".png", row.file, sample.image);
  }

 private:
  FileOutput& out_;
};

}  // namespace

LayoutDecl imagefolder() {
  return {
      .name = "imagefolder",
      .files = {{"{split}/{class}/{stem}.png", Join::row}},
      .row_bytes = [](const SampleCost&) { return 0.0; },  // links to images/
      .make = [](const DatasetPlan&, FileOutput& out) -> std::unique_ptr<Sink> {
        return std::make_unique<ImageFolder>(out);
      },
  };
}

}  // namespace shapegen::layouts
