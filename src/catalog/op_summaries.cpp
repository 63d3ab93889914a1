// The ops as the catalog's users see them: names only, so the CLI and the
// Python module group ops without the augment stage's private header.
#include "augment/augment.hpp"
#include "shapegen/catalog.hpp"

namespace shapegen {

std::vector<OpSummary> op_summaries() {
  std::vector<OpSummary> out;
  for (const OpFamily family : values_of<OpFamily>())
    for (const OpDecl& op : op_table())
      if (op.family == family) out.push_back({op.name, name_of(op.family), name_of(op.phase)});
  return out;
}

}  // namespace shapegen
