#define BOOST_TEST_MODULE hostile
// Issue #13, as a hostile user would try it: damaged datasets, devices and
// FIFOs where files belong, headers and manifest lines built to exhaust
// memory or the stack, absurd counts, and odd command lines. Every one must
// end in a line naming the problem (exit 1 for damage, 2 for unusable
// input), never in a crash, a hang or an "internal error".
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "shapegen/png.hpp"
#include "test_support.hpp"

using namespace shapegen;
using test::read_text;
using test::run_cli;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

// ASan reserves terabytes of address space, so a memory limit cannot be
// set under it; the sanitizer run checks these without the limit.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kCanLimitMemory = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kCanLimitMemory = false;
#else
constexpr bool kCanLimitMemory = true;
#endif
#else
constexpr bool kCanLimitMemory = true;
#endif

// Runs shapegen with at most `megabytes` of address space (where it can be
// limited) and 60 s, so a hang or a runaway allocation fails the test.
// verify stops on TERM only between batches, so a KILL follows 5 s later.
test::RunResult run_limited(const std::string& args, int megabytes = 1024) {
  std::string limit = "timeout -k 5 60 ";
  if (kCanLimitMemory) limit = "ulimit -v " + std::to_string(megabytes * 1024) + "; " + limit;
  test::RunResult result;
  const std::string command = "(" + limit + "'" + SHAPEGEN_BIN + "' " + args + ") 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  BOOST_REQUIRE(pipe);
  char buffer[4096];
  for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
    result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

fs::path make_dataset(const TempDir& t, const std::string& name, const std::string& extra = "") {
  const auto r = run_cli("generate --count 6 --out " + t.str(name) + extra);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  return t.path() / name;
}

void expect(const test::RunResult& r, const std::string& what, int code,
            const std::string& message) {
  BOOST_TEST_CONTEXT(what) {
    BOOST_TEST(r.exit_code == code, r.output);
    BOOST_TEST(r.output.find(message) != std::string::npos, "output was: " << r.output);
    BOOST_TEST(r.output.find("internal error") == std::string::npos, r.output);
  }
}

void expect_run(const std::string& args, int code, const std::string& message) {
  expect(run_limited(args), args, code, message);
}

void write_bytes(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

void replace_in_file(const fs::path& path, const std::string& from, const std::string& to) {
  std::string text = read_text(path);
  const auto at = text.find(from);
  BOOST_REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

// Item 1: whatever is where a PNG should be, verify reports it and goes on.
BOOST_AUTO_TEST_CASE(anything_where_a_png_should_be_is_a_line_not_a_crash) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  fs::remove(ds / "images/000001.png");
  fs::create_directory(ds / "images/000001.png");
  fs::remove(ds / "images/000002.png");
  BOOST_REQUIRE(::mkfifo((ds / "images/000002.png").c_str(), 0600) == 0);
  fs::remove(ds / "images/000003.png");
  fs::create_symlink("/dev/zero", ds / "images/000003.png");
  write_bytes(ds / "images/000004.png", test::png_header(60000, 60000));
  fs::remove(ds / "images/000005.png");
  fs::create_symlink("000005.png", ds / "images/000005.png");  // a link to itself
  const auto r = run_limited("verify " + ds.string());
  expect(r, "verify", 1, "6 checked, 1 passed, 5 failed");
  for (const char* line :
       {"FAIL images/000001.png: is a folder, not a file",
        "FAIL images/000002.png: is a FIFO, not a regular file",
        "FAIL images/000003.png: is a device, not a regular file",
        "FAIL images/000004.png: image too large (60000x60000; at most 16384x16384)",
        "FAIL images/000005.png: cannot be read (Too many levels of symbolic links)"})
    BOOST_TEST(r.output.find(line) != std::string::npos, line << "\n" << r.output);
}

// Item 1: diff images that cannot be written are a line each; the
// comparison itself still stands.
BOOST_AUTO_TEST_CASE(a_diff_dir_that_cannot_take_the_images_is_reported) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  Image img = read_png((ds / "images/000002.png").string());
  img.at(1, 1) ^= 0xff;
  write_png((ds / "images/000002.png").string(), img, 6);
  // The diff image's name is taken by a folder: the write fails as on a full disk.
  fs::create_directories(t.path() / "diffs/000002.expected.png");
  const auto r = run_limited("verify " + ds.string() + " --diff-dir " + t.str("diffs"));
  expect(r, "verify", 1, "FAIL images/000002.png: diff images not written (");
  BOOST_TEST(r.output.find("FAIL images/000002.png: 1 of 4096 pixels over the threshold") !=
                 std::string::npos,
             r.output);
  BOOST_TEST(r.output.find("6 checked, 5 passed, 1 failed") != std::string::npos, r.output);
  // A file given as --diff-dir cannot be used at all: exit 2, one line.
  std::ofstream(t.str("file")) << "x";
  expect_run("verify " + ds.string() + " --diff-dir " + t.str("file"), 2,
             "--diff-dir '" + t.str("file") + "': cannot create the folder");
  expect_run("diff " + ds.string() + " " + ds.string() + " --diff-dir " + t.str("file"), 2,
             "--diff-dir '" + t.str("file") + "': cannot create the folder");
}

// Item 2: a manifest value nested 100000 deep overflowed the stack.
BOOST_AUTO_TEST_CASE(deeply_nested_manifest_lines_are_reported_not_recursed_into) {
  TempDir t;
  const fs::path a = make_dataset(t, "a");
  const fs::path b = make_dataset(t, "b");
  replace_in_file(b / "manifest.jsonl", "\"split\":\"train\"",
                  "\"split\":" + std::string(100000, '[') + std::string(100000, ']'));
  const std::string line =
      "manifest.jsonl line 1 (images/000000.png): nested deeper than 64 levels";
  expect_run("verify " + b.string(), 1, "FAIL " + line);
  expect_run("diff " + a.string() + " " + b.string(), 1, "FAIL " + line);
  expect_run(
      "diff " + b.string() + " " + a.string(), 1,
      "FAIL reference " + b.string() + "/manifest.jsonl line 1: nested deeper than 64 levels");
}

// Item 5: a 68-byte PNG claimed 10.5 GB, an sPLT chunk 2.1 GB.
BOOST_AUTO_TEST_CASE(png_headers_cannot_make_the_reader_allocate_gigabytes) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  const std::string idat = std::string("\0\0\0\x0aIDAT", 8);
  write_bytes(ds / "images/000001.png", test::png_header(16000, 16000, {idat.begin(), idat.end()}));
  // An sPLT chunk claiming 0x73737373 bytes, with 64 of them present.
  const std::string splt = "sssssPLT" + std::string(64, 's');
  write_bytes(ds / "images/000002.png",
              test::png_header(64, 64, std::vector<std::uint8_t>(splt.begin(), splt.end())));
  const auto r = run_limited("verify " + ds.string(), 300);
  expect(r, "verify", 1, "6 checked, 4 passed, 2 failed");
  BOOST_TEST(r.output.find("FAIL images/000001.png: corrupt PNG (claims 16000x16000 pixels, more "
                           "than its 41 bytes can hold)") != std::string::npos,
             r.output);
  BOOST_TEST(
      r.output.find("FAIL images/000002.png: corrupt PNG (file is truncated)") != std::string::npos,
      r.output);
  expect_run(
      "diff " + (ds / "images/000000.png").string() + " " + (ds / "images/000001.png").string(), 1,
      "FAIL 000001.png: corrupt PNG (claims 16000x16000");
}

