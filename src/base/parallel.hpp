#pragma once
// Private: runs work(i) for i in [0, n) on `jobs` threads (the caller's
// included), item i on thread i % jobs. Callers keep results per index, so
// nothing depends on which thread ran what.
#include <algorithm>
#include <cstdint>
#include <thread>
#include <vector>

namespace shapegen {

template <typename F>
void parallel_for(std::uint64_t n, int jobs, F&& work) {
  jobs = std::max(1, jobs);
  std::vector<std::jthread> threads;
  for (int w = 1; w < jobs; ++w)
    threads.emplace_back([&, w] {
      for (std::uint64_t i = w; i < n; i += jobs) work(i);
    });
  for (std::uint64_t i = 0; i < n; i += jobs) work(i);
}  // the jthreads join here

}  // namespace shapegen
