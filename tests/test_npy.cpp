#define BOOST_TEST_MODULE npy
// The array layout (--formats npy) through the shapegen binary: every row's
// arrays hold the manifest's values and images/<stem>.png's pixels (gray and
// RGB, a preset that relabels classes); the headers are np.save's; shards
// merged, --jobs 2 and a run killed and resumed give one run's bytes;
// verify finds a flipped byte; merge refuses a part that is no array of ours.
#include <boost/test/unit_test.hpp>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dataset/plan.hpp"
#include "shapegen/png.hpp"
#include "test_support.hpp"

using namespace shapegen;
using test::read_text;
using test::run_cli;
using test::TempDir;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

std::string bin() { return std::string("'") + SHAPEGEN_BIN + "'"; }

// A .npy file read the way NumPy reads one: magic, version 1.0, the header's
// length, the header's dict (its descr and shape picked out), the data.
struct Array {
  std::string header;  // the dict text
  std::string descr;
  std::vector<std::uint64_t> shape;
  std::string data;
};

Array read_npy(const fs::path& path) {
  const std::string bytes = read_text(path);
  BOOST_REQUIRE_MESSAGE(bytes.size() >= 10 && bytes.compare(0, 8, "\x93NUMPY\x01\x00", 8) == 0,
                        path.string() + ": no .npy 1.0 magic");
  const std::size_t n = std::uint8_t(bytes[8]) | std::size_t(std::uint8_t(bytes[9])) << 8;
  BOOST_TEST((10 + n) % 64 == 0u, path.string() + ": the data is not 64-byte aligned");
  Array a;
  a.header = bytes.substr(10, n);
  a.data = bytes.substr(10 + n);
  const std::size_t d = a.header.find("'descr': '") + 10;
  a.descr = a.header.substr(d, a.header.find('\'', d) - d);
  std::istringstream shape(a.header.substr(a.header.find("'shape': (") + 10));
  for (std::uint64_t v; shape >> v;) {
    a.shape.push_back(v);
    if (shape.peek() == ',') shape.get();
  }
  BOOST_TEST(a.header.find("'fortran_order': False") != std::string::npos);
  BOOST_TEST(a.header.back() == '\n');
  return a;
}

template <class T>
T at(const Array& a, std::size_t i) {
  T v;
  std::memcpy(&v, a.data.data() + i * sizeof(T), sizeof(T));  // little endian, as this machine
  return v;
}

std::vector<json> manifest_rows(const fs::path& ds) {
  std::vector<json> rows;
  std::ifstream in(ds / "manifest.jsonl");
  for (std::string line; std::getline(in, line);) rows.push_back(json::parse(line));
  return rows;
}

// Every regular file below `dir`, relative, with its bytes.
std::map<std::string, std::string> files_of(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      out[fs::relative(e.path(), dir).generic_string()] = read_text(e.path());
  return out;
}

void require_same_trees(const fs::path& a, const fs::path& b) {
  const auto fa = files_of(a), fb = files_of(b);
  BOOST_TEST(fa.size() == fb.size());
  std::size_t arrays = 0;
  for (const auto& [name, bytes] : fa) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_REQUIRE(fb.count(name));
      BOOST_TEST((bytes == fb.at(name)));
      arrays += name.rfind("npy/", 0) == 0;
    }
  }
  BOOST_TEST(arrays > 0u);
}

void generate(const std::string& args, const fs::path& out) {
  const auto r = run_cli("generate " + args + " -q --out '" + out.string() + "'");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
}