// Item 5: manifest.jsonl, dataset.ini or labels.csv that is no regular file.
BOOST_AUTO_TEST_CASE(text_files_that_are_no_regular_files_are_reported) {
  TempDir t;
  const fs::path a = make_dataset(t, "a");
  const fs::path ds = make_dataset(t, "ds");
  fs::remove(ds / "labels.csv");
  BOOST_REQUIRE(::mkfifo((ds / "labels.csv").c_str(), 0600) == 0);
  expect_run("verify " + ds.string(), 1, "FAIL labels.csv: is a FIFO, not a regular file");
  fs::remove(ds / "manifest.jsonl");
  fs::create_symlink("/dev/zero", ds / "manifest.jsonl");
  expect_run("verify " + ds.string(), 1, "FAIL manifest.jsonl: is a device, not a regular file");
  expect_run("diff " + a.string() + " " + ds.string(), 1,
             "FAIL " + ds.string() + "/manifest.jsonl: is a device, not a regular file");
  expect_run("diff " + ds.string() + " " + a.string(), 2,
             "neither a PNG file nor a dataset folder with manifest.jsonl (" + ds.string() +
                 "/manifest.jsonl: is a device, not a regular file)");
  fs::remove(ds / "dataset.ini");
  fs::create_directory(ds / "dataset.ini");
  expect_run("verify " + ds.string(), 2,
             "preset '" + ds.string() + "/dataset.ini': is a folder, not a file");
}

