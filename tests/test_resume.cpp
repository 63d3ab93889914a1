#define BOOST_TEST_MODULE resume
// Interruption and resume through the shapegen binary: --overwrite keeps
// foreign files, kill -9 then --resume gives the bytes of an uninterrupted
// run, recipes are checked, leftovers of dead runs are tidied, a full or
// read-only disk leaves a resumable run, progress shows on a terminal.
#include <signal.h>
#include <sys/mount.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>

#include "store/checkpoint.hpp"
#include "test_support.hpp"

using namespace shapegen;
using test::read_text;
using test::run_cli;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string bin() { return std::string("'") + SHAPEGEN_BIN + "'"; }

void require_identical_trees(const fs::path& a, const fs::path& b) {
  std::size_t files = 0, files_b = 0;
  for (const auto& e : fs::recursive_directory_iterator(a)) {
    if (!e.is_regular_file()) continue;
    const fs::path rel = fs::relative(e.path(), a);
    ++files;
    if (rel == "data.yaml") continue;  // names its folder
    BOOST_TEST_CONTEXT(rel.string()) {
      BOOST_REQUIRE(fs::exists(b / rel));
      BOOST_TEST((read_text(e.path()) == read_text(b / rel)));
    }
  }
  for (const auto& e : fs::recursive_directory_iterator(b)) files_b += e.is_regular_file();
  BOOST_TEST(files_b == files);
}

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::vector<fs::path> partials(const fs::path& dir) {
  std::vector<fs::path> found;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".partial-") != std::string::npos)
      found.push_back(e.path());
  return found;
}

// Starts `command` (a run writing to `out`) in the background, waits until
// its staging folder has checkpointed rows past what it held when the command
// started, then sends `signal`: the signal lands mid-run however fast or slow
// the machine is. Returns the command's exit status (0 if it finished first).
test::RunResult signal_mid_run(const std::string& command, const fs::path& out,
                               const std::string& signal) {
  const std::string parent = out.parent_path().string(), name = out.filename().string();
  const std::string checkpoint = "'" + parent + "'/." + name + ".partial-*/.shapegen-checkpoint";
  return test::run_shell(
      "(before=$(cat " + checkpoint + " 2>/dev/null | md5sum); SHAPEGEN_CHECKPOINT_SECONDS=0 " +
      command + " & pid=$!; for i in $(seq 1 3000); do kill -0 $pid 2>/dev/null || break; " +
      "now=$(cat " + checkpoint + " 2>/dev/null | md5sum); " + "ls " + checkpoint +
      " >/dev/null 2>&1 && [ \"$now\" != \"$before\" ] && break; sleep 0.02; done; " + "kill -" +
      signal + " $pid 2>/dev/null; wait $pid)");
}

// Kills a --resume run of `args` with SIGKILL mid-run three times, resuming
// each time, then lets it complete; returns how many runs were killed.
// `env`: variables set for the runs ("env NAME=value ").
int kill_and_resume(const std::string& args, const std::string& out, const std::string& env = "") {
  int killed = 0;
  const std::string command = env + bin() + " generate " + args + " --resume -q --out " + out;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const auto r = signal_mid_run(command, out, "KILL");
    if (r.exit_code == 0) return killed;
    BOOST_REQUIRE_MESSAGE(r.exit_code == 137 || r.exit_code == -1, r.output);
    ++killed;
  }
  const auto r = test::run_shell(command);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  return killed;
}

// Whether a tmpfs can be mounted here (tried on a scratch folder).
boost::test_tools::assertion_result can_mount_a_tmpfs(boost::unit_test::test_unit_id) {
  TempDir t;
  boost::test_tools::assertion_result mounted(
      ::mount("tmpfs", t.path().c_str(), "tmpfs", 0, "size=1m") == 0);
  if (mounted)
    ::umount2(t.path().c_str(), MNT_DETACH);
  else
    mounted.message() << "cannot mount a tmpfs here (not root or no permission)";
  return mounted;
}

long dead_pid() {
  for (long pid = 4000000; pid > 100000; --pid)
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH) return pid;
  return 0;
}

}  // namespace

