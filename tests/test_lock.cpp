#define BOOST_TEST_MODULE lock
// One writer per --out: a second generate (plain, --overwrite, --resume,
// --shard) or merge into a folder another run is writing is refused at
// once, naming that run, with nothing touched; a lock file a kill -9 left
// does not block the next run; no lock file stays behind or in the dataset.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <fstream>

#include "shapegen/error.hpp"
#include "store/out_lock.hpp"
#include "test_support.hpp"

using namespace shapegen;
using test::read_text;
using test::run_cli;
using test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string bin() { return std::string("'") + SHAPEGEN_BIN + "'"; }

std::string host() {
  char name[256] = {};
  ::gethostname(name, sizeof name - 1);
  return name;
}

std::size_t lines(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

// The refusal naming the run with that pid.
void require_refused_by(const test::RunResult& r, long pid, const std::string& out) {
  BOOST_TEST(r.exit_code == 2, r.output);
  BOOST_TEST(lines(r.output) == 1u, r.output);
  BOOST_TEST(
      r.output.find("shapegen: error: --out '" + out + "': another shapegen run (pid " +
                    std::to_string(pid) + " on " + host() + ", started ") != std::string::npos,
      r.output);
  BOOST_TEST(
      r.output.find(" UTC) is writing it; wait for it to finish or stop it") != std::string::npos,
      r.output);
}

std::size_t partials(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir))
    n += e.path().filename().string().find(".partial-") != std::string::npos;
  return n;
}

// No lock file beside the dataset, none in it, and verify passes.
void require_clean(const fs::path& out) {
  BOOST_TEST(!fs::exists(lock_path(out)), lock_path(out));
  for (const auto& e : fs::recursive_directory_iterator(out))
    BOOST_TEST(e.path().filename().string().find("lock") == std::string::npos, e.path());
  const auto r = run_cli("verify -q " + out.string());
  BOOST_TEST(r.exit_code == 0, r.output);
}

struct Race {
  long first_pid = 0;
  bool mid_run = false;  // the first was still writing when the second ran
  int first_exit = -1;
  test::RunResult second;
};

// Starts `first` (a run writing `out`) in the background, stops it
// (SIGSTOP) as soon as its staging folder holds a run record, runs `second`
// meanwhile, then lets the first finish: deterministic whatever the speed.
Race race(const TempDir& t, const std::string& first, const std::string& second,
          const fs::path& out) {
  const std::string staging =
      "'" + out.parent_path().string() + "'/." + out.filename().string() + ".partial-$pid";
  const std::string log = "'" + t.str() + "'/";
  const auto r = test::run_shell(
      "(" + first + " >" + log + "first.log 2>&1 & pid=$!; echo $pid >" + log +
      "first.pid; for i in $(seq 1 3000); do [ -f " + staging +
      "/.shapegen-run ] && break; kill -0 $pid 2>/dev/null || break; sleep 0.01; done; " +
      "kill -STOP $pid; [ -d " + staging + " ] && echo yes >" + log + "mid_run; " + second + " >" +
      log + "second.log 2>&1; echo $? >" + log + "second.rc; " +
      "kill -CONT $pid; wait $pid; echo $? >" + log + "first.rc)");
  BOOST_TEST_MESSAGE(r.output);
  Race race;
  race.first_pid = std::stol(read_text(t.path() / "first.pid"));
  race.mid_run = fs::exists(t.path() / "mid_run");
  race.first_exit = std::stoi(read_text(t.path() / "first.rc"));
  race.second.exit_code = std::stoi(read_text(t.path() / "second.rc"));
  race.second.output = read_text(t.path() / "second.log");
  BOOST_TEST_MESSAGE("first: " << read_text(t.path() / "first.log"));
  return race;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_lock_is_held_once_and_its_file_goes_with_it) {
  TempDir t;
  const std::string out = t.str("o");
  {
    const OutLock lock(out);
    BOOST_TEST(fs::exists(t.path() / ".o.lock"));
    BOOST_TEST(read_text(t.path() / ".o.lock").find("pid = " + std::to_string(::getpid())) !=
               std::string::npos);
    try {
      const OutLock again(out + "/");  // the same folder, spelled otherwise
      BOOST_FAIL("locked twice");
    } catch (const IoError& e) {
      const std::string what = e.what();
      BOOST_TEST(
          what.find("another shapegen run (pid " + std::to_string(::getpid())) != std::string::npos,
          what);
    }
  }
  BOOST_TEST(!fs::exists(t.path() / ".o.lock"));
  BOOST_TEST(!fs::exists(t.path() / "o"));
  const OutLock after(out);  // free again
}

BOOST_AUTO_TEST_CASE(two_concurrent_generates_into_one_out) {
  TempDir t;
  const fs::path out = t.path() / "o";
  const std::string run = bin() + " generate --count 1000 --jobs 1 -q --out " + out.string();
  const Race r = race(t, run + " --seed 1", run + " --seed 2", out);
  BOOST_REQUIRE(r.mid_run);
  require_refused_by(r.second, r.first_pid, out.string());
  BOOST_TEST(r.first_exit == 0);
  BOOST_TEST(read_text(out / "dataset.ini").find("seed = 1\n") != std::string::npos);
  BOOST_TEST(lines(read_text(out / "manifest.jsonl")) == 1000u);
  BOOST_TEST(partials(t.path()) == 0u);
  require_clean(out);
}

