// WebDataset: DIR/webdataset/<split>-NNNNNN.tar, each the next
// output.webdataset_samples rows of its split in index order: tar k of a
// split holds the rows whose place among that split's rows (counting from 0)
// is in [k*S, (k+1)*S). Per row, contiguous, named by its stem (a key
// without dots): <stem>.png (the bytes of images/<stem>.png), <stem>.json
// (its manifest line) and <stem>.cls (class index of the first object, as
// YOLO numbers classes; left out when no object was placed). A shard writes
// the part of each tar that falls in its rows, under the tar's own name;
// merge joins those parts into the very tars one run writes.
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "dataset/layouts/layout.hpp"
#include "dataset/manifest.hpp"
#include "dataset/tar.hpp"
#include "shapegen/png.hpp"

namespace shapegen::layouts {

namespace {

class WebDataset : public Sink {
 public:
  WebDataset(const DatasetPlan& plan, FileOutput& out)
      : out_(out),
        samples_(plan.output().webdataset_samples),
        png_encoder_(plan.image().png_encoder),
        png_level_(plan.image().png_compression),
        // A shard continues its splits' numbering where the rows before it end.
        placed_(plan.split_rows_before(plan.rows().first)) {}

  // Encoded on the workers; written in index order by add().
  void add_files(const Sample& sample, const PlanRow& row) const override {
    auto png = encode_png(sample.image, png_encoder_, png_level_);
    std::lock_guard<std::mutex> guard(lock_);
    png_[row.index].assign(png.begin(), png.end());
  }

  void add(const Sample& sample, const PlanRow& row) override {
    const std::uint64_t place = placed_[row.split]++;
    Tar& tar = tars_[row.split];
    if (!tar.out || tar.number != place / samples_) {
      close(tar);
      tar.number = place / samples_;
      tar.out = out_.open_text(tar_name(row.split, tar.number), TextCheck::tar);
    }
    std::string png;
    {
      std::lock_guard<std::mutex> guard(lock_);
      auto it = png_.find(row.index);
      png = std::move(it->second);
      png_.erase(it);
    }
    write(tar, tar::member(row.stem + ".png", png));
    write(tar, tar::member(row.stem + ".json", manifest_line(sample, row.file, row.split)));
    if (!sample.objects.empty())
      write(tar, tar::member(row.stem + ".cls",
                             std::to_string(class_index(label_class(sample.objects[0].object)))));
  }

  void finish() override {
    for (auto& [split, tar] : tars_) close(tar);
  }

  // Rows placed per split and the open tars (their bytes are the file's).
  std::string checkpoint() override {
    nlohmann::ordered_json state = {{"placed", placed_},
                                    {"open", nlohmann::ordered_json::object()}};
    for (const auto& [split, tar] : tars_)
      if (tar.out) state["open"][split] = {tar.number, tar.written};
    return state.dump();
  }

  void resume(const std::string& text) override {
    const auto state = nlohmann::ordered_json::parse(text);
    placed_ = state.at("placed").get<std::map<std::string, std::uint64_t>>();
    for (const auto& [split, open] : state.at("open").items()) {
      Tar& tar = tars_[split];
      tar.number = open.at(0).get<std::uint64_t>();
      tar.written = open.at(1).get<std::uint64_t>();
      tar.out = out_.open_text(tar_name(split, tar.number), TextCheck::tar);  // continued
    }
  }

 private:
  struct Tar {
    std::unique_ptr<TextOutput> out;
    std::uint64_t number = 0;
    std::uint64_t written = 0;
  };

  static std::string tar_name(const std::string& split, std::uint64_t number) {
    std::string digits = std::to_string(number);
    if (digits.size() < 6) digits.insert(0, 6 - digits.size(), '0');
    return "webdataset/" + split + "-" + digits + ".tar";
  }

  static void write(Tar& tar, const std::string& bytes) {
    tar.out->write(bytes);
    tar.written += bytes.size();
  }

  static void close(Tar& tar) {
    if (!tar.out) return;
    tar.out->write(tar::end(tar.written));
    tar.out->close();
    tar.out.reset();
    tar.written = 0;
  }

  FileOutput& out_;
  std::uint64_t samples_;
  PngEncoder png_encoder_;  // as the primary images: members are their bytes
  int png_level_;
  std::map<std::string, std::uint64_t> placed_;  // rows of each split so far
  std::map<std::string, Tar> tars_;              // the open tar of each split
  mutable std::mutex lock_;
  mutable std::unordered_map<std::uint64_t, std::string> png_;  // of rows between the two steps
};

}  // namespace

LayoutDecl webdataset() {
  return {
      .name = "webdataset",
      // By its tar size: recipes without tars keep their bytes.
      .switched_on = [](const OutputSpec& o) { return o.webdataset_samples > 0; },
      .named_in_formats =
          [](Config& config) {
            if (bind_params(config, output_params()).webdataset_samples > 0) return;
            config.set(key_of(output_params(), &OutputSpec::webdataset_samples), "1000",
                       "--formats");
          },
      .files = {{"webdataset/{split}-{n}.tar", Join::tar}},
      // The image and the manifest line again, three member headers and padding.
      .row_bytes = [](const SampleCost& c) { return c.png_bytes + c.line_bytes + 3 * 512 + 1024; },
      .make = [](const DatasetPlan& plan, FileOutput& out) -> std::unique_ptr<Sink> {
        return std::make_unique<WebDataset>(plan, out);
      },
  };
}

}  // namespace shapegen::layouts
