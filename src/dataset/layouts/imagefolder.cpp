// ImageFolder: DIR/<split>/<id>_<name>/<stem>.png, the layout of
// torchvision.datasets.ImageFolder and Keras image_dataset_from_directory.
// An image's class is the label class of its first (bottom-most) object.
// The folders are named "<id>_<name>" (class_table.hpp): torchvision numbers
// the folders it finds in sorted order, which then is the order of the ids.
#include "dataset/class_table.hpp"
#include "dataset/layouts/layout.hpp"

namespace fs = std::filesystem;

namespace shapegen::layouts {

namespace {

class ImageFolder : public Sink {
 public:
  ImageFolder(const DatasetPlan& plan, FileOutput& out)
      : out_(out), classes_(plan.generator().label_classes()) {}
  void add_files(const Sample& sample, const PlanRow& row) const override {
    if (sample.objects.empty()) return;
    const std::string cls = class_folder(label_class(sample.objects[0].object), classes_);
    out_.place_image(row.split + "/" + cls + "/" + row.stem + ".png", row.file, sample.image);
  }

 private:
  FileOutput& out_;
  std::vector<ShapeClass> classes_;
};

// torchvision numbers only the folders a split has: one lacking a class
// numbers the classes after it one lower than classes.json does.
std::vector<std::string> missing_classes(const DatasetPlan& plan, const fs::path& dataset) {
  const std::vector<ShapeClass> classes = plan.generator().label_classes();
  std::vector<std::string> lines;
  for (const std::string& split : plan.splits()) {
    std::error_code ec;
    if (!fs::is_directory(dataset / split, ec)) {
      // Its share of output.split gave no row an image: there is nothing to load.
      lines.push_back("imagefolder: split '" + split + "' has no images");
      continue;
    }
    std::string missing, shifted;
    for (ShapeClass c : classes) {
      const std::string folder = class_folder(c, classes);
      if (!fs::is_directory(dataset / split / folder, ec))
        missing += (missing.empty() ? "" : ", ") + folder;
      else if (!missing.empty())
        shifted += (shifted.empty() ? "" : ", ") + folder;
    }
    if (missing.empty()) continue;
    const bool several = missing.find(',') != std::string::npos;
    lines.push_back(
        "imagefolder: split '" + split + "' has no image of class" + (several ? "es " : " ") +
        missing + ": torchvision's ImageFolder numbers only the folders present, so " +
        (shifted.empty()
             ? "it knows fewer classes than classes.json"
             : "its indices of " + shifted + " shift down from the ids in classes.json"));
  }
  return lines;
}

}  // namespace

LayoutDecl imagefolder() {
  return {
      .name = "imagefolder",
      .files = {{"{split}/{class}/{stem}.png", Join::row}},
      .row_bytes = [](const SampleCost&) { return 0.0; },  // links to images/
      .warnings = missing_classes,
      .make = [](const DatasetPlan& plan, FileOutput& out) -> std::unique_ptr<Sink> {
        return std::make_unique<ImageFolder>(plan, out);
      },
  };
}

}  // namespace shapegen::layouts
