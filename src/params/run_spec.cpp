#include "params/run_spec.hpp"

namespace shapegen {

const ParamList<RunSpec>& run_params() {
  using namespace declare;
  using P = RunSpec;
  static const ParamList<RunSpec> params = {
      field(&P::description,
            text("dataset.description", "", "One line saying what this preset is for.")),
      field(&P::count, integer("dataset.count", "1000", 1, 1e9, "Number of samples to generate.")),
      field(&P::seed, integer("dataset.seed", "1", 0, 9007199254740992.0,
                              "Seed of the whole dataset; sample i is a pure function of (preset, "
                              "seed, i).")),
      field(&P::variants,
            integer("dataset.variants", "0", 0, 1000,
                    "Augmented variants written per base sample, after the un-augmented original "
                    "(variant 0); 0 writes one augmented row per sample.")),
  };
  return params;
}

std::vector<OptionDecl> output_options() {
  using namespace declare;
  return {
      list("output.formats", "", {"imagefolder", "coco", "yolo", "masks"},
           "Dataset layouts written beside the manifest (several at once); empty: images and "
           "manifest only."),
      weights("output.split", "train:1, val:0, test:0", {"train", "val", "test"},
              "Fractions of base samples in each split; all variants of a base share its split."),
      choice("output.split_mode", "hash", {"hash", "exact"},
             "hash: each base sample draws its split from its own seed (stable as count grows); "
             "exact: per class, split sizes are exactly the fractions (largest remainder)."),
      choice("output.yolo_task", "detect", {"detect", "segment"},
             "YOLO label rows: boxes (detect) or polygons (segment)."),
      choice("output.link", "hardlink", {"hardlink", "symlink", "copy"},
             "How layouts refer to the primary image file (hardlink falls back to copy)."),
      webdataset_samples(),
  };
}

// WebDataset tars are switched on by their size rather than by a name in
// output.formats: an optional key keeps every recipe without tars unchanged.
OptionDecl webdataset_samples() {
  OptionDecl decl = declare::integer(
      "output.webdataset_samples", "0", 0, 1e9,
      "Samples per WebDataset tar (webdataset/<split>-NNNNNN.tar of <key>.png, .json, .cls); 0: "
      "no tars. '--formats webdataset' sets it to 1000 unless it is given.");
  decl.optional = true;
  return decl;
}

std::vector<OptionDecl> recorded_options() {
  std::vector<OptionDecl> out;
  for (const char* lib : {"shapegen", "cairo", "pixman", "libpng"}) {
    OptionDecl version =
        declare::text(std::string("dataset.") + lib + "_version", "",
                      std::string("Version of ") + lib +
                          " that wrote this dataset (recorded for verify, not read).");
    version.recorded = true;
    out.push_back(version);
  }
  return out;
}

}  // namespace shapegen
