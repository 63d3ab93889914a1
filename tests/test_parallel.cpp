#define BOOST_TEST_MODULE parallel
#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "base/parallel.hpp"

using namespace shapegen;

BOOST_AUTO_TEST_CASE(batch_pool_runs_every_item_once_batch_after_batch) {
  for (int jobs : {1, 2, 5}) {
    BatchPool pool(jobs);
    for (std::uint64_t n : {0, 1, 7, 100}) {
      std::vector<std::atomic<int>> runs(n);
      pool.start(n, [&](std::uint64_t i) { ++runs[i]; });
      pool.finish();
      for (std::uint64_t i = 0; i < n; ++i) BOOST_TEST(runs[i] == 1);
    }
  }
}

BOOST_AUTO_TEST_CASE(batch_pool_overlaps_the_callers_work_with_a_batch) {
  // The caller's own work between start() and finish() runs while the
  // pool's threads take items.
  BatchPool pool(2);
  std::atomic<bool> caller_done{false};
  std::atomic<int> seen_before_finish{0};
  pool.start(50, [&](std::uint64_t) {
    if (!caller_done) ++seen_before_finish;
  });
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (seen_before_finish == 0 && std::chrono::steady_clock::now() < give_up)
    std::this_thread::yield();
  caller_done = true;
  pool.finish();
  BOOST_TEST(seen_before_finish > 0);
}

BOOST_AUTO_TEST_CASE(batch_pool_rethrows_the_first_error_and_stays_usable) {
  BatchPool pool(3);
  pool.start(1000, [](std::uint64_t i) {
    if (i == 10) throw std::runtime_error("item 10");
  });
  BOOST_CHECK_THROW(pool.finish(), std::runtime_error);
  std::atomic<int> runs{0};
  pool.start(20, [&](std::uint64_t) { ++runs; });
  pool.finish();
  BOOST_TEST(runs == 20);
}

BOOST_AUTO_TEST_CASE(a_batch_pool_left_mid_batch_stops_and_joins) {
  std::atomic<int> runs{0};
  {
    BatchPool pool(2);
    pool.start(100000, [&](std::uint64_t) {
      std::this_thread::sleep_for(std::chrono::microseconds(20));
      ++runs;
    });
  }  // as when the caller unwinds between start() and finish()
  BOOST_TEST(runs < 100000);
}
