// shapegen._shapegen: the library's public API as a Python extension.
// Bindings only: every value comes from the same Config, Generator and
// manifest_line as the CLI; this file converts C++ values to Python ones.
// The friendly API (keyword overrides, dict labels, IndexError) lives in
// shapegen/__init__.py.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "shapegen/catalog.hpp"
#include "shapegen/config.hpp"
#include "shapegen/error.hpp"
#include "shapegen/keypoints.hpp"
#include "shapegen/presets.hpp"
#include "shapegen/rows.hpp"
#include "shapegen/shape_class.hpp"
#include "shapegen/shard.hpp"
#include "shapegen/version.hpp"

namespace py = pybind11;

namespace shapegen {
namespace {

using Array = py::array_t<std::uint8_t, py::array::c_style>;

class PyGenerator {
 public:
  // The CLI's resolution: find_preset + load_recipe (a shard's dataset.ini is
  // read as its whole recipe), so errors read the same.
  PyGenerator(const std::string& preset, const Assignments& overrides, bool masks)
      : config_(load_recipe(find_preset(preset), overrides)),
        rows_(config_, masks),
        masks_(masks),
        height_(rows_.frame().height),
        width_(rows_.frame().width),
        channels_(rows_.frame().channels) {}

  std::uint64_t size() const { return rows_.size(); }
  std::string describe() const { return config_.to_ini(); }
  std::string class_table() const { return rows_.class_table(); }

  py::dict values() const {
    py::dict out;
    for (const OptionDecl& decl : option_table())
      if (!decl.recorded) out[py::str(decl.key)] = format_value(config_.at(decl.key));
    return out;
  }

  // The dataset's keypoint schema (shapegen/keypoints.hpp): slots (K), the
  // slot of each vertex by class id, and flip_idx where a flip maps it right.
  py::dict keypoints() const {
    const KeypointSchema schema = keypoint_schema(config_);
    py::dict slots;
    for (std::size_t i = 0; i < schema.classes.size(); ++i)
      slots[py::int_(schema.classes[i].id)] = schema.slot_of[i];
    py::dict out;
    out["slots"] = schema.slots;
    out["slot_of"] = slots;
    out["flip_idx"] = schema.flip_right() ? py::cast(schema.flip_idx()) : py::none();
    return out;
  }

  // (H, W) for gray, (H, W, 3) for RGB: NumPy's and PIL's layout of a PNG.
  std::vector<py::ssize_t> image_shape(py::ssize_t rows = -1) const {
    std::vector<py::ssize_t> shape;
    if (rows >= 0) shape.push_back(rows);
    shape.push_back(height_);
    shape.push_back(width_);
    if (channels_ == 3) shape.push_back(3);
    return shape;
  }
  py::tuple shape() const { return py::tuple(py::cast(image_shape())); }

  std::vector<std::string> splits() const { return rows_.splits(); }
  // The rows of one split as an int64 array (a DataLoader's indices).
  py::array_t<std::int64_t> split_rows(const std::string& split) const {
    std::vector<std::uint64_t> rows;
    {
      py::gil_scoped_release release;
      rows = rows_.split_rows(split);
    }
    py::array_t<std::int64_t> out(static_cast<py::ssize_t>(rows.size()));
    std::copy(rows.begin(), rows.end(), out.mutable_data());
    return out;
  }

  // (image, manifest line[, instance mask]) of one row.
  py::tuple row(std::uint64_t i) const {
    check_range(i, 1);
    Sample sample;
    std::string line;
    Image instance;
    {
      py::gil_scoped_release release;
      sample = rows_.make(i);
      check_frame(sample);
      line = rows_.manifest_line(sample);
      if (masks_) instance = DatasetRows::instance_mask(sample);
    }
    Array image(image_shape());
    std::memcpy(image.mutable_data(), sample.image.pixels.data(), frame_bytes());
    if (!masks_) return py::make_tuple(image, line);
    Array mask(std::vector<py::ssize_t>{height_, width_});
    std::memcpy(mask.mutable_data(), instance.pixels.data(), instance.pixels.size());
    return py::make_tuple(image, line, mask);
  }

