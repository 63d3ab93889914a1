#include "dataset/feed.hpp"

#include <filesystem>
#include <vector>

#include "base/parallel.hpp"
#include "dataset/layouts/layout.hpp"
#include "dataset/sink.hpp"
#include "shapegen/error.hpp"

namespace shapegen {

namespace {

void feed(const DatasetPlan& plan, FileOutput& out, const FeedOptions& options) {
  // The primary sink comes first: layouts link to the image it writes.
  std::vector<std::unique_ptr<Sink>> sinks;
  sinks.push_back(primary_sink(plan, out));
  for (LayoutKind kind : plan.output().layouts)
    sinks.push_back(layouts::decl(kind).make(plan, out));

  const std::uint64_t count = plan.row_count();
  const std::uint64_t batch_size = plan.batch_size(options.jobs);
  // Two batches in flight: while the main thread hands batch k to the sinks,
  // the pool's other threads make batch k + 1 (the main thread joins them
  // when it is done), so writing overlaps making. Declared before the pool:
  // its threads may still touch them while it stops.
  struct Batch {
    std::uint64_t first = 0, n = 0;
    std::vector<Sample> samples;
    std::vector<PlanRow> rows;
  } batches[2];
  BatchPool pool(options.jobs);
  auto start = [&](Batch& b, std::uint64_t first) {
    if (options.between_batches) options.between_batches(first, count);
    b.first = first;
    b.n = std::min(batch_size, count - first);
    b.samples.assign(b.n, {});
    b.rows.assign(b.n, {});
    pool.start(b.n, [&](std::uint64_t k) {
      b.rows[k] = plan.row(b.first + k);
      b.samples[k] = plan.generator().make_row(b.first + k);
      for (const auto& sink : sinks) sink->add_files(b.samples[k], b.rows[k]);
    });
  };
  if (count > 0) start(batches[0], 0);
  for (std::uint64_t k = 0; k * batch_size < count; ++k) {
    Batch& b = batches[k % 2];
    pool.finish();
    if (b.first + b.n < count) start(batches[(k + 1) % 2], b.first + b.n);
    for (std::uint64_t i = 0; i < b.n; ++i)
      for (const auto& sink : sinks) sink->add(b.samples[i], b.rows[i]);
  }
  if (options.between_batches) options.between_batches(count, count);
  // Layouts first, the primary files (with the recipe) last.
  for (auto it = sinks.rbegin(); it != sinks.rend(); ++it) (*it)->finish();
}

}  // namespace

void feed_rows(const DatasetPlan& plan, FileOutput& out, const FeedOptions& options) {
  try {
    feed(plan, out, options);
  } catch (const std::filesystem::filesystem_error& e) {
    // A net under the outputs, which report their own errors with error codes.
    throw IoError(e.path1().string() + ": " + e.code().message());
  }
}

}  // namespace shapegen
