// PatternMatcher: finds every binding of a pattern part in the store, given
// the variables a row already binds. Expands with prefix scans of the
// adjacency indexes; variable-length relationships by depth-first search with
// relationship uniqueness; shortestPath/allShortestPaths by breadth-first
// search from both ends.

#ifndef QUIVER_QUERY_EXEC_MATCHER_H_
#define QUIVER_QUERY_EXEC_MATCHER_H_

#include <functional>
#include <unordered_set>
#include <vector>

#include "absl/status/statusor.h"
#include "query/exec/context.h"
#include "query/planner/part_plan.h"

namespace quiver::query {

using EmitFn = std::function<absl::Status(Row&)>;

// For a MATCH whose rows only feed count(*) (MakeCountMatchOp): per element
// of one pattern part, whether anything reads its value (`*_read`: labels,
// properties, WHERE, another mention, a path) and whether it may be counted
// instead of bound (`*_free`: also unbound, fixed length, mentioned once).
struct CountSpec {
  std::vector<bool> node_read, rel_read;
  std::vector<bool> node_free, rel_free;
  // Count the trailing free hops of this part (the MATCH's last part, no
  // WHERE) instead of enumerating them: `count` gets the number of matches
  // and `emit` is not called for them.
  bool count_tail = false;
};

// Calls `emit` with `row` completed for each match of plan.part. The row
// must be wide enough for every slot of the pattern. `used_edges` holds the
// relationships other parts of the same MATCH already use (uniqueness).
absl::Status MatchPart(const PartPlan& plan, Row& row, std::vector<uint64_t>& used_edges,
                       ExecContext& ctx, const EmitFn& emit);
// MatchPart for count(*): elements `spec` says nothing reads are bound to
// id-only stubs, and with spec.count_tail the matches of the trailing free
// hops are added to *count (sum of degrees, relationship uniqueness kept)
// rather than emitted one by one.
absl::Status CountPart(const PartPlan& plan, const CountSpec& spec, Row& row,
                       std::vector<uint64_t>& used_edges, ExecContext& ctx, const EmitFn& emit,
                       int64_t* count);

// Pattern expressions: WHERE (a)-[:T]->(), [(a)-->(b) | b.name].
absl::StatusOr<bool> PatternExists(const ast::PatternPart& part, const Row& row,
                                   ExecContext& ctx);
absl::StatusOr<std::vector<Row>> MatchPatternRows(const ast::PatternPart& part,
                                                  const Row& row, ExecContext& ctx);

// Inline property map check of a node or relationship; for nodes, `name`
// also matches any alias (normalised, as the name index does).
absl::StatusOr<bool> PropertiesMatch(const ast::Expr* props, const Value& element,
                                     const Row& row, ExecContext& ctx);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_MATCHER_H_