// Items 5 and 10: a manifest's "file" is a string naming a file inside the dataset.
BOOST_AUTO_TEST_CASE(manifest_files_outside_the_dataset_are_not_followed) {
  TempDir t;
  const fs::path a = make_dataset(t, "a");
  const fs::path b = make_dataset(t, "b");
  std::ofstream(t.str("secret.png")) << "not yours";
  replace_in_file(a / "manifest.jsonl", "\"file\":\"images/000000.png\"", "\"file\":5");
  replace_in_file(a / "manifest.jsonl", "\"file\":\"images/000001.png\"",
                  "\"file\":\"" + t.str("secret.png") + "\"");
  replace_in_file(a / "manifest.jsonl", "\"file\":\"images/000002.png\"",
                  "\"file\":\"../secret.png\"");
  const auto r = run_limited("diff " + a.string() + " " + b.string());
  expect(r, "diff", 1, "6 checked, 3 passed, 3 failed");
  const std::string ref = "FAIL reference " + a.string() + "/manifest.jsonl line ";
  for (const std::string& line :
       {ref + "1: \"file\" is not a string but 5",
        ref + "2: \"file\" '" + t.str("secret.png") + "' points outside the dataset",
        ref + "3: \"file\" '../secret.png' points outside the dataset"})
    BOOST_TEST(r.output.find(line) != std::string::npos, line << "\n" << r.output);
  BOOST_TEST(r.output.find("not yours") == std::string::npos);
  // verify takes file names from the plan, so an edited "file" is a difference.
  const auto v = run_limited("verify " + a.string());
  expect(v, "verify", 1,
         "FAIL manifest.jsonl line 1 (images/000000.png): file: \"images/000000.png\" expected, 5 "
         "found");
}

// Item 6: count = 10^9 in dataset.ini over a folder of six rows.
BOOST_AUTO_TEST_CASE(an_absurd_count_neither_allocates_nor_runs_for_years) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  replace_in_file(ds / "dataset.ini", "\ncount = 6\n", "\ncount = 1000000000\n");
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_limited("verify " + ds.string() + " --jobs 2", 600);
  BOOST_TEST(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 30);
  expect(r, "verify", 1,
         "FAIL manifest.jsonl: 6 lines, but dataset.ini makes 1000000000 rows; only the first 32 "
         "were regenerated");
  // Nothing of the six is judged extra: their rows were not all regenerated.
  BOOST_TEST(r.output.find("extra file") == std::string::npos, r.output);
  // The manifest missing altogether: nothing is regenerated.
  fs::remove(ds / "manifest.jsonl");
  const auto m = run_limited("verify " + ds.string(), 600);
  expect(m, "verify", 1,
         "FAIL manifest.jsonl: 0 lines, but dataset.ini makes 1000000000 rows; no row was "
         "regenerated");
  BOOST_TEST(m.output.find("FAIL manifest.jsonl: missing") != std::string::npos, m.output);
}

// Items 1 and 5 for the WebDataset tars verify reads member by member: the
// tar is checked like any file, and a header's size is not trusted.
BOOST_AUTO_TEST_CASE(tars_are_compared_without_trusting_their_headers) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds", " --formats webdataset");
  const fs::path tar = ds / "webdataset/train-000000.tar";
  const std::string pristine = read_text(tar);
  BOOST_REQUIRE(pristine.size() > 1024u);
  // The first member's size field set to `octal` (11 characters), the
  // checksum made right again so the reader goes on to the size.
  const auto with_size = [&](const std::string& octal) {
    std::string bytes = pristine;
    bytes.replace(124, 11, octal);
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < 512; ++i)
      sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(bytes[i]);
    char field[8];
    std::snprintf(field, sizeof field, "%06o", unsigned(sum));
    bytes.replace(148, 6, field, 6);
    std::ofstream(tar, std::ios::binary | std::ios::trunc) << bytes;
  };
  with_size("00575360400");  // 100 MB: within the reader's limit, far beyond the member's
  expect_run("verify " + ds.string(), 1, "bytes, far more than the");
  with_size("77777777777");  // 8 GiB
  expect_run("verify " + ds.string(), 1,
             "FAIL webdataset/train-000000.tar: a member of 8589934591 bytes at byte 0, more "
             "than 1073741824");
  with_size("0000000x000");
  expect_run("verify " + ds.string(), 1,
             "FAIL webdataset/train-000000.tar: a damaged header at byte 0");
  fs::remove(tar);
  BOOST_REQUIRE(::mkfifo(tar.c_str(), 0600) == 0);
  expect_run("verify " + ds.string(), 1,
             "FAIL webdataset/train-000000.tar: is a FIFO, not a regular file");
}

