// The TCK's side effects, measured by comparing the graph before and after
// the query under test (as the TCK's own reference runner does): node and
// relationship ids, the set of label names in use, and every
// (element, key, value) property triple.
//
// State is read straight from the store, not through the query engine, so a
// wrong MATCH cannot hide a wrong CREATE.

#ifndef QUIVER_TESTS_TCK_GRAPH_STATE_H_
#define QUIVER_TESTS_TCK_GRAPH_STATE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "absl/status/statusor.h"
#include "quiver/database.h"
#include "tests/tck/gherkin.h"

namespace quiver::tck {

struct GraphState {
  std::set<uint64_t> nodes;
  std::set<uint64_t> relationships;
  std::set<std::string> labels;
  // ('n' or 'r', id, key, value as Value::ToString()).
  std::set<std::tuple<char, uint64_t, std::string, std::string>> properties;
};

absl::StatusOr<GraphState> ReadGraphState(Database& db);

// The counters of a TCK side-effects table.
struct SideEffects {
  int64_t nodes_created = 0, nodes_deleted = 0;
  int64_t relationships_created = 0, relationships_deleted = 0;
  int64_t labels_added = 0, labels_removed = 0;
  int64_t properties_set = 0, properties_removed = 0;
  bool operator==(const SideEffects& o) const;
};

SideEffects Diff(const GraphState& before, const GraphState& after);

// Reads "| +nodes | 1 |" rows; keys not given are 0.
// Errors: kInvalidArgument for an unknown key or a count that is not a number.
absl::StatusOr<SideEffects> ParseSideEffects(const Table& table);

// "+nodes 1, -labels 2" listing the non-zero counters, or "none".
std::string ToString(const SideEffects& effects);

}  // namespace quiver::tck

#endif  // QUIVER_TESTS_TCK_GRAPH_STATE_H_
