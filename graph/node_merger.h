// Merging one node into another, as `CALL kg.merge(a, b)` asks: a user's
// correction of the entity resolution, recorded so it can be explained.

#ifndef QUIVER_GRAPH_NODE_MERGER_H_
#define QUIVER_GRAPH_NODE_MERGER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "graph/write_txn.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

struct MergeResult {
  int64_t edges_moved = 0;     // Relationships of `removed` re-attached to `kept`.
  int64_t facts_combined = 0;  // Of those, how many joined an equal fact of `kept`.
  uint64_t log_seq = 0;        // The curation log entry.
};

// Merges node `removed` into node `kept` inside `txn`:
// - every relationship of `removed`, both directions, moves to `kept`; one
//   between the two (or a self-loop of `removed`) becomes a self-loop of
//   `kept`, since its statements are still about the merged entity;
// - a moved fact equal to one `kept` has (same other end, type and
//   negation) combines with it: counts add up, evidence joins, minus the
//   statements both held (graph/fact_mover.h);
// - statements that named `removed` by its own name record that name as
//   their mention, so kg.split can undo the merge later;
// - `removed`'s name and aliases become aliases of `kept` (so ingest and
//   name lookups find `kept` by them from now on, and any kg.split rule
//   keeping those names away from `kept` is lifted), labels are united,
//   mentions add up, properties `kept` lacks are copied;
// - `removed` is deleted, and the merge is logged with `reason`.
// Errors: kInvalidArgument when the two are the same node; kNotFound.
absl::StatusOr<MergeResult> MergeNodes(WriteTxn& txn, NodeId kept, NodeId removed,
                                       std::string_view reason);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_NODE_MERGER_H_