// Every split's arrays against the manifest, the class table and the PNGs.
void check_against_manifest(const fs::path& ds, const Config& config) {
  const DatasetPlan plan(config);
  const KeypointSchema& schema = plan.keypoints();
  const std::size_t m = std::size_t(bind_params(config, objects_params()).count.hi);
  const std::size_t k = schema.slots;
  std::map<std::string, std::int64_t> class_id;
  const json table = json::parse(read_text(ds / "classes.json"));
  for (const json& c : table["classes"])
    class_id[c["name"].get<std::string>()] = c["id"].get<std::int64_t>();
  const std::vector<json> manifest = manifest_rows(ds);
  std::size_t seen = 0, objects = 0, keypoints = 0;
  for (const std::string& split : plan.splits()) {
    const fs::path folder = ds / "npy" / split;
    std::vector<const json*> rows;
    for (const json& r : manifest)
      if (r["split"] == split) rows.push_back(&r);
    const std::uint64_t n = rows.size();
    const Array images = read_npy(folder / "images.npy"), index = read_npy(folder / "index.npy"),
                counts = read_npy(folder / "counts.npy"),
                classes = read_npy(folder / "classes.npy"), boxes = read_npy(folder / "boxes.npy"),
                kp = read_npy(folder / "keypoints.npy");
    const std::uint64_t h = std::uint64_t(plan.image().height), w = plan.image().width;
    const bool rgb = plan.image().mode == ImageMode::rgb;
    BOOST_TEST(images.descr == "|u1");
    BOOST_TEST(images.shape == (rgb ? std::vector<std::uint64_t>{n, h, w, 3}
                                    : std::vector<std::uint64_t>{n, h, w}),
               boost::test_tools::per_element());
    BOOST_TEST((index.descr == "<i8" && counts.descr == "<i8" && classes.descr == "<i8"));
    BOOST_TEST((boxes.descr == "<f4" && kp.descr == "<f4"));
    BOOST_TEST(index.shape == std::vector<std::uint64_t>{n}, boost::test_tools::per_element());
    BOOST_TEST(counts.shape == std::vector<std::uint64_t>{n}, boost::test_tools::per_element());
    BOOST_TEST(classes.shape == (std::vector<std::uint64_t>{n, m}),
               boost::test_tools::per_element());
    BOOST_TEST(boxes.shape == (std::vector<std::uint64_t>{n, m, 4}),
               boost::test_tools::per_element());
    BOOST_TEST(kp.shape == (std::vector<std::uint64_t>{n, m, k, 3}),
               boost::test_tools::per_element());
    const std::size_t frame = std::size_t(h * w * (rgb ? 3 : 1));
    BOOST_REQUIRE(images.data.size() == n * frame);
    BOOST_REQUIRE(classes.data.size() == n * m * 8);
    BOOST_REQUIRE(kp.data.size() == n * m * k * 3 * 4);
    for (std::size_t i = 0; i < n; ++i) {
      const json& r = *rows[i];
      BOOST_TEST_CONTEXT(split << " row " << i << " (" << r["file"] << ")") {
        BOOST_TEST(at<std::int64_t>(index, i) == r["index"].get<std::int64_t>());
        const json& objs = r["objects"];
        BOOST_TEST(at<std::int64_t>(counts, i) == std::int64_t(objs.size()));
        const Image png = read_png((ds / r["file"].get<std::string>()).string());
        BOOST_TEST((images.data.compare(i * frame, frame,
                                        std::string(png.pixels.begin(), png.pixels.end())) == 0));
        for (std::size_t j = 0; j < m; ++j) {
          const std::size_t o = i * m + j;
          if (j >= objs.size()) {
            BOOST_TEST(at<std::int64_t>(classes, o) == -1);
            for (std::size_t c = 0; c < 4; ++c) BOOST_TEST(at<float>(boxes, o * 4 + c) == 0.0f);
            for (std::size_t c = 0; c < k * 3; ++c)
              BOOST_TEST(at<float>(kp, o * k * 3 + c) == 0.0f);
            continue;
          }
          const json& obj = objs[j];
          ++objects;
          BOOST_TEST(at<std::int64_t>(classes, o) == class_id.at(obj["class"].get<std::string>()));
          for (std::size_t c = 0; c < 4; ++c)
            BOOST_TEST(at<float>(boxes, o * 4 + c) == float(obj["bbox"][c].get<double>()));
          // Vertex v sits in its label class's slot, with COCO's visibility.
          std::vector<float> expect(k * 3, 0.0f);
          const auto& slots = schema.slots_of(test::shape_class(obj["class"]));
          for (std::size_t v = 0; v < obj["vertices"].size(); ++v) {
            const json& vx = obj["vertices"][v];
            if (!vx["in_frame"].get<bool>()) continue;
            expect[slots[v] * 3] = float(vx["x"].get<double>());
            expect[slots[v] * 3 + 1] = float(vx["y"].get<double>());
            expect[slots[v] * 3 + 2] = vx["visible"].get<bool>() ? 2.0f : 1.0f;
            ++keypoints;
          }
          for (std::size_t c = 0; c < k * 3; ++c)
            BOOST_TEST(at<float>(kp, o * k * 3 + c) == expect[c], "keypoint value " << c);
        }
      }
    }
    seen += n;
  }
  BOOST_TEST(seen == manifest.size());
  BOOST_TEST(objects >= manifest.size());
  BOOST_TEST(keypoints > 0u);
}

