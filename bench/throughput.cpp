// Throughput side by side, in one run, interleaved: for each preset and
// round,
//   - shapegen end to end: `shapegen generate` (the CLI, as users run it)
//     with 1 and 2 jobs, each run into a fresh folder;
//   - the libpng floor: the same images, made beforehand, only encoded by a
//     bare libpng writer at the same level and filter, and written one file
//     each, into a fresh folder (what writing these PNGs costs at all);
//   - the old floor: the same, at libpng's defaults (zlib 6, adaptive filters);
//   - shapegen in memory: the Generator making the rows, nothing written (on
//     1 and 2 threads), and the same rows' PNG files written, nothing else
//     (on 1 and 2 threads): how making and the file system scale apart;
//   - a hand-written PIL + NumPy generator (bench/peers/pil_numpy.py, run by
//     Debian's /usr/bin/python3), drawing and writing comparable images.
// Prints images per second (medians over the rounds) and the ratios.
//
//   bench_throughput [--presets basic,augmented] [--count N] [--rounds R]
//                    [--dir PARENT] [--python PY] [--no-peer]
//
// Fresh folders: creating files on ext4 within minutes of deleting many is
// slow (it skips recently freed inodes), so nothing is deleted until the end,
// and a second run should wait five minutes or use another --dir (default:
// the build folder).
#include <png.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "params/run_spec.hpp"
#include "scene/scene_spec.hpp"
#include "shapegen/config.hpp"
#include "shapegen/generator.hpp"
#include "shapegen/png.hpp"
#include "shapegen/presets.hpp"

using namespace shapegen;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::vector<std::string> presets = {"basic", "augmented"};
  int count = 3000;
  int rounds = 5;
  // Not /tmp: everyone deletes there, and ext4 makes creating files slow for
  // minutes after many deletions (it skips recently freed inodes).
  std::string dir = SHAPEGEN_BUILD_DIR;
  std::string python = "/usr/bin/python3";
  bool peer = true;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

// Wall and CPU (user + system) seconds.
struct Times {
  double wall = 0, cpu = 0;
};

double cpu_seconds(const rusage& u) {
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

double own_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return cpu_seconds(u);
}

// Times `work` in this process.
template <typename F>
Times measure(F&& work) {
  const auto start = Clock::now();
  const double cpu = own_cpu_seconds();
  work();
  return {seconds_since(start), own_cpu_seconds() - cpu};
}

struct Run {
  Times times;
  std::string out;  // its standard output
};

// Runs argv to completion; its standard output is captured.
Run run_process(const std::vector<std::string>& argv) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], 1);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  Run run;
  char buffer[4096];
  for (ssize_t n; (n = read(pipe_fds[0], buffer, sizeof buffer)) > 0;) run.out.append(buffer, n);
  close(pipe_fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  run.times = {seconds_since(start), cpu_seconds(usage)};
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("failed: " + argv[0] + " " + (argv.size() > 1 ? argv[1] : ""));
  return run;
}

struct PngSettings {
  int level = 6;
  bool filter_none = false;  // else libpng's adaptive filters
};

// A bare libpng writer, straight into the file.
void write_png_file(const std::string& path, const Image& image, PngSettings settings) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) throw std::runtime_error(path + ": cannot be written");
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) throw std::runtime_error("libpng failed");
  png_init_io(png, file);
  png_set_compression_level(png, settings.level);
  if (settings.filter_none) png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR(png, info, image.width, image.height, 8,
               image.channels == 3 ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < image.height; ++y)
    png_write_row(png, &image.pixels[std::size_t(y) * image.width * image.channels]);
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  std::fclose(file);
}

// A child's peak memory: wait4's ru_maxrss would count the pages the child
// had before exec, copies of this process's. GNU time reports the
// shapegen it starts, forked from a small process.
const char* kTime = "/usr/bin/time";

std::vector<std::string> peak_rss_wrapper(const std::string& file) {
  if (access(kTime, X_OK) != 0) return {};
  return {kTime, "-f", "%M", "-o", file};
}