// Item 6 in a shard's folder: its manifest's lines are the shard's rows, so
// feeding stops within the shard's range, and only files named after rows
// it fed (or rows before its first) can be judged extra.
BOOST_AUTO_TEST_CASE(a_shard_with_a_short_manifest_is_judged_by_its_own_rows) {
  TempDir t;
  const fs::path ds = t.path() / "s";
  const auto g = run_cli("generate --count 100 --shard 1/2 --out " + ds.string());  // rows 50..99
  BOOST_REQUIRE_MESSAGE(g.exit_code == 0, g.output);
  std::string manifest = read_text(ds / "manifest.jsonl");
  std::size_t at = 0;
  for (int line = 0; line < 10; ++line) at = manifest.find('\n', at) + 1;
  std::ofstream(ds / "manifest.jsonl", std::ios::trunc) << manifest.substr(0, at);
  fs::copy_file(ds / "images/000050.png", ds / "images/000000.png");  // a row of shard 0
  const auto r = run_limited("verify " + ds.string() + " --jobs 1");
  expect(r, "verify", 1,
         "FAIL manifest.jsonl: 10 lines, but dataset.ini makes 50 rows; only the first 16 were "
         "regenerated");  // one batch of one job
  BOOST_TEST(r.output.find("FAIL images/000000.png: extra file") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("manifest.jsonl: line 11 missing") != std::string::npos, r.output);
  // Rows 66..99 were not regenerated: their images are not extra.
  BOOST_TEST(r.output.find("000099.png: extra") == std::string::npos, r.output);
  BOOST_TEST(r.output.find("16 checked, 10 passed, 6 failed") != std::string::npos, r.output);
  // A whole shard was fed: files of rows after its range and files of no
  // row are extra too.
  const fs::path s0 = t.path() / "s0";
  BOOST_REQUIRE(run_cli("generate --count 100 --shard 0/2 --out " + s0.string()).exit_code == 0);
  fs::copy_file(s0 / "images/000000.png", s0 / "images/000099.png");
  std::ofstream(s0 / "notes.txt") << "mine\n";
  const auto whole = run_limited("verify " + s0.string());
  expect(whole, "verify shard 0", 1, "50 checked, 50 passed, 0 failed, 2 problems");
  BOOST_TEST(whole.output.find("FAIL images/000099.png: extra file") != std::string::npos,
             whole.output);
  BOOST_TEST(whole.output.find("FAIL notes.txt: extra file") != std::string::npos, whole.output);
}

// Item 6: one line beyond the dataset's rows, or one missing, is still judged row by row.
BOOST_AUTO_TEST_CASE(a_short_manifest_still_checks_the_rows_it_has) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  std::string manifest = read_text(ds / "manifest.jsonl");
  manifest.erase(manifest.rfind('\n', manifest.size() - 2) + 1);  // drop the last line
  std::ofstream(ds / "manifest.jsonl") << manifest;
  const auto r = run_limited("verify " + ds.string());
  expect(r, "verify", 1, "FAIL manifest.jsonl: line 6 missing");
  BOOST_TEST(r.output.find("6 checked, 5 passed, 1 failed") != std::string::npos, r.output);
}

// Item 7: a '#' in the description reached dataset.ini verbatim and was read
// back as a comment, so verify failed on a pristine COCO dataset.
BOOST_AUTO_TEST_CASE(a_hash_in_the_description_survives_dataset_ini) {
  TempDir t;
  const std::string description = "shapes #3 for C# \\ more";
  const fs::path ds =
      make_dataset(t, "ds", " --formats coco --dataset.description='" + description + "'");
  BOOST_TEST(read_text(ds / "annotations/instances_train.json")
                 .find("\"description\":\"shapes #3 for C# \\\\ more\"") != std::string::npos);
  expect_run("verify " + ds.string(), 0, "6 checked, 6 passed, 0 failed");
  // describe of the recipe gives the recipe back.
  const auto d = run_cli("describe --preset " + (ds / "dataset.ini").string());
  BOOST_REQUIRE(d.exit_code == 0);
  std::ofstream(t.str("again.ini")) << d.output;
  const auto again = run_cli("describe --preset " + t.str("again.ini"));
  BOOST_TEST(again.output == d.output);
  BOOST_TEST(d.output.find("description = shapes \\x233 for C\\x23 \\ more\n") != std::string::npos,
             d.output);
}