// As test_resume.cpp: starts `command` in the background, waits until its
// staging folder has checkpointed rows past what it held at the start, then
// kills it with SIGKILL; returns the exit status (0 if it finished first).
test::RunResult kill_mid_run(const std::string& command, const fs::path& out) {
  const std::string checkpoint = "'" + out.parent_path().string() + "'/." +
                                 out.filename().string() + ".partial-*/.shapegen-checkpoint";
  return test::run_shell(
      "(before=$(cat " + checkpoint + " 2>/dev/null | md5sum); SHAPEGEN_CHECKPOINT_SECONDS=0 " +
      command + " & pid=$!; for i in $(seq 1 3000); do kill -0 $pid 2>/dev/null || break; " +
      "now=$(cat " + checkpoint + " 2>/dev/null | md5sum); ls " + checkpoint +
      " >/dev/null 2>&1 && [ \"$now\" != \"$before\" ] && break; sleep 0.02; done; " +
      "kill -KILL $pid 2>/dev/null; wait $pid)");
}

void flip_byte(const fs::path& file, std::uint64_t offset) {
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(std::streamoff(offset));
  const char c = char(f.get() ^ 0x5a);
  f.seekp(std::streamoff(offset));
  f.put(c);
}

bool has_line(const std::string& output, const std::string& part) {
  return output.find(part) != std::string::npos;
}

const std::string kSplit = "--split train=0.6,val=0.2,test=0.2 ";

}  // namespace

