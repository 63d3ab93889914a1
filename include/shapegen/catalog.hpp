#pragma once
// layer: params
// Every preset key is declared once: name, type, default, bounds and doc.
// The same declaration drives the preset parser, validation, `--help`,
// `describe` and the commented preset reference in the docs. Each layer
// declares its own keys (src/params/bind.hpp binds them to fields); the
// preset catalog joins them (src/catalog/).
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "shapegen/value.hpp"

namespace shapegen {

enum class Kind {
  integer,
  real,
  range,
  integer_range,
  weights,
  color,
  boolean,
  choice,
  list,
  text
};

struct Bounds {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_open = false;  // true: min itself is not allowed
  bool max_open = false;
  bool contains(double x) const;
  bool contains_integer(std::int64_t v) const;  // exact, for integer keys
  std::string describe() const;                 // "[0, 1]", "(0, 1]", ">= 0", ...
};

struct OptionDecl {
  std::string key;  // "section.name"
  Kind kind;
  std::string default_text;
  std::string doc;
  Bounds bounds;                   // integer, real, range, integer_range
  std::vector<std::string> names;  // weights: the names; choice, list: the words
  bool recorded = false;           // written by shapegen, accepted with any value on input
  // Written to dataset.ini only when set to something else than the default,
  // so a key added later leaves every earlier recipe byte for byte as it was.
  bool optional = false;

  // What is allowed, in words, for error messages and --help.
  std::string allowed() const;
  // Parses and checks bounds; throws std::invalid_argument with the reason.
  Value parse(const std::string& text) const;
};

// Declaration helpers, for the core keys and for augmentation ops.
namespace declare {
OptionDecl integer(std::string key, std::string def, double min, double max, std::string doc);
OptionDecl real(std::string key, std::string def, Bounds b, std::string doc);
OptionDecl range(std::string key, std::string def, Bounds b, std::string doc);
// A range whose ends are whole numbers (a count).
OptionDecl integer_range(std::string key, std::string def, Bounds b, std::string doc);
OptionDecl weights(std::string key, std::string def, std::vector<std::string> names,
                   std::string doc);
OptionDecl choice(std::string key, std::string def, std::vector<std::string> words,
                  std::string doc);
OptionDecl list(std::string key, std::string def, std::vector<std::string> words, std::string doc);
OptionDecl color(std::string key, std::string def, std::string doc);
OptionDecl boolean(std::string key, std::string def, std::string doc);
OptionDecl text(std::string key, std::string def, std::string doc);
// `decl` made optional (OptionDecl::optional): for a key added later.
OptionDecl optional(OptionDecl decl);
}  // namespace declare

class Config;

// A table of declarations and the rules that span several of its keys.
class Catalog {
 public:
  using Rule = std::function<void(const Config&)>;

  // Keys keep the order they are added in: the order of `describe` and dataset.ini.
  void add(OptionDecl decl);
  void add(std::vector<OptionDecl> decls);
  // Rules run in the order they are added; the first broken one is reported.
  void add_rule(Rule rule);

  const std::vector<OptionDecl>& options() const { return options_; }
  const OptionDecl* find(const std::string& key) const;
  // The declared key closest to `unknown`, for "did you mean" hints ("" if none is close).
  std::string nearest_key(const std::string& unknown) const;
  // Runs every rule; throws ConfigError.
  void check(const Config& config) const;

 private:
  std::vector<OptionDecl> options_;
  std::vector<Rule> rules_;
};

// Edits from `unknown` to `known` (a swap of neighbours is one) when they
// are close enough for a "did you mean" hint, else SIZE_MAX.
std::size_t hint_distance(const std::string& unknown, const std::string& known);

// Every key of every layer: what presets, the command line and `describe` use.
const Catalog& preset_catalog();

// The same for the preset catalog.
const std::vector<OptionDecl>& option_table();
const OptionDecl* find_option(const std::string& key);
std::string nearest_key(const std::string& unknown);

// An augmentation op whose keys are "<name>.*", with the names of its family
// and phase (the one grouping of ops: `describe --ops`, the docs, the
// transfer benchmark's ablation).
struct OpSummary {
  std::string name, family, phase;
};
// Every op, by family (in the families' order), then in the default order.
std::vector<OpSummary> op_summaries();

}  // namespace shapegen