// Item 8: sums past DBL_MAX, seeds past 2^53, sheet rows past 2^64.
BOOST_AUTO_TEST_CASE(numbers_at_their_limits_are_rejected_exactly) {
  TempDir t;
  expect_run(
      "generate --out " + t.str("o") + " --shape.classes='triangle:1e308, circle:1e308'", 2,
      "key 'shape.classes': value 'triangle:1e308, circle:1e308' is invalid (weights must add "
      "up to a finite number)");
  expect_run("generate --out " + t.str("o") + " --seed 9007199254740993", 2,
             "key 'dataset.seed': value '9007199254740993' is invalid (out of range); allowed: a "
             "whole number in [0, 9007199254740992]");
  expect_run("preview --out " + t.str("p.png") + " --first 18446744073709551615", 2,
             "--first: value '18446744073709551615' is invalid; allowed: a whole number in [0, "
             "18446744073709551599] (with --count 16)");
  expect_run("preview --out " + t.str("p.png") + " --first -1", 2,
             "--first: value '-1' is invalid");
  expect_run(
      "preview --out " + t.str("p.png") + " --count 2 --variants 1 --first 9223372036854775807", 2,
      "allowed: a whole number in [0, 9223372036854775805] (with --count 2 and --variants 1)");
  BOOST_TEST(!fs::exists(t.path() / "o"));
  BOOST_TEST(!fs::exists(t.path() / "p.png"));
}

// Item 9: extra files are found anywhere, with or without layouts.
BOOST_AUTO_TEST_CASE(extra_files_outside_images_are_reported_without_layouts) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  std::ofstream(ds / "notes.txt") << "mine";
  fs::create_directories(ds / "sub");
  std::ofstream(ds / "sub/000001.png") << "x";
  BOOST_REQUIRE(::mkfifo((ds / "pipe").c_str(), 0600) == 0);
  fs::create_symlink("/nonexistent", ds / "dangling");
  const auto r = run_limited("verify " + ds.string());
  expect(r, "verify", 1, "6 checked, 6 passed, 0 failed, 4 problems");
  for (const char* file : {"notes.txt", "sub/000001.png", "pipe", "dangling"})
    BOOST_TEST(r.output.find(std::string("FAIL ") + file +
                             ": extra file, not part of the dataset") != std::string::npos,
               file << "\n"
                    << r.output);
}

// Item 10: inputs that ended in exit 3 "internal error" with library text.
BOOST_AUTO_TEST_CASE(unusable_paths_are_clear_errors_not_internal_ones) {
  TempDir t;
  const fs::path ds = make_dataset(t, "ds");
  expect_run("generate --count 2 --out ''", 2,
             "--out: value '' is invalid; allowed: a folder path");
  expect_run("preview --out ''", 2, "--out: value '' is invalid; allowed: a PNG file path");
  fs::create_symlink("loop_b", t.path() / "loop_a");
  fs::create_symlink("loop_a", t.path() / "loop_b");
  expect_run("generate --count 2 --out " + t.str("loop_a"), 2,
             "--out '" + t.str("loop_a") + "': cannot be used (Too many levels of symbolic links)");
  expect_run(
      "describe --preset " + t.str("loop_a"), 2,
      "--preset '" + t.str("loop_a") + "': cannot be read (Too many levels of symbolic links)");
  expect_run("verify " + ds.string() + " --diff-dir " + t.str("loop_a"), 2,
             "--diff-dir '" + t.str("loop_a") + "': cannot create the folder");
  expect_run("diff " + t.str("loop_a") + " " + ds.string(), 2,
             "neither a PNG file nor a dataset folder");
  fs::remove(ds / "manifest.jsonl");
  fs::create_directory(ds / "manifest.jsonl");
  expect_run("verify " + ds.string(), 1, "FAIL manifest.jsonl: is a folder, not a file");
  expect_run("diff " + ds.string() + " " + ds.string(), 2,
             "/manifest.jsonl: is a folder, not a file)");
}

