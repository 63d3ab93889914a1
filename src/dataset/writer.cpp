#include "shapegen/dataset.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <vector>

#include "dataset/layouts/layout.hpp"
#include "base/parallel.hpp"
#include "shapegen/error.hpp"
#include "dataset/manifest.hpp"
#include "shapegen/png.hpp"
#include "shapegen/generator.hpp"
#include "dataset/split.hpp"

namespace fs = std::filesystem;

namespace shapegen {

std::string sample_stem(std::uint64_t index, std::uint64_t count) {
  const std::size_t digits = std::max<std::size_t>(6, std::to_string(count - 1).size());
  std::string s = std::to_string(index);
  return std::string(digits - std::min(digits, s.size()), '0') + s;
}

void check_output_dir(const std::string& out_dir, bool overwrite) {
  std::error_code ec;
  const fs::path out(out_dir);
  if (!fs::exists(out, ec)) return;
  if (!fs::is_directory(out, ec))
    throw IoError("--out '" + out_dir + "': exists and is not a folder");
  if (fs::is_empty(out, ec)) return;
  if (!overwrite)
    throw IoError("--out '" + out_dir + "': folder is not empty; pass --overwrite to replace it");
  if (!fs::exists(out / "dataset.ini"))
    throw IoError("--out '" + out_dir +
                  "': refusing to replace a folder that is not a shapegen dataset (no "
                  "dataset.ini); choose an empty or new folder");
}

namespace {

// A sample with its PNG bytes, produced by a worker, written in index order.
struct Encoded {
  Sample sample;
  std::vector<std::uint8_t> png;
};

class Staging {
 public:
  // `out` without a trailing separator ("ds/" is the folder "ds").
  explicit Staging(const fs::path& out) : out_(out.has_filename() ? out : out.parent_path()) {
    const fs::path parent = out_.has_parent_path() ? out_.parent_path() : fs::path(".");
    dir_ = parent / ("." + out_.filename().string() + ".partial-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (!ec) fs::create_directory(dir_, ec);
    if (!ec) fs::create_directory(dir_ / "images", ec);
    if (ec)
      throw IoError("--out '" + out_.string() + "': cannot create the dataset there (" +
                    ec.message() + ")");
  }
  ~Staging() {
    std::error_code ec;
    if (!committed_) fs::remove_all(dir_, ec);
  }
  const fs::path& dir() const { return dir_; }

  // Swaps the finished folder into place; an old dataset goes only after the
  // new one is there.
  void commit() {
    std::error_code ec;
    fs::path old;
    if (fs::exists(out_)) {
      old = dir_.string() + "-old";
      fs::rename(out_, old, ec);
      if (ec) throw IoError("--out '" + out_.string() + "': cannot replace it (" + ec.message() + ")");
    }
    fs::rename(dir_, out_, ec);
    if (ec) throw IoError("--out '" + out_.string() + "': cannot move the dataset in (" + ec.message() + ")");
    committed_ = true;
    if (!old.empty()) fs::remove_all(old, ec);
  }

 private:
  fs::path out_;
  fs::path dir_;
  bool committed_ = false;
};

std::ofstream open_for_writing(const fs::path& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw IoError(path.string() + ": cannot be written");
  return out;
}

}  // namespace

void generate_dataset(const Config& config, const GenerateOptions& options) {
  check_output_dir(options.out_dir, options.overwrite);
  const int level = static_cast<int>(config.integer("image.png_compression"));
  const int jobs = std::max(1, options.jobs);
  const auto& formats = std::get<NameList>(config.at("output.formats")).names;
  const auto wants = [&](const char* f) { return std::find(formats.begin(), formats.end(), f) != formats.end(); };
  const Generator generator(config, wants("masks"));
  const Splitter splitter(config, Sampler(config));
  const std::uint64_t count = generator.row_count();

  Staging staging(options.out_dir);
  const layouts::Context context{staging.dir(), fs::absolute(options.out_dir).lexically_normal(), config,
                                 splitter.splits(), config.to_ini()};
  std::vector<std::unique_ptr<layouts::Layout>> outputs;
  if (wants("imagefolder")) outputs.push_back(layouts::imagefolder(context));
  if (wants("coco")) outputs.push_back(layouts::coco(context));
  if (wants("yolo")) outputs.push_back(layouts::yolo(context));
  if (wants("masks")) outputs.push_back(layouts::masks(context));
  std::ofstream manifest = open_for_writing(staging.dir() / "manifest.jsonl");
  std::ofstream csv = open_for_writing(staging.dir() / "labels.csv");
  csv << csv_header();

  // Workers fill a batch; the batch is then written in index order, so the
  // output never depends on `jobs`.
  // Big frames get smaller batches: about 512 MiB of pixels in flight at most.
  const std::uint64_t sample_bytes = std::uint64_t(config.integer("image.width")) *
                                     std::uint64_t(config.integer("image.height")) * 4;
  const std::uint64_t batch_size =
      std::max<std::uint64_t>(jobs, std::min<std::uint64_t>(16 * jobs, (512ull << 20) / sample_bytes));
  std::vector<Encoded> batch;
  for (std::uint64_t first = 0; first < count; first += batch_size) {
    if (options.cancel && options.cancel->load())
      throw IoError("interrupted after " + std::to_string(first) + " of " + std::to_string(count) +
                    " samples; nothing was written to --out '" + options.out_dir + "'");
    const std::uint64_t n = std::min(batch_size, count - first);
    batch.assign(n, {});
    parallel_for(n, jobs, [&](std::uint64_t k) {
      batch[k].sample = generator.make_row(first + k);
      batch[k].png = encode_png(batch[k].sample.image, level);
    });
    for (const Encoded& e : batch) {
      const std::string stem = sample_stem(e.sample.index, count);
      const layouts::Row row{stem, "images/" + stem + ".png", splitter.split_of(e.sample.base_index)};
      write_file_atomic((staging.dir() / row.file).string(), e.png.data(), e.png.size());
      manifest << manifest_line(e.sample, row.file, row.split) << '\n';
      csv << csv_rows(e.sample, row.file, row.split);
      for (auto& output : outputs) output->add(e.sample, row);
    }
    if (options.progress) options.progress(first + n, count);
  }
  for (auto& output : outputs) output->finish();
  manifest.close();
  csv.close();
  if (!manifest || !csv) throw IoError("--out '" + options.out_dir + "': write failed (disk full?)");
  write_file_atomic((staging.dir() / "dataset.ini").string(), config.to_ini());
  staging.commit();
}

}  // namespace shapegen
