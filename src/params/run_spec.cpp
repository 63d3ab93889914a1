#include "params/run_spec.hpp"

#include "shapegen/versions.hpp"

namespace shapegen {

const ParamList<RunSpec>& run_params() {
  using namespace declare;
  using P = RunSpec;
  static const ParamList<RunSpec> params = {
      field(&P::description,
            text("dataset.description", "", "One line saying what this preset is for.")),
      field(&P::count, integer("dataset.count", "1000", 1, 1e9, "Number of samples to generate.")),
      field(&P::seed, integer("dataset.seed", "1", 0, 9007199254740992.0,
                              "Seed of the whole dataset; sample i is a pure function of (preset, "
                              "seed, i).")),
      field(&P::variants,
            integer("dataset.variants", "0", 0, 1000,
                    "Augmented variants written per base sample, after the un-augmented original "
                    "(variant 0); 0 writes one augmented row per sample.")),
  };
  return params;
}

std::vector<OptionDecl> recorded_options() {
  std::vector<OptionDecl> out;
  for (const auto& [library, running] : running_versions()) {
    OptionDecl version = declare::text(
        version_key(library), "",
        "Version of " + library + " that wrote this dataset (recorded for verify, not read).");
    version.recorded = true;
    out.push_back(version);
  }
  return out;
}

}  // namespace shapegen