  // Rows first .. first+n-1 made on `jobs` C++ threads without the GIL, each
  // written straight into its slot of one (n, H, W[, 3]) array.
  py::tuple batch(std::uint64_t first, std::uint64_t n, int jobs) const {
    check_range(first, n);
    if (jobs < 1 || jobs > 256)
      throw py::value_error("jobs: value '" + std::to_string(jobs) +
                            "' is invalid; allowed: 1..256");
    Array images(image_shape(static_cast<py::ssize_t>(n)));
    Array masks(masks_ ? std::vector<py::ssize_t>{py::ssize_t(n), height_, width_}
                       : std::vector<py::ssize_t>{0});
    std::uint8_t* image_out = images.mutable_data();
    std::uint8_t* mask_out = masks.mutable_data();
    const std::size_t frame = frame_bytes(), plane = std::size_t(height_) * width_;
    std::vector<std::string> lines(n);
    std::atomic<bool> bad_frame{false};
    {
      py::gil_scoped_release release;
      rows_.make_range(first, n, jobs, [&](std::uint64_t k, Sample& sample) {
        if (sample.image.pixels.size() != frame) return void(bad_frame = true);
        std::memcpy(image_out + k * frame, sample.image.pixels.data(), frame);
        lines[k] = rows_.manifest_line(sample);
        if (masks_)
          std::memcpy(mask_out + k * plane, DatasetRows::instance_mask(sample).pixels.data(),
                      plane);
      });
    }
    if (bad_frame) throw std::logic_error(kBadFrame);
    py::list labels(n);
    for (std::uint64_t k = 0; k < n; ++k) labels[k] = py::str(lines[k]);
    if (!masks_) return py::make_tuple(images, labels);
    return py::make_tuple(images, labels, masks);
  }

 private:
  // Guards the C++ side; shapegen.Generator words the IndexError for users.
  void check_range(std::uint64_t first, std::uint64_t n) const {
    if (first > size() || n > size() - first)
      throw py::index_error("rows " + std::to_string(first) + ".." + std::to_string(first + n) +
                            " out of range: the dataset has " + std::to_string(size()) + " rows");
  }
  // Every row has the configured frame; a copy must never read past an image.
  static constexpr const char* kBadFrame =
      "shapegen: a row's image does not have the configured frame size";
  void check_frame(const Sample& sample) const {
    if (sample.image.pixels.size() != frame_bytes()) throw std::logic_error(kBadFrame);
  }
  std::size_t frame_bytes() const { return std::size_t(height_) * width_ * channels_; }

  Config config_;
  DatasetRows rows_;
  bool masks_;
  py::ssize_t height_, width_;
  int channels_;
};

}  // namespace
}  // namespace shapegen

PYBIND11_MODULE(_shapegen, m) {
  using namespace shapegen;
  m.doc() = "shapegen's C++ library; use the shapegen package, not this module.";
  m.attr("__version__") = kVersion;

  // A bad preset or override is the caller's value: ValueError, with the CLI's message.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const ConfigError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    } catch (const IoError& e) {
      PyErr_SetString(PyExc_OSError, e.what());
    }
  });

  m.def(
      "presets",
      [] {
        std::vector<std::tuple<std::string, std::string, std::string>> out;
        for (const PresetInfo& p : list_presets()) out.emplace_back(p.name, p.path, p.description);
        return out;
      },
      "Built-in presets as (name, path, description).");

  // shapegen.Generator maps Python values (tuples, dicts, lists) by the key's kind.
  m.def(
      "keys",
      [] {
        static constexpr const char* kKinds[] = {"integer", "real",  "range",   "integer_range",
                                                 "weights", "color", "boolean", "choice",
                                                 "list",    "text"};
        static_assert(std::size(kKinds) == static_cast<std::size_t>(Kind::text) + 1,
                      "kKinds names every Kind, in its order");
        std::vector<std::pair<std::string, std::string>> out;
        for (const OptionDecl& decl : option_table())
          if (!decl.recorded) out.emplace_back(decl.key, kKinds[static_cast<int>(decl.kind)]);
        return out;
      },
      "Every preset key (but the recorded ones) as (key, kind), in describe's order.");

  m.def(
      "classes",
      [] {
        std::vector<std::string> out;
        for (const ShapeClass c : shape_classes()) out.emplace_back(class_name(c));
        return out;
      },
      "The shape registry's class names, by class id.");

  py::class_<PyGenerator>(m, "Generator")
      .def(py::init<const std::string&, const Assignments&, bool>(), py::arg("preset"),
           py::arg("overrides"), py::arg("masks") = false)
      .def("__len__", &PyGenerator::size)
      .def("describe", &PyGenerator::describe)
      .def("values", &PyGenerator::values)
      .def("class_table", &PyGenerator::class_table)
      .def("keypoints", &PyGenerator::keypoints)
      .def_property_readonly("shape", &PyGenerator::shape)
      .def("splits", &PyGenerator::splits)
      .def("split_rows", &PyGenerator::split_rows, py::arg("split"))
      .def("row", &PyGenerator::row, py::arg("index"))
      .def("batch", &PyGenerator::batch, py::arg("first"), py::arg("n"), py::arg("jobs"));
}
