// How to match one pattern part: where to start (the most selective entry
// point) and in which order to expand from there.
//
// Entry points, best first: a node bound by an earlier clause; the name/alias
// index (a node with {name: ...}, or WHERE n.name = ...); the label index; the
// relationship-type index (a typed relationship between unconstrained nodes);
// a scan of all nodes.

#ifndef QUIVER_QUERY_PLANNER_PART_PLAN_H_
#define QUIVER_QUERY_PLANNER_PART_PLAN_H_

#include <string>
#include <vector>

#include "query/ast/ast.h"

namespace quiver::query {

enum class StartKind { kBound, kNameSeek, kLabelScan, kEdgeTypeScan, kAllNodes };

struct PartPlan {
  const ast::PatternPart* part = nullptr;
  StartKind start = StartKind::kAllNodes;
  size_t start_node = 0;  // kEdgeTypeScan: the relationship's index instead
  ast::ExprPtr name;      // kNameSeek: the name to look up
  std::string label;      // kLabelScan
  // Per node (shortestPath looks up both ends): its own entry point.
  std::vector<StartKind> node_starts;
  std::vector<ast::ExprPtr> node_names;
};

// `where` (may be null) is the MATCH's WHERE, searched for n.name = value.
PartPlan PlanPart(const ast::PatternPart& part, const ast::Expr* where);

// One line per step, e.g. "NodeByNameSeek (a) name = 'Hollande'" then
// "Expand (a)-[r:cancel]->(b)".
std::vector<std::string> DescribePart(const PartPlan& plan, const std::string& source);

// The text of an expression as written (for plans).
std::string ExprText(const ast::Expr& e, const std::string& source);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_PLANNER_PART_PLAN_H_
