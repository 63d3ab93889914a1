#define BOOST_TEST_MODULE shard
// Shards and their parts: the ranges, --shard (also from Slurm and
// Kubernetes variables), the record in dataset.ini, optional keys, tar
// members. End to end (merge == one run) in test_merge.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "dataset/plan.hpp"
#include "dataset/shard_record.hpp"
#include "dataset/tar.hpp"
#include "shapegen/error.hpp"
#include "test_support.hpp"

using namespace shapegen;
namespace fs = std::filesystem;

namespace {

// An environment of the given variables only.
Environment env(std::map<std::string, std::string> vars) {
  auto shared = std::make_shared<std::map<std::string, std::string>>(std::move(vars));
  return [shared](const char* name) -> const char* {
    const auto it = shared->find(name);
    return it == shared->end() ? nullptr : it->second.c_str();
  };
}

Shard shard(const std::string& text, std::map<std::string, std::string> vars = {}) {
  return parse_shard(text, env(std::move(vars)));
}

// A ConfigError whose one-line message holds `part`.
auto says(const std::string& part) {
  return [part](const ConfigError& e) {
    BOOST_TEST_MESSAGE(e.what());
    const std::string what = e.what();
    return what.find(part) != std::string::npos && what.find('\n') == std::string::npos &&
           what.rfind("--shard: value '", 0) == 0;
  };
}

}  // namespace

BOOST_AUTO_TEST_CASE(shards_cover_every_base_once_in_order_and_evenly) {
  for (std::uint64_t bases : {1u, 5u, 13u, 1000u})
    for (std::uint64_t per_base : {1u, 3u})
      for (std::uint64_t n : {1u, 2u, 3u, 7u, 16u, 1001u}) {
        std::uint64_t next = 0, smallest = ~0ull, largest = 0;
        for (std::uint64_t i = 0; i < n; ++i) {
          const RowRange r = shard_rows({i, n}, bases, per_base);
          BOOST_TEST(r.first == next);           // contiguous, in index order
          BOOST_TEST(r.first % per_base == 0u);  // variants stay with their base
          BOOST_TEST(r.size() % per_base == 0u);
          smallest = std::min(smallest, r.size() / per_base);
          largest = std::max(largest, r.size() / per_base);
          next = r.end;
        }
        BOOST_TEST(next == bases * per_base);  // all of them
        BOOST_TEST(largest - smallest <= 1u);  // even
      }
  // More shards than bases: some are empty.
  BOOST_TEST(shard_rows({0, 4}, 2, 1).size() == 0u);
  BOOST_TEST(shard_rows({3, 4}, 2, 1).size() == 1u);
  // No overflow with a billion bases in a billion shards.
  const RowRange last = shard_rows({999999999, 1000000000}, 1000000000, 1001);
  BOOST_TEST(last.end == 1000000000ull * 1001);
  BOOST_TEST(last.size() == 1001u);
}

BOOST_AUTO_TEST_CASE(shard_values_and_their_errors) {
  BOOST_TEST((shard("2/4") == Shard{2, 4}));
  BOOST_TEST((shard("0/1") == Shard{0, 1}));
  BOOST_CHECK_EXCEPTION(
      shard("5/4"), ConfigError,
      says("'5/4' is invalid (index 5 is not below the count 4); allowed: I/N with 0 <= I < N"));
  BOOST_CHECK_EXCEPTION(shard("4/4"), ConfigError, says("index 4 is not below the count 4"));
  BOOST_CHECK_EXCEPTION(shard("0/0"), ConfigError, says("'0/0' is invalid (a count of 0)"));
  BOOST_CHECK_EXCEPTION(shard("-1/4"), ConfigError, says("expected I/N, two whole numbers"));
  BOOST_CHECK_EXCEPTION(shard("1/4x"), ConfigError, says("expected I/N"));
  BOOST_CHECK_EXCEPTION(shard("3"), ConfigError, says("expected I/N"));
  BOOST_CHECK_EXCEPTION(shard("0/2000000000"), ConfigError, says("more than 1000000000 shards"));
}