BOOST_AUTO_TEST_CASE(overwrite_refuses_foreign_files_and_names_them) {
  TempDir t;
  const std::string out = t.str("o");
  BOOST_REQUIRE(run_cli("generate --count 4 --formats coco,yolo --out " + out).exit_code == 0);
  const std::string before = read_text(t.path() / "o/manifest.jsonl");
  std::ofstream(t.path() / "o/notes.txt") << "x\n";
  fs::create_directories(t.path() / "o/mine");
  std::ofstream(t.path() / "o/mine/a.txt") << "y\n";
  std::ofstream(t.path() / "o/images/README") << "z\n";
  const auto r = run_cli("generate --count 6 --overwrite --out " + out);
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.output.find(
                 "it holds 3 files that are not the dataset's (images/README, mine/, notes.txt)") !=
                 std::string::npos,
             r.output);
  BOOST_TEST(count_of(r.output, "\n") == 1u);
  BOOST_TEST(read_text(t.path() / "o/manifest.jsonl") == before);
  BOOST_TEST(read_text(t.path() / "o/notes.txt") == "x\n");
  BOOST_TEST(partials(t.path()).empty());
  // Without them the dataset is replaced (by an exchange: no "-old" left).
  fs::remove_all(t.path() / "o/mine");
  fs::remove(t.path() / "o/notes.txt");
  fs::remove(t.path() / "o/images/README");
  BOOST_REQUIRE(run_cli("generate --count 6 --overwrite --out " + out).exit_code == 0);
  BOOST_TEST(count_of(read_text(t.path() / "o/manifest.jsonl"), "\n") == 6u);
  BOOST_TEST(partials(t.path()).empty());
}

BOOST_AUTO_TEST_CASE(leftovers_of_dead_runs_are_restored_or_removed) {
  TempDir t;
  const long pid = dead_pid();
  BOOST_REQUIRE(pid > 0);
  // A swap cut short between its two renames: the old dataset is "-old" and
  // DIR is missing; the next generate restores it.
  BOOST_REQUIRE(run_cli("generate --count 3 --out " + t.str("o")).exit_code == 0);
  const fs::path old = t.path() / (".o.partial-" + std::to_string(pid) + "-old");
  fs::rename(t.path() / "o", old);
  auto r = run_cli("generate --count 3 --out " + t.str("o"));
  BOOST_TEST(r.exit_code == 2);  // DIR is back, and not empty
  BOOST_TEST(r.output.find("restored") != std::string::npos, r.output);
  BOOST_TEST(fs::exists(t.path() / "o/dataset.ini"));
  BOOST_TEST(!fs::exists(old));
  // A kill while the old set was deleted: "-old" beside DIR goes; so does
  // a staging folder without a run record.
  fs::create_directories(old / "images");
  fs::create_directories(t.path() / (".o.partial-" + std::to_string(pid)) / "images");
  r = run_cli("generate --count 3 --overwrite --out " + t.str("o"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  BOOST_TEST(partials(t.path()).empty());
}

BOOST_AUTO_TEST_CASE(sigkill_then_resume_equals_an_uninterrupted_run) {
  for (const std::string formats : {"", "--formats coco,yolo,masks,imagefolder,webdataset "}) {
    BOOST_TEST_CONTEXT(formats) {
      TempDir t;
      const std::string args =
          "--preset detection --count 240 --jobs 1 --split train=0.6,val=0.2,test=0.2 "
          "--output.webdataset_samples=50 " +
          formats;
      BOOST_REQUIRE(run_cli("generate " + args + " -q --out " + t.str("ref")).exit_code == 0);
      const int killed = kill_and_resume(args, t.str("o"));
      BOOST_TEST(killed >= 2);
      require_identical_trees(t.path() / "ref", t.path() / "o");
      BOOST_TEST(partials(t.path()).empty());
      BOOST_TEST(run_cli("verify -q " + t.str("o")).exit_code == 0);
    }
  }
}

// With two jobs the workers make batch k + 1 (and write its images in
// place) while batch k goes to the sinks; a checkpoint is taken with
// nothing in flight, the next batch made only after it. Checkpoints every
// 10 ms (not after every batch, as above), so some batches overlap and some
// do not, and a kill may land mid-write of an image of a later row: resume
// must write it again.
BOOST_AUTO_TEST_CASE(sigkill_then_resume_with_overlapping_batches) {
  TempDir t;
  const std::string args =
      "--preset detection --count 480 --split train=0.6,val=0.2,test=0.2 "
      "--output.webdataset_samples=50 --formats coco,yolo,masks,imagefolder,webdataset ";
  BOOST_REQUIRE(run_cli("generate " + args + "--jobs 1 -q --out " + t.str("ref")).exit_code == 0);
  const int killed =
      kill_and_resume(args + "--jobs 2", t.str("o"), "env SHAPEGEN_CHECKPOINT_SECONDS=0.01 ");
  BOOST_TEST_MESSAGE("killed " << killed << " times");
  BOOST_TEST(killed >= 1);
  require_identical_trees(t.path() / "ref", t.path() / "o");
  BOOST_TEST(partials(t.path()).empty());
  BOOST_TEST(run_cli("verify -q --jobs 2 " + t.str("o")).exit_code == 0);
}

// Images are written in place (no temporary name): a kill mid-write leaves
// a file cut short, always of a row after the checkpoint (a checkpoint
// waits for every file of the rows before it). Here such files are made on
// purpose, cut short or garbage, for the rows right after the checkpoint;
// resume writes them again.
BOOST_AUTO_TEST_CASE(files_cut_short_after_the_checkpoint_are_written_again) {
  TempDir t;
  const std::string args = "--preset detection --count 480 --formats masks,imagefolder ";
  BOOST_REQUIRE(run_cli("generate " + args + "--jobs 1 -q --out " + t.str("ref")).exit_code == 0);
  const std::string command =
      bin() + " generate " + args + "--jobs 2 --resume -q --out " + t.str("o");
  const auto r = signal_mid_run(command, t.path() / "o", "KILL");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 137 || r.exit_code == -1, r.output);
  const auto staging = partials(t.path());
  BOOST_REQUIRE(staging.size() == 1u);
  const auto checkpoint = read_checkpoint(staging[0]);
  BOOST_REQUIRE(checkpoint);
  const std::uint64_t done = checkpoint->rows_done;
  BOOST_REQUIRE(done < 480u);
  for (std::uint64_t row = done; row < std::min<std::uint64_t>(done + 8, 480); ++row) {
    std::string stem = std::to_string(row);
    stem.insert(0, 6 - stem.size(), '0');
    for (const std::string& file : {"images/" + stem + ".png", "masks/instance/" + stem + ".png"}) {
      const fs::path path = staging[0] / file;
      fs::create_directories(path.parent_path());
      if (fs::exists(path) && fs::file_size(path) > 1)
        fs::resize_file(path, fs::file_size(path) / 2);
      else
        std::ofstream(path, std::ios::binary) << "\x89PNG cut";
    }
  }
  // A kill while the checkpoint was being written leaves its temporary name.
  std::ofstream(staging[0] / ".shapegen-checkpoint.tmp") << "rows_done = 1\n";
  const auto resumed = test::run_shell(command);
  BOOST_REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.output);
  require_identical_trees(t.path() / "ref", t.path() / "o");
  BOOST_TEST(partials(t.path()).empty());
}