long read_peak_rss_kb(const std::string& file) {
  std::ifstream in(file);
  long kb = 0;
  in >> kb;
  return kb;
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// work(t, i) for i in [0, n) on this thread (t = 0) and another (t = 1),
// each taking the next i when free (as shapegen's workers do).
template <typename F>
void on_two_threads(std::uint64_t n, F&& work) {
  std::atomic<std::uint64_t> next{0};
  auto run = [&](int t) {
    for (std::uint64_t i; (i = next++) < n;) work(t, i);
  };
  std::thread other(run, 1);
  run(0);
  other.join();
}

void write_bytes(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  FILE* file = std::fopen(path.c_str(), "wb");
  if (!file || std::fwrite(bytes.data(), 1, bytes.size(), file) != bytes.size())
    throw std::runtime_error(path + ": cannot be written");
  std::fclose(file);
}

// The PNG settings a preset's dataset is written with.
PngSettings settings_of(const Config& config) {
  const ImageSpec image = bind_params(config, image_params());
  PngSettings s;
  s.level = image.png_compression;
  s.filter_none = image.png_encoder != PngEncoder::zlib;  // libdeflate writes rows unfiltered
  return s;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return argv[++i];
    };
    if (a == "--presets")
      o.presets = split_list(value());
    else if (a == "--count")
      o.count = std::stoi(value());
    else if (a == "--rounds")
      o.rounds = std::stoi(value());
    else if (a == "--dir")
      o.dir = value();
    else if (a == "--python")
      o.python = value();
    else if (a == "--no-peer")
      o.peer = false;
    else
      throw std::runtime_error("unknown option " + a);
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) try {
  const Options opt = parse(argc, argv);
  std::string parent_template = opt.dir + "/shapegen-throughput-XXXXXX";
  if (!mkdtemp(parent_template.data()))
    throw std::runtime_error("cannot create a folder in " + opt.dir);
  const fs::path parent = parent_template;
  const std::string load_before = load_average();
  std::printf(
      "shapegen throughput: %d images per run, %d rounds, medians; %u cores; folders in %s\n",
      opt.count, opt.rounds, std::thread::hardware_concurrency(), opt.dir.c_str());
  std::printf("load average before: %s\n", load_before.c_str());
  std::fflush(stdout);

  struct PresetData {
    Config config;
    Generator generator;
    std::vector<Image> images;                     // for the floors
    std::vector<std::vector<std::uint8_t>> files;  // their PNGs as shapegen writes them
  };
  std::vector<PresetData> data;
  const Assignments count = {{key_of(run_params(), &RunSpec::count), std::to_string(opt.count)}};
  for (const std::string& p : opt.presets) {
    Config config = load_config(find_preset(p), count);
    Generator generator(config);
    std::vector<Image> images;
    std::vector<std::vector<std::uint8_t>> files;
    const ImageSpec image = bind_params(config, image_params());
    for (std::uint64_t i = 0; i < generator.row_count(); ++i) {
      images.push_back(generator.make_row(i).image);
      files.push_back(encode_png(images.back(), image.png_encoder, image.png_compression));
    }
    data.push_back({std::move(config), std::move(generator), std::move(images), std::move(files)});
  }

  // (preset, contender) -> times per round
  std::map<std::pair<std::string, std::string>, std::vector<Times>> times;
  std::map<std::string, long> rss_kb;
  const std::string rss_file = (parent / "peak-rss.txt").string();
  int run_id = 0;
  auto fresh = [&](const std::string& what) {
    char name[64];
    std::snprintf(name, sizeof name, "run%03d-", ++run_id);
    return (parent / (name + what)).string();
  };
  std::size_t sink = 0;  // keeps the in-memory work observable
  for (int round = 0; round < opt.rounds; ++round) {
    for (std::size_t k = 0; k < data.size(); ++k) {
      const std::string& p = opt.presets[k];
      const PresetData& d = data[k];
      // name -> one run; the order turns every round, so no contender always
      // runs first after the previous preset's files.
      std::vector<std::pair<std::string, std::function<Times()>>> contenders;
      for (int jobs : {1, 2})
        contenders.emplace_back("e2e" + std::to_string(jobs), [&, jobs] {
          const std::string j = std::to_string(jobs);
          const Run run =
              run_process(peak_rss_wrapper(rss_file) +
                          std::vector<std::string>{SHAPEGEN_BIN, "generate", "--preset", p,
                                                   "--count", std::to_string(opt.count), "--jobs",
                                                   j, "--out", fresh(p + "-j" + j)});
          rss_kb[p + j] = std::max(rss_kb[p + j], read_peak_rss_kb(rss_file));
          return run.times;
        });
      for (bool old : {false, true})
        contenders.emplace_back(old ? "floor6" : "floor", [&, old] {
          const PngSettings s = old ? PngSettings{} : settings_of(d.config);
          const fs::path folder = fresh(p + (old ? "-floor6" : "-floor"));
          fs::create_directories(folder / "images");
          return measure([&] {
            char name[32];
            for (std::size_t i = 0; i < d.images.size(); ++i) {
              std::snprintf(name, sizeof name, "images/%06zu.png", i);
              write_png_file((folder / name).string(), d.images[i], s);
            }
          });
        });
      contenders.emplace_back("memory", [&] {
        return measure([&] {
          for (std::uint64_t i = 0; i < d.generator.row_count(); ++i)
            sink += d.generator.make_row(i).image.pixels[0];
        });
      });
      // The two halves of the work on two threads: how making and the file
      // system scale, apart.
      contenders.emplace_back("memory2", [&] {
        return measure([&] {
          std::size_t sinks[2] = {0, 0};
          on_two_threads(d.generator.row_count(), [&](int t, std::uint64_t i) {
            sinks[t] += d.generator.make_row(i).image.pixels[0];
          });
          sink += sinks[0] + sinks[1];
        });
      });
      // The machine's own: the same arithmetic on 1 and 2 threads. A shared
      // machine (or its host) may not give 2 threads twice the time.
      for (int threads : {1, 2})
        contenders.emplace_back("spin" + std::to_string(threads), [&, threads] {
          return measure([&] {
            std::atomic<double> total{0};
            auto spin = [&](int, std::uint64_t) {
              double x = 0;
              for (int i = 0; i < 20000; ++i) x += i * 1e-9;
              total = total + x;
            };
            if (threads == 1)
              for (std::uint64_t i = 0; i < 5000; ++i) spin(0, i);
            else
              on_two_threads(5000, spin);
          });
        });
      for (int threads : {1, 2})
        contenders.emplace_back("files" + std::to_string(threads), [&, threads] {
          const fs::path folder = fresh(p + "-files" + std::to_string(threads));
          fs::create_directories(folder / "images");
          return measure([&] {
            auto put = [&](int, std::uint64_t i) {
              char name[32];
              std::snprintf(name, sizeof name, "images/%06llu.png", (unsigned long long)i);
              write_bytes((folder / name).string(), d.files[i]);
            };
            if (threads == 1)
              for (std::uint64_t i = 0; i < d.files.size(); ++i) put(0, i);
            else
              on_two_threads(d.files.size(), put);
          });
        });
      if (opt.peer)
        contenders.emplace_back("pil", [&] {
          const Run run =
              run_process({opt.python, SHAPEGEN_SOURCE_DIR "/bench/peers/pil_numpy.py", "--preset",
                           p, "--count", std::to_string(opt.count), "--out", fresh(p + "-pil")});
          Times t;  // its loop only, without the interpreter's start
          if (std::sscanf(run.out.c_str(), "seconds %lf cpu %lf", &t.wall, &t.cpu) != 2)
            throw std::runtime_error("pil_numpy.py printed no times");
          return t;
        });
      std::rotate(contenders.begin(), contenders.begin() + round % contenders.size(),
                  contenders.end());
      for (auto& [name, run] : contenders) times[{p, name}].push_back(run());
    }
  }
  if (sink == 42) std::puts("");

  // Images per second of wall or CPU time, median over the rounds.
  auto rate = [&](const std::string& p, const std::string& c, bool cpu) {
    std::vector<double> s;
    for (const Times& t : times[{p, c}]) s.push_back(cpu ? t.cpu : t.wall);
    const double m = median(s);
    return m > 0 ? opt.count / m : 0.0;
  };
  std::printf(
      "\nPer core: images per CPU second (user + system; the machine is shared, so CPU time is "
      "steadier than the clock). Floor: a bare libpng writer of the same images at the dataset's "
      "level and filter, one file each; old floor: libpng's defaults (zlib 6, adaptive "
      "filters). PIL + NumPy saves with zlib level 1. Each x is the median of the rounds' "
      "ratios (lowest..highest): a round's runs are neighbours in time and see the same "
      "load.\n\n"
      "| preset | PNG | shapegen end to end | libpng floor | x floor | old floor | x old floor | "
      "shapegen in memory | PIL + NumPy | x PIL |\n|---|---|---|---|---|---|---|---|---|---|\n");
  // a's rate over b's, per round (the two measured close in time) on wall
  // or CPU time: "median (lowest..highest)".
  auto ratio_of = [&](const std::string& p, const std::string& a, const std::string& b, bool cpu) {
    std::vector<double> r;
    for (std::size_t k = 0; k < times[{p, a}].size(); ++k) {
      const Times &ta = times[{p, a}][k], &tb = times[{p, b}][k];
      r.push_back(cpu ? tb.cpu / ta.cpu : tb.wall / ta.wall);
    }
    std::sort(r.begin(), r.end());
    char text[64];
    std::snprintf(text, sizeof text, "%.2f (%.2f..%.2f)", median(r), r.front(), r.back());
    return std::string(text);
  };
  for (std::size_t k = 0; k < data.size(); ++k) {
    const std::string& p = opt.presets[k];
    const PngSettings s = settings_of(data[k].config);
    std::printf("| %s | level %d%s | %.0f | %.0f | %s | %.0f | %s | %.0f | ", p.c_str(), s.level,
                s.filter_none ? ", filter none" : "", rate(p, "e2e1", true), rate(p, "floor", true),
                ratio_of(p, "e2e1", "floor", true).c_str(), rate(p, "floor6", true),
                ratio_of(p, "e2e1", "floor6", true).c_str(), rate(p, "memory", true));
    if (opt.peer)
      std::printf("%.0f | %s |\n", rate(p, "pil", true), ratio_of(p, "e2e1", "pil", true).c_str());
    else
      std::printf("- | - |\n");
  }
  std::printf(
      "\nWall clock: shapegen end to end with 1 and 2 jobs, images per second, and the "
      "rounds' ratios; beside them, the same images made in memory and their PNG files written "
      "(nothing else) on 1 and 2 threads: how the two halves scale apart; and plain arithmetic "
      "on 1 and 2 threads: what the machine gives 2 threads. Peak memory by GNU time.\n\n"
      "| preset | 1 job | 2 jobs | x 1 job | in memory, 2 threads x 1 | files written, 2 threads "
      "x 1 | machine, 2 threads x 1 | 2 jobs, per CPU second | peak RSS, 1 job | 2 jobs |\n"
      "|---|---|---|---|---|---|---|---|---|---|\n");
  for (const std::string& p : opt.presets)
    std::printf("| %s | %.0f | %.0f | %s | %s | %s | %s | %.0f | %.1f MB | %.1f MB |\n", p.c_str(),
                rate(p, "e2e1", false), rate(p, "e2e2", false),
                ratio_of(p, "e2e2", "e2e1", false).c_str(),
                ratio_of(p, "memory2", "memory", false).c_str(),
                ratio_of(p, "files2", "files1", false).c_str(),
                ratio_of(p, "spin2", "spin1", false).c_str(), rate(p, "e2e2", true),
                rss_kb[p + "1"] / 1024.0, rss_kb[p + "2"] / 1024.0);
  std::printf("\nload average after: %s\n", load_average().c_str());
  std::error_code ec;
  fs::remove_all(parent, ec);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "bench_throughput: %s\n", e.what());
  return 1;
}
