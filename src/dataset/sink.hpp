#pragma once
// Private: a sink takes the dataset's rows (the Sample and its plan row) and
// puts its files into a FileOutput: the primary images with the manifest and
// labels.csv, and each layout. Writing and verifying feed the same sinks;
// only the output differs.
#include <memory>
#include <string>

#include "dataset/output.hpp"
#include "dataset/plan.hpp"
#include "shapegen/sample.hpp"

namespace shapegen {

class Sink {
 public:
  virtual ~Sink() = default;
  // Files of this row alone (an image, a label file, masks): called on worker
  // threads, rows in any order.
  virtual void add_files(const Sample&, const PlanRow&) const {}
  // Files spanning rows (a manifest, COCO's JSON): called on one thread, rows
  // in index order, after add_files of the same row, while add_files of the
  // next batch's rows may run on the workers: state both touch needs a lock.
  virtual void add(const Sample&, const PlanRow&) {}
  virtual void finish() {}
  // For --resume: the sink's own state between batches, taken with no
  // add_files running (text, empty when it keeps none beyond its files'
  // lengths), with its side files flushed; and
  // that state given back to a new sink continuing the run.
  virtual std::string checkpoint() { return {}; }
  virtual void resume(const std::string& /*state*/) {}
};

}  // namespace shapegen
