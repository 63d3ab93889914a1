// A catalog: keys in order, look-up with "did you mean" hints, and the rules
// across keys. What goes into the preset catalog is decided above this layer.
#include "shapegen/catalog.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace shapegen {

namespace {

constexpr std::size_t kMaxHintLength = 128;

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1] ? 1 : 0)});
      diag = up;
    }
  }
  return row[b.size()];
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

std::string Catalog::nearest_key(const std::string& unknown) const {
  // A hint needs a distance of at most a third of the length, and keys are
  // short, so a long name has no near key: skip the quadratic comparison
  // (a 10 MB key took 51 s).
  if (unknown.size() > kMaxHintLength) return "";
  std::string best;
  std::size_t best_distance = SIZE_MAX;
  for (const auto& decl : options_) {
    // A key given without its section ("size") matches on the name alone.
    const std::string name = decl.key.substr(decl.key.find('.') + 1);
    const std::size_t d = std::min(edit_distance(unknown, decl.key), edit_distance(unknown, name));
    if (d < best_distance) {
      best_distance = d;
      best = decl.key;
    }
  }
  return best_distance <= std::max<std::size_t>(3, unknown.size() / 3) ? best : "";
}

void Catalog::check(const Config& config) const {
  for (const Rule& rule : rules_) rule(config);
}

}  // namespace shapegen
