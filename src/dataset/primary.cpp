// The dataset's own files, beside any layout: images/<stem>.png,
// manifest.jsonl (one line per row), labels.csv (one row per object),
// classes.json (the class table every layout numbers by) and dataset.ini,
// the recipe. Declared as the layout table's first row.
#include "dataset/class_table.hpp"
#include "dataset/layouts/layout.hpp"
#include "dataset/manifest.hpp"
#include "dataset/shard_record.hpp"

namespace shapegen::layouts {

namespace {

class Primary : public Sink {
 public:
  Primary(const DatasetPlan& plan, FileOutput& out)
      : plan_(plan),
        out_(out),
        manifest_(out.open_text("manifest.jsonl", TextCheck::rows)),
        csv_(out.open_text("labels.csv", TextCheck::table)),
        shape_column_(plan.generator().relabels()) {
    csv_->write(csv_header(shape_column_));
  }

  void add_files(const Sample& sample, const PlanRow& row) const override {
    out_.write_image(row.file, sample.image, ImageCheck::sample, row.index);
  }

  void add(const Sample& sample, const PlanRow& row) override {
    line_.clear();  // one buffer for every row: no allocation per line
    append_manifest_line(line_, sample, row.file, row.split);
    line_ += '\n';
    manifest_->write(line_);
    line_.clear();
    append_csv_rows(line_, sample, row.file, row.split, shape_column_);
    csv_->write(line_);
  }

  void finish() override {
    manifest_->close();
    csv_->close();
    out_.write_text("classes.json", class_table_json(plan_.generator()), TextCheck::lines);
    // A shard: the recipe, then its record (with what it wrote, for merge).
    std::string ini = plan_.recipe();
    if (!plan_.shard().whole())
      ini += shard_record_text({plan_.shard(), plan_.rows(), out_.census()});
    out_.write_text("dataset.ini", ini, TextCheck::input);
  }

 private:
  const DatasetPlan& plan_;
  FileOutput& out_;
  std::unique_ptr<TextOutput> manifest_, csv_;
  bool shape_column_;  // the class drawn beside the label (shape.labels)
  std::string line_;
};

}  // namespace

LayoutDecl primary() {
  return {
      .name = "primary",
      .switched_on = [](const OutputSpec&) { return true; },
      .files = {{"images/{stem}.png", Join::row},
                {"manifest.jsonl", Join::lines},
                {"labels.csv", Join::table},
                {"classes.json", Join::same},
                {"dataset.ini", Join::recipe}},
      .row_bytes =
          [](const SampleCost& c) {
            return c.png_bytes + c.line_bytes +
                   double(csv_rows(c.sample, c.row.file, c.row.split).size());
          },
      .make = [](const DatasetPlan& plan, FileOutput& out) -> std::unique_ptr<Sink> {
        return std::make_unique<Primary>(plan, out);
      },
  };
}

}  // namespace shapegen::layouts
