// A catalog: keys in order, look-up with "did you mean" hints, and the rules
// across keys. What goes into the preset catalog is decided above this layer.
#include "shapegen/catalog.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace shapegen {

namespace {

constexpr std::size_t kMaxHintLength = 128;

// Edits between two names, a swap of neighbours counting as one ("jbos"
// is one from "jobs"): the optimal string alignment distance.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

}  // namespace

void Catalog::add(OptionDecl decl) {
  if (find(decl.key)) throw std::logic_error("key " + decl.key + " is declared twice");
  options_.push_back(std::move(decl));
}

void Catalog::add(std::vector<OptionDecl> decls) {
  for (OptionDecl& decl : decls) add(std::move(decl));
}

void Catalog::add_rule(Rule rule) { rules_.push_back(std::move(rule)); }

const OptionDecl* Catalog::find(const std::string& key) const {
  for (const auto& decl : options_)
    if (decl.key == key) return &decl;
  return nullptr;
}

std::size_t hint_distance(const std::string& unknown, const std::string& known) {
  // Keys are short, so a long name has no near key: skip the quadratic
  // comparison (a 10 MB key took 51 s).
  if (unknown.size() > kMaxHintLength || known.size() > kMaxHintLength) return SIZE_MAX;
  const std::size_t d = edit_distance(unknown, known);
  // One edit in up to five characters, then one more per three: three
  // edits once allowed for any short name turned "out" into "count" and
  // "jobs" into "mode", which no one meant.
  return d <= std::max<std::size_t>(1, unknown.size() / 3) ? d : SIZE_MAX;
}

std::string Catalog::nearest_key(const std::string& unknown) const {
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  for (const auto& decl : options_) {
    // A key given without its section ("size") matches on the name alone.
    const std::string name = decl.key.substr(decl.key.find('.') + 1);
    const std::size_t d = std::min(hint_distance(unknown, decl.key), hint_distance(unknown, name));
    if (d < best_distance) {
      best_distance = d;
      best = decl.key;
    }
  }
  return best;
}

void Catalog::check(const Config& config) const {
  for (const Rule& rule : rules_) rule(config);
}

}  // namespace shapegen