// Item 13: did-you-mean, long values, NUL, a byte order mark, a folder as preset.
BOOST_AUTO_TEST_CASE(messages_about_odd_input_are_short_and_say_what_is_wrong) {
  TempDir t;
  const auto start = std::chrono::steady_clock::now();
  const auto r =
      run_limited("generate --out " + t.str("o") + " --" + std::string(100000, 'k') + "=1");
  BOOST_TEST(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 10);
  expect(r, "long option", 2, "unknown option '--kkkk");
  BOOST_TEST(r.output.size() < 400u, r.output);
  const auto v =
      run_limited("generate --out " + t.str("o") + " --shape.size=" + std::string(100000, '9'));
  expect(v, "long value", 2,
         "value '" + std::string(80, '9') + "…' is invalid (not a finite number)");
  BOOST_TEST(v.output.size() < 400u, v.output);
  std::ofstream(t.str("nul.ini"), std::ios::binary) << std::string("[shape]\nsize = 1\0x\n", 19);
  expect_run("describe --preset " + t.str("nul.ini"), 2,
             "value '1\\0x' is invalid (not a finite number)");
  std::ofstream(t.str("bom.ini"), std::ios::binary) << "\xEF\xBB\xBF[dataset]\ncount = 7\n";
  expect_run("describe --preset " + t.str("bom.ini"), 0, "\ncount = 7\n");
  // Found by fuzzing: Boost's messages looped forever on their own placeholders.
  expect_run("generate --out " + t.str("o") + " --jobs '%value%'", 2,
             "shapegen generate: option '--jobs' has an invalid argument");
  expect_run("verify " + t.str("o") + " --fail '%value%'", 2,
             "shapegen verify: option '--fail' has an invalid argument");
  std::ofstream(t.str("placeholder.ini")) << "[shape]\n%invalid_line%\n";
  expect_run("describe --preset " + t.str("placeholder.ini"), 2,
             "line 2: '%invalid_line%' is neither a [section] nor key = value");
  fs::create_directories(t.path() / "folder.ini");
  expect_run("describe --preset " + t.str("folder.ini"), 2,
             "--preset '" + t.str("folder.ini") + "': is a folder, not a file");
  BOOST_TEST(!fs::exists(t.path() / "o"));
}

namespace {

// Shards 0 and 1 of 2 of a recipe whose tars span both, in t/s-0 and t/s-1.
void make_two_shards(const TempDir& t) {
  for (const char* shard : {"0/2", "1/2"}) {
    const auto r = run_cli(
        "generate --count 8 --formats coco,webdataset --output.webdataset_samples=3 --shard " +
        std::string(shard) + " --out " + t.str(std::string("s-") + shard[0]));
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  }
}

bool no_staging_left(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".partial") != std::string::npos) return false;
  return true;
}

// merge refused, in one line holding `message`: exit 2, --out untouched
// (a file there stays as it was), no staging folder left.
void expect_merge_refused(const TempDir& t, const std::string& what, const std::string& message,
                          int megabytes = 1024) {
  const fs::path out = t.path() / "out";
  const auto r = run_limited(
      "merge --out " + out.string() + " " + t.str("s-0") + " " + t.str("s-1"), megabytes);
  expect(r, what, 2, message);
  BOOST_TEST_CONTEXT(what) {
    BOOST_TEST(std::count(r.output.begin(), r.output.end(), '\n') == 1, r.output);
    BOOST_TEST(!fs::exists(out));
    BOOST_TEST(no_staging_left(t.path()));
  }
}

}  // namespace