BOOST_AUTO_TEST_CASE(auto_reads_slurm_arrays_whatever_their_first_index_and_step) {
  BOOST_TEST((shard("auto", {{"SLURM_ARRAY_TASK_ID", "2"},
                             {"SLURM_ARRAY_TASK_MIN", "0"},
                             {"SLURM_ARRAY_TASK_COUNT", "4"}}) == Shard{2, 4}));
  // --array=10-13: task 12 is the third shard.
  BOOST_TEST((shard("auto", {{"SLURM_ARRAY_TASK_ID", "12"},
                             {"SLURM_ARRAY_TASK_MIN", "10"},
                             {"SLURM_ARRAY_TASK_MAX", "13"},
                             {"SLURM_ARRAY_TASK_COUNT", "4"}}) == Shard{2, 4}));
  // --array=0-14:2: task 6 is the fourth of eight.
  BOOST_TEST((shard("auto", {{"SLURM_ARRAY_TASK_ID", "6"},
                             {"SLURM_ARRAY_TASK_MIN", "0"},
                             {"SLURM_ARRAY_TASK_STEP", "2"},
                             {"SLURM_ARRAY_TASK_COUNT", "8"}}) == Shard{3, 8}));
  // auto/N agrees with the array, or says it does not.
  BOOST_TEST((shard("auto/4", {{"SLURM_ARRAY_TASK_ID", "1"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}) ==
              Shard{1, 4}));
  BOOST_CHECK_EXCEPTION(
      shard("auto/8", {{"SLURM_ARRAY_TASK_ID", "1"}, {"SLURM_ARRAY_TASK_COUNT", "4"}}), ConfigError,
      says("the Slurm array has 4 tasks (SLURM_ARRAY_TASK_COUNT), not 8"));
  // --array=1,5,9 is a list: task 9 of 3 would be shard 8.
  BOOST_CHECK_EXCEPTION(
      shard("auto", {{"SLURM_ARRAY_TASK_ID", "9"},
                     {"SLURM_ARRAY_TASK_MIN", "1"},
                     {"SLURM_ARRAY_TASK_COUNT", "3"}}),
      ConfigError,
      says("index 8 is not below the count 3 in the Slurm array: --array must be one range"));
  BOOST_CHECK_EXCEPTION(shard("auto", {{"SLURM_ARRAY_TASK_ID", "x"}}), ConfigError,
                        says("SLURM_ARRAY_TASK_ID='x' is not a whole number"));
  BOOST_CHECK_EXCEPTION(shard("auto", {{"SLURM_ARRAY_TASK_ID", "1"}}), ConfigError,
                        says("SLURM_ARRAY_TASK_COUNT is not"));
}

BOOST_AUTO_TEST_CASE(auto_reads_kubernetes_indexed_jobs_with_the_count_given) {
  BOOST_TEST((shard("auto/8", {{"JOB_COMPLETION_INDEX", "5"}}) == Shard{5, 8}));
  BOOST_TEST((shard("auto", {{"JOB_COMPLETION_INDEX", "5"}, {"SHAPEGEN_SHARD_COUNT", "6"}}) ==
              Shard{5, 6}));
  BOOST_CHECK_EXCEPTION(
      shard("auto", {{"JOB_COMPLETION_INDEX", "5"}}), ConfigError,
      says("gives the index but not the count; give it as auto/N or in SHAPEGEN_SHARD_COUNT"));
  BOOST_CHECK_EXCEPTION(shard("auto/4", {{"JOB_COMPLETION_INDEX", "5"}}), ConfigError,
                        says("index 5 is not below the count 4"));
  BOOST_CHECK_EXCEPTION(
      shard("auto"), ConfigError,
      says("no task index in the environment: neither SLURM_ARRAY_TASK_ID (Slurm job array) nor "
           "JOB_COMPLETION_INDEX (Kubernetes Indexed Job) is set"));
  BOOST_CHECK_EXCEPTION(shard("auto/"), ConfigError, says("expected auto or auto/N"));
}

BOOST_AUTO_TEST_CASE(the_record_follows_the_recipe_which_keeps_its_bytes) {
  const Config config = test::preset_config("detection", {{"dataset.count", "10"}});
  const std::string recipe = config.to_ini();
  const ShardRecord record{{2, 4}, {4, 6}, {12, 3456}};
  const DatasetIni ini = split_dataset_ini(recipe + shard_record_text(record), "x/dataset.ini");
  BOOST_TEST(ini.recipe == recipe);
  BOOST_REQUIRE(ini.record.has_value());
  BOOST_TEST((ini.record->shard == Shard{2, 4}));
  BOOST_TEST(ini.record->rows.first == 4u);
  BOOST_TEST(ini.record->rows.end == 6u);
  BOOST_TEST((ini.record->census == FileCensus{12, 3456}));
  const DatasetIni whole = split_dataset_ini(recipe, "x");
  BOOST_TEST(whole.recipe == recipe);
  BOOST_TEST(!whole.record);
  BOOST_CHECK_THROW(split_dataset_ini(recipe + "\n[shard]\nindex = 1\n", "x"), ConfigError);
  BOOST_CHECK_THROW(
      split_dataset_ini(
          recipe +
              "\n[shard]\nindex = 4\ncount = 4\nfirst_row = 0\nrows = 0\nfiles = 0\nbytes = 0\n",
          "x"),
      ConfigError);

  // A shard's dataset.ini as a preset gives the recipe and the shard.
  test::TempDir t;
  std::ofstream(t.str("dataset.ini")) << recipe + shard_record_text(record);
  Shard recorded;
  BOOST_TEST((load_recipe(t.str("dataset.ini"), {}, &recorded) == config));
  BOOST_TEST((recorded == Shard{2, 4}));
}

BOOST_AUTO_TEST_CASE(optional_keys_are_written_only_when_set) {
  const Config plain = test::preset_config("basic");
  BOOST_TEST(plain.to_ini().find("webdataset_samples") == std::string::npos);
  const Config tars = test::preset_config("basic", {{"output.webdataset_samples", "500"}});
  const std::string ini = tars.to_ini();
  BOOST_TEST(ini.find("\nwebdataset_samples = 500\n") != std::string::npos);
  test::TempDir t;
  std::ofstream(t.str("tars.ini")) << ini;
  BOOST_TEST((load_config(t.str("tars.ini"), {}) == tars));
}

BOOST_AUTO_TEST_CASE(a_plan_feeds_its_shards_rows_and_knows_where_its_tars_start) {
  const Config config = test::preset_config(
      "basic",
      {{"dataset.count", "10"}, {"dataset.variants", "1"}, {"output.split", "train:1, val:1"}});
  const DatasetPlan whole(config);
  const DatasetPlan part(config, {1, 3});
  BOOST_TEST(part.row_count() == whole.row_count());  // stems and ids of the whole
  BOOST_TEST(part.rows().first == 6u);
  BOOST_TEST(part.rows().end == 12u);
  BOOST_TEST(part.row(7).stem == whole.row(7).stem);
  BOOST_TEST(part.row(7).split == whole.row(7).split);
  std::map<std::string, std::uint64_t> counted{{"train", 0}, {"val", 0}};
  for (std::uint64_t r = 0; r < 6; ++r) ++counted[whole.row(r).split];
  BOOST_TEST((part.split_rows_before(6) == counted));
}

BOOST_AUTO_TEST_CASE(tar_members_have_fixed_headers_and_read_back) {
  const std::string m = tar::member("000042.json", "{\"a\":1}");
  BOOST_TEST(m.size() == 1024u);
  BOOST_TEST(m.substr(0, 11) == "000042.json");
  BOOST_TEST(m.substr(100, 8) == std::string("0000644\0", 8));
  BOOST_TEST(m.substr(108, 16) == std::string("0000000\0"
                                              "0000000\0",
                                              16));
  BOOST_TEST(m.substr(124, 12) == std::string("00000000007\0", 12));
  BOOST_TEST(m.substr(136, 12) == std::string("00000000000\0", 12));  // mtime 0
  BOOST_TEST(m[156] == '0');
  BOOST_TEST(m.substr(257, 8) == std::string("ustar\0"
                                             "00",
                                             8));
  BOOST_TEST(m.substr(265, 64) == std::string(64, '\0'));  // no owner names
  BOOST_TEST(m.substr(512, 7) == "{\"a\":1}");
  const std::string archive = m + tar::member("000042.cls", "1") + tar::end(2048);
  BOOST_TEST(archive.size() % tar::kRecord == 0u);
  std::istringstream in(archive);
  tar::Reader reader(in);
  tar::Header h;
  std::string data;
  BOOST_TEST((reader.next(h) == tar::Reader::Next::member));
  BOOST_TEST(h.name == "000042.json");
  BOOST_TEST(reader.data(data));
  BOOST_TEST(data == "{\"a\":1}");
  BOOST_TEST((reader.next(h) == tar::Reader::Next::member));  // data skipped when not read
  BOOST_TEST((reader.next(h) == tar::Reader::Next::end));
  std::istringstream cut(archive.substr(0, 700));
  tar::Reader truncated(cut);
  BOOST_TEST((truncated.next(h) == tar::Reader::Next::member));
  BOOST_TEST(!truncated.data(data));
}
