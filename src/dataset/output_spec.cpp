#include "dataset/output_spec.hpp"

#include "dataset/layouts/layout.hpp"

namespace shapegen {

namespace {

// WebDataset tars are switched on by their size rather than by a name in
// output.formats: an optional key keeps every recipe without tars unchanged.
OptionDecl webdataset_samples() {
  return declare::optional(declare::integer(
      "output.webdataset_samples", "0", 0, 1e9,
      "Samples per WebDataset tar (webdataset/<split>-NNNNNN.tar of <key>.png, .json, .cls); 0: "
      "no tars. '--formats webdataset' sets it to 1000 unless it is given."));
}

// Optional too: recipes from before the key keep their bytes.
OptionDecl coco_segmentation() {
  return declare::optional(declare::choice(
      "output.coco_segmentation", name_of(CocoSegmentation::polygon), names_of<CocoSegmentation>(),
      "COCO segmentation: the outline polygon clipped to the frame (polygon; the region, not "
      "occluder-aware) or the visible mask as compressed RLE, pixel for pixel the masks "
      "layout's instance mask (rle); area follows it."));
}

// Optional too: recipes that keep COCOeval's sigma stay as they were.
OptionDecl keypoint_sigmas() {
  return declare::optional(declare::text(
      "output.keypoint_sigmas", "0.025",
      "OKS sigmas of the keypoint slots, recorded in COCO's info as 'keypoint_sigmas' for "
      "COCOeval (params.kpt_oks_sigmas): one number for every slot, or one per slot (K, the "
      "largest vertex count of the label classes) separated by commas."));
}

// "train:1, val:0, test:0": every row in the first split.
std::string all_in_the_first_split() {
  std::string out;
  for (const std::string& split : names_of<Split>())
    out += (out.empty() ? "" : ", ") + split + (out.empty() ? ":1" : ":0");
  return out;
}

}  // namespace

const ParamList<OutputSpec>& output_params() {
  using namespace declare;
  using P = OutputSpec;
  static const ParamList<OutputSpec> params = {
      field(&P::formats,
            list("output.formats", "", layouts::format_names(),
                 "Dataset layouts written beside the manifest (several at once); empty: images and "
                 "manifest only.")),
      field(&P::split,
            weights("output.split", all_in_the_first_split(), names_of<Split>(),
                    "Fractions of base samples in each split; all variants of a base share its "
                    "split.")),
      field(&P::split_mode,
            choice("output.split_mode", name_of(SplitMode::hash), names_of<SplitMode>(),
                   "hash: each base sample draws its split from its own seed (stable as count "
                   "grows); exact: per class, split sizes are exactly the fractions (largest "
                   "remainder).")),
      field(&P::yolo_task,
            choice("output.yolo_task", name_of(YoloTask::detect), names_of<YoloTask>(),
                   "YOLO label rows: boxes (detect), polygons (segment), or boxes with the "
                   "keypoint slots (pose: kpt_shape and flip_idx in data.yaml).")),
      field(&P::link, choice("output.link", name_of(LinkMode::hardlink), names_of<LinkMode>(),
                             "How layouts refer to the primary image file (hardlink falls back to "
                             "copy).")),
      field(&P::webdataset_samples, webdataset_samples()),
      field(&P::coco_segmentation, coco_segmentation()),
      field(&P::keypoint_sigmas, keypoint_sigmas()),
  };
  return params;
}

}  // namespace shapegen