// Issue #13 for merge: whatever is where a shard's file should be, merge
// names it in one line before it writes anything, without hanging on a
// FIFO, reading /dev/zero for ever or allocating what a header claims.
BOOST_AUTO_TEST_CASE(merge_refuses_hostile_shard_files_in_one_line) {
  TempDir t;
  make_two_shards(t);
  const fs::path s1 = t.path() / "s-1", keep = t.path() / "keep";
  fs::copy(s1, keep, fs::copy_options::recursive);
  const auto restore = [&] {
    fs::remove_all(s1);
    fs::copy(keep, s1, fs::copy_options::recursive);
  };
  const std::string damaged = "merge: '" + s1.string() + "' (shard 1 of 2) is damaged: ";
  for (const std::string& file :
       std::vector<std::string>{"manifest.jsonl", "labels.csv", "annotations/instances_train.json",
                                "webdataset/train-000001.tar", "images/000005.png"}) {
    fs::remove(s1 / file);
    BOOST_REQUIRE(::mkfifo((s1 / file).c_str(), 0600) == 0);
    expect_merge_refused(t, file + " FIFO", damaged + file + ": is a FIFO, not a regular file");
    fs::remove(s1 / file);
    fs::create_symlink("/dev/zero", s1 / file);
    expect_merge_refused(t, file + " /dev/zero",
                         damaged + file + ": is a device, not a regular file");
    fs::remove(s1 / file);
    fs::create_directory(s1 / file);
    expect_merge_refused(t, file + " folder", damaged + file + ": is a folder, not a file");
    fs::remove(s1 / file);
    fs::create_symlink("nowhere", s1 / file);
    expect_merge_refused(t, file + " dangling", damaged + file + ": a broken link");
    restore();
  }
  // dataset.ini, read before anything else.
  const std::string ini = "merge: '" + s1.string() + "': dataset.ini: ";
  fs::remove(s1 / "dataset.ini");
  BOOST_REQUIRE(::mkfifo((s1 / "dataset.ini").c_str(), 0600) == 0);
  expect_merge_refused(t, "dataset.ini FIFO", ini + "is a FIFO, not a regular file");
  fs::remove(s1 / "dataset.ini");
  fs::create_symlink("/dev/zero", s1 / "dataset.ini");
  expect_merge_refused(t, "dataset.ini /dev/zero", ini + "is a device, not a regular file");
  fs::remove(s1 / "dataset.ini");
  fs::create_directory(s1 / "dataset.ini");
  expect_merge_refused(t, "dataset.ini folder", ini + "is a folder, not a file");
  restore();
  // A sparse manifest of 64 GiB: refused by its size, not read.
  fs::resize_file(s1 / "manifest.jsonl", std::uintmax_t(64) << 30);
  const auto start = std::chrono::steady_clock::now();
  expect_merge_refused(t, "sparse manifest",
                       damaged + "manifest.jsonl: too large (68719476736 bytes; at most ");
  BOOST_TEST(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 20);
  restore();
  // A member of the tar that spans both shards claiming 1 GiB, its
  // checksum made right: the census holds (the file's size is unchanged),
  // so merge reads it; 300 MB of address space is enough to refuse it.
  {
    const fs::path tar = s1 / "webdataset/train-000001.tar";
    BOOST_REQUIRE(fs::exists(t.path() / "s-0/webdataset/train-000001.tar"));
    std::string bytes = read_text(tar);
    bytes.replace(124, 11, "10000000000");
    std::uint64_t sum = 0;
    for (std::size_t i = 0; i < 512; ++i)
      sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(bytes[i]);
    char field[8];
    std::snprintf(field, sizeof field, "%06o", unsigned(sum));
    bytes.replace(148, 6, field, 6);
    std::ofstream(tar, std::ios::binary | std::ios::trunc) << bytes;
    expect_merge_refused(t, "1 GiB member",
                         s1.string() +
                             "/webdataset/train-000001.tar: ends inside a member (truncated); not "
                             "as shapegen writes it, so it cannot be merged",
                         300);
    restore();
  }
  // An existing dataset at --out stays as it was when merge refuses.
  const auto d = run_cli("generate --count 2 --out " + t.str("out"));
  BOOST_REQUIRE(d.exit_code == 0);
  const std::string before = read_text(t.path() / "out/manifest.jsonl");
  fs::remove(s1 / "labels.csv");
  BOOST_REQUIRE(::mkfifo((s1 / "labels.csv").c_str(), 0600) == 0);
  const auto r = run_limited("merge --overwrite --out " + t.str("out") + " " + t.str("s-0") + " " +
                             s1.string());
  expect(r, "--overwrite", 2, damaged + "labels.csv: is a FIFO, not a regular file");
  BOOST_TEST(read_text(t.path() / "out/manifest.jsonl") == before);
  BOOST_TEST(no_staging_left(t.path()));
  restore();
  // Whole again, the two shards merge.
  const auto ok =
      run_limited("merge --out " + t.str("merged") + " " + t.str("s-0") + " " + s1.string());
  BOOST_TEST(ok.exit_code == 0, ok.output);
}
