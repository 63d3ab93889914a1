#pragma once
// Private: runs work(i) for i in [0, n) on `jobs` threads (the caller's
// included), item i on thread i % jobs. Callers keep results per index, so
// nothing depends on which thread ran what.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace shapegen {

// The first exception thrown by any item stops the remaining items and is
// rethrown on the caller's thread (an exception escaping a thread would end
// the program).
template <typename F>
void parallel_for(std::uint64_t n, int jobs, F&& work) {
  jobs = std::max(1, jobs);
  std::exception_ptr error;
  std::mutex lock;
  std::atomic<bool> failed{false};
  auto run = [&](int w) {
    for (std::uint64_t i = w; i < n && !failed.load(std::memory_order_relaxed); i += jobs) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> guard(lock);
        if (!error) error = std::current_exception();
        failed = true;
      }
    }
  };
  {
    std::vector<std::jthread> threads;
    for (int w = 1; w < jobs; ++w) threads.emplace_back(run, w);
    run(0);
  }  // the jthreads join here
  if (error) std::rethrow_exception(error);
}

}  // namespace shapegen
