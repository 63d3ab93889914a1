#pragma once
// Private: runs work(i) for i in [0, n) on `jobs` threads (the caller's
// included), item i on thread i % jobs. Callers keep results per index, so
// nothing depends on which thread ran what.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
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

namespace shapegen {

// Runs batches of items on `jobs` threads: jobs - 1 of its own, and the
// caller's, which joins in when it calls finish(). start() returns at once,
// so the caller can do other work meanwhile (write the previous batch)
// while the pool's threads make this one. Items are taken in index order as
// threads become free; callers keep results per index. The first exception
// of an item stops the batch and is rethrown by finish().
class BatchPool {
 public:
  explicit BatchPool(int jobs) {
    for (int w = 1; w < std::max(1, jobs); ++w) threads_.emplace_back([this] { serve(); });
  }
  ~BatchPool() {
    {
      std::lock_guard<std::mutex> guard(lock_);
      stopping_ = true;
      failed_ = true;  // a batch still running (the caller is unwinding) stops early
    }
    wake_.notify_all();
    threads_.clear();  // joins; threads finish the item they are on
  }
  BatchPool(const BatchPool&) = delete;
  BatchPool& operator=(const BatchPool&) = delete;

  // Starts work(i) for i in [0, n). The previous batch must be finished.
  void start(std::uint64_t n, std::function<void(std::uint64_t)> work) {
    {
      std::lock_guard<std::mutex> guard(lock_);
      work_ = std::move(work);
      n_ = n;
      next_ = 0;
      idle_ = 0;
      error_ = nullptr;
      failed_ = false;
      ++generation_;
    }
    wake_.notify_all();
  }

  // Works on the batch on the caller's thread until every item is done.
  void finish() {
    run_items();
    std::unique_lock<std::mutex> guard(lock_);
    done_.wait(guard, [this] { return idle_ == threads_.size(); });
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void run_items() {
    for (std::uint64_t i; !failed_.load(std::memory_order_relaxed) && (i = next_++) < n_;) {
      try {
        work_(i);
      } catch (...) {
        std::lock_guard<std::mutex> guard(lock_);
        if (!error_) error_ = std::current_exception();
        failed_ = true;
      }
    }
  }

  void serve() {
    std::uint64_t seen = 0;
    for (;;) {
      {
        std::unique_lock<std::mutex> guard(lock_);
        wake_.wait(guard, [&] { return stopping_ || generation_ != seen; });
        if (stopping_) return;
        seen = generation_;
      }
      run_items();
      {
        std::lock_guard<std::mutex> guard(lock_);
        ++idle_;
      }
      done_.notify_one();
    }
  }

  std::mutex lock_;
  std::condition_variable wake_, done_;
  std::function<void(std::uint64_t)> work_;
  std::uint64_t n_ = 0;
  std::atomic<std::uint64_t> next_{0};
  std::atomic<bool> failed_{false};
  std::exception_ptr error_;
  std::size_t idle_ = 0;  // pool threads done with the current batch
  std::uint64_t generation_ = 0;
  bool stopping_ = false;
  std::vector<std::jthread> threads_;  // last: joined before the rest goes
};

}  // namespace shapegen
