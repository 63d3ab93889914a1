#pragma once
// The [output] keys, each bound to the field it fills (params/bind.hpp):
// which layouts are written and how. The names output.formats allows come
// from the layout table (layouts/layout.hpp), so a layout is named once.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "params/bind.hpp"

namespace shapegen {

// The splits a dataset may have, in the order output.split lists them.
enum class Split { train, val, test };
constexpr std::array<EnumName<Split>, 3> enum_names(Split) {
  return {{{Split::train, "train"}, {Split::val, "val"}, {Split::test, "test"}}};
}

enum class SplitMode { hash, exact };
constexpr std::array<EnumName<SplitMode>, 2> enum_names(SplitMode) {
  return {{{SplitMode::hash, "hash"}, {SplitMode::exact, "exact"}}};
}

enum class YoloTask { detect, segment, pose };
constexpr std::array<EnumName<YoloTask>, 3> enum_names(YoloTask) {
  return {{{YoloTask::detect, "detect"}, {YoloTask::segment, "segment"}, {YoloTask::pose, "pose"}}};
}

enum class CocoSegmentation { polygon, rle };
constexpr std::array<EnumName<CocoSegmentation>, 2> enum_names(CocoSegmentation) {
  return {{{CocoSegmentation::polygon, "polygon"}, {CocoSegmentation::rle, "rle"}}};
}

enum class LinkMode { hardlink, symlink, copy };
constexpr std::array<EnumName<LinkMode>, 3> enum_names(LinkMode) {
  return {
      {{LinkMode::hardlink, "hardlink"}, {LinkMode::symlink, "symlink"}, {LinkMode::copy, "copy"}}};
}

struct OutputSpec {
  std::vector<std::string> formats;  // layouts chosen by name, as given
  Weights split;                     // over names_of<Split>()
  SplitMode split_mode = SplitMode::hash;
  YoloTask yolo_task = YoloTask::detect;
  LinkMode link = LinkMode::hardlink;
  std::uint64_t webdataset_samples = 0;  // samples per tar; 0: no tars
  CocoSegmentation coco_segmentation = CocoSegmentation::polygon;
  std::string keypoint_sigmas;  // as written; shapegen/keypoints.hpp parses it
};

// output.formats, output.split, output.split_mode, output.yolo_task,
// output.link, output.webdataset_samples, output.coco_segmentation,
// output.keypoint_sigmas: in describe's order.
const ParamList<OutputSpec>& output_params();

}  // namespace shapegen
