#include "dataset/split.hpp"

#include <map>

#include "base/parallel.hpp"

namespace shapegen {

Splitter::Splitter(const Weights& fractions, SplitMode mode, std::uint64_t seed,
                   std::uint64_t count, const Sampler& sampler, int jobs)
    : fractions_(fractions), seed_(seed) {
  for (std::size_t s = 0; s < fractions_.names.size(); ++s)
    if (fractions_.weights[s] > 0) used_.push_back(fractions_.names[s]);
  if (mode != SplitMode::exact) return;

  // Exact: group base samples by the class of their first object, give each
  // split its quota of every class (largest remainder), and deal the members
  // of a class out in index order so each split gets its share evenly.
  // The first classes are drawn in parallel (each is a pure function of i),
  // then grouped in index order.
  std::vector<ShapeClass> first_class(count);
  parallel_for(count, jobs, [&](std::uint64_t i) { first_class[i] = sampler.first_class(i); });
  std::map<ShapeClass, std::vector<std::uint64_t>> by_class;
  for (std::uint64_t i = 0; i < count; ++i) by_class[first_class[i]].push_back(i);
  double total = 0;
  for (double w : fractions_.weights) total += w;
  const std::size_t k = fractions_.weights.size();
  exact_.assign(count, 0);
  for (const auto& [cls, members] : by_class) {
    const double n = double(members.size());
    std::vector<std::uint64_t> quota(k);
    std::vector<double> remainder(k);
    std::uint64_t given = 0;
    for (std::size_t s = 0; s < k; ++s) {
      const double share = n * fractions_.weights[s] / total;
      quota[s] = static_cast<std::uint64_t>(share);
      remainder[s] = share - quota[s];
      given += quota[s];
    }
    while (given < members.size()) {  // largest remainders get the leftovers
      std::size_t best = 0;
      for (std::size_t s = 1; s < k; ++s)
        if (remainder[s] > remainder[best]) best = s;
      ++quota[best];
      remainder[best] = -1;
      ++given;
    }
    std::vector<std::uint64_t> dealt(k, 0);
    for (std::size_t j = 0; j < members.size(); ++j) {
      // The split furthest behind its quota at this point takes the next one.
      std::size_t pick = k;
      double worst = -1e300;
      for (std::size_t s = 0; s < k; ++s) {
        if (dealt[s] >= quota[s]) continue;
        const double deficit = double(quota[s]) * (j + 1) / n - double(dealt[s]);
        if (deficit > worst) {
          worst = deficit;
          pick = s;
        }
      }
      ++dealt[pick];
      exact_[members[j]] = static_cast<std::uint8_t>(pick);
    }
  }
}

const std::string& Splitter::split_of(std::uint64_t base_index) const {
  if (!exact_.empty()) return fractions_.names[exact_[base_index]];
  if (used_.size() == 1) return used_[0];
  Rng rng = Rng::stream(sample_seed(seed_, base_index), "split");
  return fractions_.names[rng.choice(fractions_.weights)];
}

}  // namespace shapegen