BOOST_AUTO_TEST_CASE(arrays_hold_the_manifest_and_the_pixels) {
  // Gray with up to 5 objects; RGB with up to 3; classes relabeled (ellipse as circle), one each.
  for (const auto& [preset, objects] : std::vector<std::pair<std::string, std::string>>{
           {"detection", "1..5"}, {"color", "1..3"}, {"handdrawn", "1"}}) {
    BOOST_TEST_CONTEXT(preset) {
      TempDir t;
      generate("--preset " + preset + " --count 40 --formats npy --objects.count=" + objects + " " +
                   kSplit,
               t.path() / "ds");
      check_against_manifest(
          t.path() / "ds",
          test::preset_config(preset, {{"dataset.count", "40"},
                                       {"objects.count", objects},
                                       {"output.formats", "npy"},
                                       {"output.split", "train:0.6, val:0.2, test:0.2"}}));
      BOOST_TEST(run_cli("verify -q " + t.str("ds")).exit_code == 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(headers_are_np_saves) {
  TempDir t;
  generate("--preset detection --count 12 --formats npy --split train=1", t.path() / "ds");
  // np.save's dict, the first axis padded for 21 digits, 64-byte aligned.
  const Array counts = read_npy(t.path() / "ds/npy/train/counts.npy");
  const std::string dict = "{'descr': '<i8', 'fortran_order': False, 'shape': (12,), }";
  BOOST_TEST(counts.header.rfind(dict, 0) == 0u, counts.header);
  BOOST_TEST(counts.header.size() >= dict.size() + 21 - 2 + 1);  // room for 21 digits
  BOOST_TEST(counts.header.find_first_not_of(' ', dict.size()) == counts.header.size() - 1);
  const Array boxes = read_npy(t.path() / "ds/npy/train/boxes.npy");
  BOOST_TEST(boxes.header.rfind("{'descr': '<f4', 'fortran_order': False, 'shape': (12, 5, 4), }",
                                0) == 0u);
}

BOOST_AUTO_TEST_CASE(shards_merged_and_two_jobs_are_one_runs_bytes) {
  TempDir t;
  // 10 rows in 3 shards: some shard holds no row of some split (an empty part).
  const std::string args = "--preset detection --count 10 --formats npy,coco " + kSplit;
  generate(args + "--jobs 1", t.path() / "one");
  generate(args + "--jobs 2", t.path() / "two");
  require_same_trees(t.path() / "one", t.path() / "two");
  std::string shards;
  for (int i = 0; i < 3; ++i) {
    generate(args + "--shard " + std::to_string(i) + "/3", t.path() / ("s" + std::to_string(i)));
    shards += " " + t.str("s" + std::to_string(i));
  }
  bool empty_part = false;
  for (int i = 0; i < 3; ++i)
    for (const char* split : {"train", "val", "test"})
      empty_part |= read_npy(t.path() / ("s" + std::to_string(i)) / "npy" / split / "index.npy")
                        .shape.at(0) == 0;
  BOOST_TEST(empty_part);
  const auto r = run_cli("merge" + shards + " --out " + t.str("merged"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  require_same_trees(t.path() / "one", t.path() / "merged");

  // A part whose header is not ours is refused, naming it.
  flip_byte(t.path() / "s1/npy/train/classes.npy", 20);
  const auto bad = run_cli("merge" + shards + " --out " + t.str("bad"));
  BOOST_TEST(bad.exit_code != 0);
  BOOST_TEST(has_line(bad.output, "s1/npy/train/classes.npy: no .npy header of ours"), bad.output);
  BOOST_TEST(!fs::exists(t.path() / "bad"));
}

BOOST_AUTO_TEST_CASE(sigkill_then_resume_is_one_runs_bytes) {
  TempDir t;
  const std::string args = "--preset detection --count 240 --jobs 1 --formats npy " + kSplit;
  generate(args, t.path() / "ref");
  const std::string command = bin() + " generate " + args + "--resume -q --out " + t.str("o");
  int killed = 0;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto r = kill_mid_run(command, t.path() / "o");
    if (r.exit_code == 0) break;
    BOOST_REQUIRE_MESSAGE(r.exit_code == 137 || r.exit_code == -1, r.output);
    ++killed;
  }
  if (killed == 3) BOOST_REQUIRE(test::run_shell(command).exit_code == 0);
  BOOST_TEST(killed >= 2);
  require_same_trees(t.path() / "ref", t.path() / "o");
}

BOOST_AUTO_TEST_CASE(verify_finds_a_flipped_byte) {
  TempDir t;
  const fs::path ds = t.path() / "ds";
  generate("--preset detection --count 20 --formats npy", ds);
  BOOST_TEST(run_cli("verify -q " + t.str("ds")).exit_code == 0);
  for (const char* name : {"images.npy", "boxes.npy", "keypoints.npy", "index.npy"}) {
    BOOST_TEST_CONTEXT(name) {
      const fs::path file = ds / "npy/train" / name;
      const std::uint64_t offset = fs::file_size(file) - 3;  // in the last row
      flip_byte(file, offset);
      const auto r = run_cli("verify " + t.str("ds"));
      BOOST_TEST(r.exit_code != 0);
      BOOST_TEST(has_line(r.output, "npy/train/" + std::string(name) + ": differs from byte " +
                                        std::to_string(offset)),
                 r.output);
      flip_byte(file, offset);
    }
  }
  BOOST_TEST(run_cli("verify -q " + t.str("ds")).exit_code == 0);
  const fs::path counts = ds / "npy/train/counts.npy";
  fs::resize_file(counts, fs::file_size(counts) - 8);
  const auto r = run_cli("verify " + t.str("ds"));
  BOOST_TEST(r.exit_code != 0);
  BOOST_TEST(has_line(r.output, "npy/train/counts.npy: " + std::to_string(fs::file_size(counts)) +
                                    " bytes, shorter than expected"),
             r.output);
}
