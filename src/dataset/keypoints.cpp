#include "shapegen/keypoints.hpp"

#include <algorithm>
#include <stdexcept>

#include "base/printable.hpp"
#include "dataset/layouts/layout.hpp"
#include "dataset/output_spec.hpp"
#include "scene/scene_spec.hpp"
#include "shapegen/error.hpp"
#include "shapes/registry.hpp"

namespace shapegen {

std::vector<std::size_t> vertex_slots(std::size_t n, std::size_t slots, bool* flip_exact) {
  if (n > slots) throw std::logic_error("vertex_slots: more vertices than slots");
  std::vector<std::size_t> out(n);
  if (n == 0) return out;
  out[0] = 0;
  // Vertex j and its mirror n - j in mirrored slots j and K - j.
  for (std::size_t j = 1; 2 * j < n; ++j) out[j] = j, out[n - j] = slots - j;
  if (n % 2 == 0) {
    // The middle vertex mirrors itself: slot K/2 does too when K is even;
    // with K odd none does (but slot 0, taken), so it takes the next free slot.
    const bool even = slots % 2 == 0;
    out[n / 2] = even ? slots / 2 : n / 2;
    if (!even && flip_exact) *flip_exact = false;
  }
  return out;
}

KeypointSchema keypoint_schema(const std::vector<ShapeClass>& label_classes, bool clockwise) {
  KeypointSchema schema;
  schema.classes = label_classes;
  schema.clockwise = clockwise;
  for (ShapeClass c : label_classes)
    schema.slots = std::max(schema.slots, shape_decl(c).vertex_names.size());
  for (ShapeClass c : label_classes)
    schema.slot_of.push_back(
        vertex_slots(shape_decl(c).vertex_names.size(), schema.slots, &schema.flip_exact));
  return schema;
}

// The drawn classes and their labels: shape.classes, shape.labels.
static ShapeSpec shape_spec(const Config& config) {
  ShapeSpec shape = bind_params(config, shape_params());
  const ShapeSpec last = bind_params(config, shape_label_params());
  shape.label_of = parse_label_map(last.labels);
  shape.vertex_order = last.vertex_order;
  return shape;
}

KeypointSchema keypoint_schema(const Config& config) {
  const ShapeSpec shape = shape_spec(config);
  return keypoint_schema(listed_classes(shape),
                         shape.vertex_order == VertexOrder::clockwise_from_top);
}

std::vector<std::size_t> KeypointSchema::flip_idx() const {
  std::vector<std::size_t> out(slots);
  for (std::size_t s = 0; s < slots; ++s) out[s] = (slots - s) % slots;
  return out;
}

const std::vector<std::size_t>& KeypointSchema::slots_of(ShapeClass c) const {
  for (std::size_t i = 0; i < classes.size(); ++i)
    if (classes[i] == c) return slot_of[i];
  throw std::logic_error(std::string("keypoint schema: class '") + class_name(c) +
                         "' is not a label class of the dataset");
}

std::vector<std::string> KeypointSchema::names(ShapeClass c) const {
  std::vector<std::string> out;
  for (std::size_t s = 0; s < slots; ++s) out.push_back("unused_" + std::to_string(s));
  const std::vector<std::string>& vertex = shape_decl(c).vertex_names;
  const std::vector<std::size_t>& at = slots_of(c);
  for (std::size_t v = 0; v < vertex.size(); ++v) out[at[v]] = vertex[v];
  return out;
}

std::vector<std::array<int, 2>> KeypointSchema::skeleton(ShapeClass c) const {
  const std::vector<std::size_t>& at = slots_of(c);
  std::vector<std::array<int, 2>> out;
  for (const auto& [a, b] : shape_decl(c).skeleton)
    out.push_back({int(at[std::size_t(a)]), int(at[std::size_t(b)])});
  return out;
}

std::vector<KeypointSlot> keypoint_slots(const KeypointSchema& schema, const ObjectLabel& label) {
  std::vector<KeypointSlot> out(schema.slots);
  const std::vector<std::size_t>& at = schema.slots_of(label_class(label.object));
  for (std::size_t i = 0; i < label.vertices.size() && i < at.size(); ++i) {
    const VertexLabel& v = label.vertices[i];
    if (v.in_frame) out[at[i]] = {v.point.x, v.point.y, v.visible ? 2 : 1};
  }
  return out;
}

static const char* kSigmasKey = "output.keypoint_sigmas";

std::vector<double> keypoint_sigmas(const std::string& text, std::size_t slots) {
  const std::string K = std::to_string(slots);
  auto fail = [&](const std::string& why) {
    throw ConfigError(
        std::string("key '") + kSigmasKey + "': value '" + printable(text) + "' is invalid (" +
        why + "); allowed: one number > 0 for every slot, or " + K +
        " numbers > 0 separated by commas (the dataset's keypoint slots, K = " + K + ")");
  };
  std::vector<double> sigmas;
  std::size_t at = 0;
  while (true) {
    const std::size_t comma = std::min(text.find(',', at), text.size());
    std::string item = text.substr(at, comma - at);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    double v = 0;
    try {
      v = parse_real(item);
    } catch (const std::invalid_argument&) {
      fail("'" + printable(item) + "' is not a number");
    }
    if (!(v > 0)) fail("'" + printable(item) + "' is not > 0");
    sigmas.push_back(v);
    if (comma >= text.size()) break;
    at = comma + 1;
  }
  if (sigmas.size() == 1) return std::vector<double>(slots, sigmas[0]);
  if (sigmas.size() != slots) fail(std::to_string(sigmas.size()) + " numbers");
  return sigmas;
}

void check_keypoint_config(const Config& config) {
  const OutputSpec output = bind_params(config, output_params());
  const KeypointSchema schema = keypoint_schema(config);
  keypoint_sigmas(output.keypoint_sigmas, schema.slots);
  const std::string yolo_name = layouts::yolo().name;
  const bool yolo =
      std::find(output.formats.begin(), output.formats.end(), yolo_name) != output.formats.end();
  if (!yolo || output.yolo_task != YoloTask::pose) return;
  // Every pose row carries a box and K keypoints: a class with none has no pose.
  const ShapeSpec shape = shape_spec(config);
  for (ShapeClass c : shape_classes()) {
    if (shape.classes.of(c) <= 0) continue;
    const ShapeClass label = shape.label_of[std::size_t(c.id)];
    if (shape_decl(label).vertex_names.empty())
      throw ConfigError(std::string("key 'output.yolo_task': value 'pose' needs vertices on "
                                    "every class drawn, but '") +
                        class_name(label) +
                        "' has none; allowed: detect or segment, or shape.classes without '" +
                        class_name(c) + "'");
  }
}

}  // namespace shapegen
