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

  for (std::size_t i = 0; i < options.sink_states.size() && i < sinks.size(); ++i)
    sinks[i]->resume(options.sink_states[i]);
  if (options.begin_rows) options.begin_rows();
  const auto states = [&] {
    std::vector<std::string> s;
    for (const auto& sink : sinks) s.push_back(sink->checkpoint());
    return s;
  };

  // The rows this folder holds: all, or a shard's.
  const RowRange range = plan.rows();
  const std::uint64_t count = range.size();
  const std::uint64_t batch_size = plan.batch_size(options.jobs);
  std::vector<Sample> samples;
  std::vector<PlanRow> rows;
  for (std::uint64_t done = options.start; done < count; done += batch_size) {
    if (options.checkpoint && done > options.start) options.checkpoint(done, states);
    if (options.between_batches) options.between_batches(done, count);
    const std::uint64_t first = range.first + done;
    const std::uint64_t n = std::min(batch_size, count - done);
    samples.assign(n, {});
    rows.assign(n, {});
    parallel_for(n, options.jobs, [&](std::uint64_t k) {
      rows[k] = plan.row(first + k);
      samples[k] = plan.generator().make_row(first + k);
      for (const auto& sink : sinks) sink->add_files(samples[k], rows[k]);
    });
    for (std::uint64_t k = 0; k < n; ++k)
      for (const auto& sink : sinks) sink->add(samples[k], rows[k]);
  }
  if (options.checkpoint && count > options.start) options.checkpoint(count, states);
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
