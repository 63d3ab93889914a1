#include "dataset/feed.hpp"

#include <filesystem>
#include <utility>
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
  for (const layouts::LayoutDecl* layout : plan.layouts()) sinks.push_back(layout->make(plan, out));

  for (std::size_t i = 0; i < options.sink_states.size() && i < sinks.size(); ++i)
    sinks[i]->resume(options.sink_states[i]);
  if (options.begin_rows) options.begin_rows();
  const auto states = [&] {
    std::vector<std::string> s;
    for (const auto& sink : sinks) s.push_back(sink->checkpoint());
    return s;
  };

  // The rows this folder holds: all, or a shard's. `done` counts from its
  // first row.
  const RowRange range = plan.rows();
  const std::uint64_t count = range.size();
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
  auto start = [&](Batch& b, std::uint64_t done) {
    b.first = range.first + done;
    b.n = std::min(batch_size, count - done);
    b.samples.assign(b.n, {});
    b.rows.assign(b.n, {});
    pool.start(b.n, [&](std::uint64_t k) {
      b.rows[k] = plan.row(b.first + k);
      b.samples[k] = plan.generator().make_row(b.first + k);
      for (const auto& sink : sinks) sink->add_files(b.samples[k], b.rows[k]);
    });
  };

  // The hooks see `done` only when every row before it has been added to
  // every sink and all its files are complete. A checkpoint also needs
  // nothing else in flight (no file of a later row half-written into its
  // census, no open file of a later row among the streamed ones), so when
  // one is due the next batch starts only after it.
  std::uint64_t done = options.start;
  if (options.between_batches) options.between_batches(done, count);
  Batch *current = &batches[0], *ahead = &batches[1];
  if (done < count) start(*current, done);
  while (done < count) {
    pool.finish();  // `current` made, its own files written
    const std::uint64_t next = done + current->n;
    const bool checkpoint =
        options.checkpoint && (!options.checkpoint_due || options.checkpoint_due());
    if (next < count && !checkpoint) start(*ahead, next);
    for (std::uint64_t i = 0; i < current->n; ++i)
      for (const auto& sink : sinks) sink->add(current->samples[i], current->rows[i]);
    done = next;
    if (checkpoint) options.checkpoint(done, states);
    if (options.between_batches) options.between_batches(done, count);
    if (next < count && checkpoint) start(*ahead, next);
    std::swap(current, ahead);
  }
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
