#include "tests/tck/graph_state.h"

#include <algorithm>
#include <iterator>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "util/status_macros.h"

namespace quiver::tck {
namespace {

template <typename T>
int64_t Minus(const std::set<T>& a, const std::set<T>& b) {
  std::vector<T> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return static_cast<int64_t>(out.size());
}

}  // namespace

absl::StatusOr<GraphState> ReadGraphState(Database& db) {
  GraphState state;
  QUIVER_RETURN_IF_ERROR(db.ForEachNode([&](const Node& node) {
    state.nodes.insert(node.id);
    for (const auto& label : node.labels) state.labels.insert(label);
    for (const auto& [key, value] : node.properties) {
      state.properties.emplace('n', node.id, key, value.ToString());
    }
    return true;
  }));
  QUIVER_RETURN_IF_ERROR(db.ForEachEdge([&](const Edge& edge) {
    state.relationships.insert(edge.id);
    for (const auto& [key, value] : edge.properties) {
      state.properties.emplace('r', edge.id, key, value.ToString());
    }
    return true;
  }));
  return state;
}

bool SideEffects::operator==(const SideEffects& o) const {
  return nodes_created == o.nodes_created && nodes_deleted == o.nodes_deleted &&
         relationships_created == o.relationships_created &&
         relationships_deleted == o.relationships_deleted &&
         labels_added == o.labels_added && labels_removed == o.labels_removed &&
         properties_set == o.properties_set && properties_removed == o.properties_removed;
}

SideEffects Diff(const GraphState& before, const GraphState& after) {
  SideEffects e;
  e.nodes_created = Minus(after.nodes, before.nodes);
  e.nodes_deleted = Minus(before.nodes, after.nodes);
  e.relationships_created = Minus(after.relationships, before.relationships);
  e.relationships_deleted = Minus(before.relationships, after.relationships);
  e.labels_added = Minus(after.labels, before.labels);
  e.labels_removed = Minus(before.labels, after.labels);
  e.properties_set = Minus(after.properties, before.properties);
  e.properties_removed = Minus(before.properties, after.properties);
  return e;
}

absl::StatusOr<SideEffects> ParseSideEffects(const Table& table) {
  SideEffects e;
  for (const auto& row : table) {
    if (row.size() != 2) {
      return absl::InvalidArgumentError("a side-effects row needs a key and a count");
    }
    int64_t n = 0;
    if (!absl::SimpleAtoi(row[1], &n)) {
      return absl::InvalidArgumentError(absl::StrCat("bad side-effect count '", row[1], "'"));
    }
    const std::string& k = row[0];
    if (k == "+nodes") e.nodes_created = n;
    else if (k == "-nodes") e.nodes_deleted = n;
    else if (k == "+relationships") e.relationships_created = n;
    else if (k == "-relationships") e.relationships_deleted = n;
    else if (k == "+labels") e.labels_added = n;
    else if (k == "-labels") e.labels_removed = n;
    else if (k == "+properties") e.properties_set = n;
    else if (k == "-properties") e.properties_removed = n;
    else return absl::InvalidArgumentError(absl::StrCat("unknown side effect '", k, "'"));
  }
  return e;
}

std::string ToString(const SideEffects& e) {
  std::vector<std::string> parts;
  auto add = [&](const char* name, int64_t n) {
    if (n != 0) parts.push_back(absl::StrCat(name, " ", n));
  };
  add("+nodes", e.nodes_created);
  add("-nodes", e.nodes_deleted);
  add("+relationships", e.relationships_created);
  add("-relationships", e.relationships_deleted);
  add("+labels", e.labels_added);
  add("-labels", e.labels_removed);
  add("+properties", e.properties_set);
  add("-properties", e.properties_removed);
  return parts.empty() ? "none" : absl::StrJoin(parts, ", ");
}

}  // namespace quiver::tck