BOOST_AUTO_TEST_CASE(two_concurrent_resumes_of_one_run) {
  TempDir t;
  const fs::path out = t.path() / "o";
  const std::string args = "--count 1000 --jobs 1 -q --resume --out " + out.string();
  BOOST_REQUIRE(run_cli("generate --count 1000 --jobs 1 -q --out " + t.str("ref")).exit_code == 0);
  // An interrupted run: killed once it has checkpointed.
  const std::string checkpoint = "'" + t.str() + "'/.o.partial-*/.shapegen-checkpoint";
  const auto killed = test::run_shell("(SHAPEGEN_CHECKPOINT_SECONDS=0 " + bin() + " generate " +
                                      args + " & pid=$!; " + "for i in $(seq 1 3000); do ls " +
                                      checkpoint + " >/dev/null 2>&1 && break; sleep 0.01; " +
                                      "done; kill -KILL $pid; wait $pid)");
  BOOST_REQUIRE_MESSAGE(killed.exit_code != 0, killed.output);
  BOOST_REQUIRE(partials(t.path()) == 1u);
  const std::string resume = bin() + " generate " + args;
  const Race r = race(t, resume, resume, out);
  BOOST_REQUIRE(r.mid_run);
  require_refused_by(r.second, r.first_pid, out.string());
  BOOST_TEST(r.second.output.find("another recipe") == std::string::npos, r.second.output);
  BOOST_TEST(r.first_exit == 0);
  BOOST_TEST(read_text(out / "manifest.jsonl") == read_text(t.path() / "ref/manifest.jsonl"));
  BOOST_TEST(partials(t.path()) == 0u);
  require_clean(out);
}

BOOST_AUTO_TEST_CASE(every_kind_of_generate_is_refused_while_locked) {
  TempDir t;
  const std::string out = t.str("o");
  BOOST_REQUIRE(run_cli("generate --count 4 --seed 1 -q --out " + out).exit_code == 0);
  const std::string before = read_text(t.path() / "o/manifest.jsonl");
  {
    const OutLock held(out);  // this process is "the first run"
    for (const std::string mode : {"", "--overwrite", "--resume", "--overwrite --shard 0/2"}) {
      BOOST_TEST_CONTEXT(mode) {
        const auto r = run_cli("generate --count 6 --seed 2 -q " + mode + " --out " + out);
        require_refused_by(r, ::getpid(), out);
        BOOST_TEST(read_text(t.path() / "o/manifest.jsonl") == before);
        BOOST_TEST(partials(t.path()) == 0u);
      }
    }
    // Another folder has a lock of its own.
    const auto r = run_cli("generate --count 6 -q --out " + t.str("n"));
    BOOST_TEST(r.exit_code == 0, r.output);
    // A new folder: not even created.
    const OutLock n_held(t.str("n2"));
    require_refused_by(run_cli("generate --count 6 -q --out " + t.str("n2")), ::getpid(),
                       t.str("n2"));
    BOOST_TEST(!fs::exists(t.path() / "n2"));
  }
  const auto r = run_cli("generate --count 6 --seed 2 -q --overwrite --out " + out);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  require_clean(out);
}

BOOST_AUTO_TEST_CASE(a_lock_file_left_by_kill_9_does_not_block) {
  TempDir t;
  const fs::path out = t.path() / "o";
  const std::string args = "--count 1000 --jobs 1 -q --resume --out " + out.string();
  BOOST_REQUIRE(run_cli("generate --count 1000 --jobs 1 -q --out " + t.str("ref")).exit_code == 0);
  const std::string checkpoint = "'" + t.str() + "'/.o.partial-*/.shapegen-checkpoint";
  const auto killed = test::run_shell(
      "(SHAPEGEN_CHECKPOINT_SECONDS=0 " + bin() + " generate " + args + " & pid=$!; echo $pid >'" +
      t.str("pid") + "'; for i in $(seq 1 3000); do ls " + checkpoint +
      " >/dev/null 2>&1 && break; sleep 0.01; done; kill -KILL $pid; wait $pid)");
  BOOST_REQUIRE_MESSAGE(killed.exit_code != 0, killed.output);
  // The dead run's file is still there, naming it: it only informs.
  const fs::path lock = t.path() / ".o.lock";
  BOOST_REQUIRE(fs::exists(lock));
  BOOST_TEST(read_text(lock).find("pid = " + read_text(t.path() / "pid")) != std::string::npos);
  auto r = run_cli("generate " + args);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  BOOST_TEST(read_text(out / "manifest.jsonl") == read_text(t.path() / "ref/manifest.jsonl"));
  require_clean(out);
  // A plain run over a stale file of a pid that is not running, likewise.
  std::ofstream(lock) << "pid = 1\nhost = " << host() << "\nstarted = 2026-01-01 00:00:00 UTC\n";
  r = run_cli("generate --count 5 -q --overwrite --out " + out.string());
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  require_clean(out);
}

BOOST_AUTO_TEST_CASE(merge_out_is_locked_likewise) {
  TempDir t;
  for (int i = 0; i < 2; ++i)
    BOOST_REQUIRE(run_cli("generate --count 6 -q --shard " + std::to_string(i) + "/2 --out " +
                          t.str("s" + std::to_string(i)))
                      .exit_code == 0);
  const std::string out = t.str("m");
  const std::string merge = "merge --out " + out + " " + t.str("s0") + " " + t.str("s1");
  {
    const OutLock held(out);
    require_refused_by(run_cli(merge), ::getpid(), out);
    BOOST_TEST(!fs::exists(t.path() / "m"));
    BOOST_TEST(partials(t.path()) == 0u);
  }
  const auto r = run_cli(merge);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.output);
  require_clean(out);
  // --overwrite likewise.
  const OutLock held(out);
  require_refused_by(run_cli(merge + " --overwrite"), ::getpid(), out);
}