BOOST_AUTO_TEST_CASE(an_interrupted_run_is_reported_checked_and_discarded) {
  TempDir t;
  const std::string args = "--preset detection --count 2000 --jobs 1 --formats coco ";
  signal_mid_run(bin() + " generate " + args + "-q --out " + t.str("o"), t.path() / "o", "KILL");
  BOOST_REQUIRE(partials(t.path()).size() == 1u);
  // A normal run names it and what to do.
  auto r = run_cli("generate " + args + "--out " + t.str("o"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.output.find("found an interrupted run in") != std::string::npos, r.output);
  BOOST_TEST(
      r.output.find("rerun with --resume to continue it, or with --overwrite to discard it") !=
          std::string::npos,
      r.output);
  // Another recipe is refused, naming the keys.
  r = run_cli("generate " + args + "--seed 7 --image.width=96 --resume --out " + t.str("o"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.output.find("dataset.seed = 17 there, 7 here") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("image.width = 128 there, 96 here") != std::string::npos, r.output);
  BOOST_TEST(partials(t.path()).size() == 1u);
  // --overwrite discards it.
  r = run_cli("generate --count 3 --overwrite --out " + t.str("o"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  BOOST_TEST(r.output.find("discarded the interrupted run") != std::string::npos, r.output);
  BOOST_TEST(partials(t.path()).empty());
}

BOOST_AUTO_TEST_CASE(ctrl_c_under_resume_keeps_the_run) {
  TempDir t;
  const std::string args = "--preset detection --count 300 --jobs 1 --formats coco,webdataset ";
  BOOST_REQUIRE(run_cli("generate " + args + "-q --out " + t.str("ref")).exit_code == 0);
  auto r = signal_mid_run(bin() + " generate " + args + "--resume -q --out " + t.str("o"),
                          t.path() / "o", "INT");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.output.find("rerun with --resume to continue it") != std::string::npos, r.output);
  BOOST_REQUIRE(partials(t.path()).size() == 1u);
  r = run_cli("generate " + args + "--resume -q --out " + t.str("o"));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  BOOST_TEST(r.output.find("resuming the interrupted run") != std::string::npos, r.output);
  require_identical_trees(t.path() / "ref", t.path() / "o");
}

// A small tmpfs: only where mount works (as root). Elsewhere the case is
// skipped by its precondition, which CTest's test_resume_tmpfs reports.
BOOST_AUTO_TEST_CASE(full_and_read_only_disks_leave_a_resumable_run,
                     *boost::unit_test::precondition(can_mount_a_tmpfs)) {
  TempDir t;
  const fs::path disk = t.path() / "disk";
  fs::create_directories(disk);
  BOOST_REQUIRE(::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=2m") == 0);
  struct Unmount {
    fs::path at;
    ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
  } unmount{disk};
  const std::string args = "--preset detection --count 400 --jobs 1 --formats coco,webdataset ";
  BOOST_REQUIRE(run_cli("generate " + args + "-q --out " + t.str("ref")).exit_code == 0);
  const std::string out = (disk / "o").string();
  auto r = test::run_shell("SHAPEGEN_CHECKPOINT_SECONDS=0 " + bin() + " generate " + args +
                           "-q --out " + out);
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(count_of(r.output, "\n") == 1u, r.output);
  BOOST_TEST(r.output.find("rows done are kept in") != std::string::npos, r.output);
  BOOST_REQUIRE(partials(disk).size() == 1u);
  // Read-only: a clear error, the run still there.
  BOOST_REQUIRE(::mount("tmpfs", disk.c_str(), "tmpfs", MS_REMOUNT | MS_RDONLY, "size=2m") == 0);
  r = run_cli("generate " + args + "--resume -q --out " + out);
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.output.find("Read-only file system") != std::string::npos, r.output);
  BOOST_REQUIRE(partials(disk).size() == 1u);
  // Room again: --resume finishes it, byte for byte.
  BOOST_REQUIRE(::mount("tmpfs", disk.c_str(), "tmpfs", MS_REMOUNT, "size=200m") == 0);
  r = run_cli("generate " + args + "--resume -q --out " + out);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  require_identical_trees(t.path() / "ref", disk / "o");
  BOOST_TEST(partials(disk).empty());
}

BOOST_AUTO_TEST_CASE(progress_shows_on_a_terminal_unless_quiet) {
  TempDir t;
  const std::string run = bin() + " generate --count 3000 --jobs 1 --out ";
  auto r = test::run_shell("script -qec \"" + run + t.str("a") + "\" /dev/null");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  BOOST_TEST(r.output.find("\r\033[Kgenerate: ") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("rows/s, ETA") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("3000 rows in") != std::string::npos, r.output);  // the summary
  r = test::run_shell("script -qec \"" + run + t.str("b") + " --quiet\" /dev/null");
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  BOOST_TEST(r.output.find("ETA") == std::string::npos, r.output);
  // verify too
  r = test::run_shell("script -qec \"" + bin() + " verify --jobs 1 " + t.str("a") + "\" /dev/null");
  BOOST_TEST(r.output.find("\r\033[Kverify: ") != std::string::npos, r.output);
}

BOOST_AUTO_TEST_CASE(ctrl_c_during_verify_removes_its_scratch_folder) {
  TempDir t;
  BOOST_REQUIRE(
      run_cli("generate --preset detection --count 2000 --formats coco -q --out " + t.str("d"))
          .exit_code == 0);
  fs::create_directories(t.path() / "tmp");
  const auto r =
      test::run_shell("TMPDIR=" + t.str("tmp") + " timeout --preserve-status -s INT 0.5 " + bin() +
                      " verify --jobs 1 -q " + t.str("d"));
  BOOST_TEST(r.exit_code == 2, r.output);
  BOOST_TEST(r.output.find("interrupted after") != std::string::npos, r.output);
  BOOST_TEST(fs::is_empty(t.path() / "tmp"));
}

BOOST_AUTO_TEST_CASE(large_runs_are_estimated_and_refused_when_they_cannot_fit) {
  TempDir t;
  auto r = run_cli("generate --image.width=8192 --image.height=8192 --count 1000000000 --out " +
                   t.str("big"));
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(count_of(r.output, "\n") == 1u, r.output);
  BOOST_TEST(r.output.find("1000000000 rows need about ") != std::string::npos, r.output);
  BOOST_TEST(r.output.find(" TB (") != std::string::npos, r.output);
  BOOST_TEST(r.output.find("pass --no-space-check to try anyway") != std::string::npos, r.output);
  BOOST_TEST(fs::is_empty(t.path()));
  // A run over 100 000 rows that fits says what it will cost (then Ctrl-C).
  r = test::run_shell("timeout --preserve-status -s INT 1.5 " + bin() +
                      " generate --count 200000 --out " + t.str("mid"));
  BOOST_TEST(r.output.find("note: estimate: about ") != std::string::npos, r.output);
  BOOST_TEST(fs::is_empty(t.path()));
}
