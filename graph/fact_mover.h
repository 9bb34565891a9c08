// Moving the statements of a fact edge to other end nodes: the step that
// merging and splitting nodes share.

#ifndef QUIVER_GRAPH_FACT_MOVER_H_
#define QUIVER_GRAPH_FACT_MOVER_H_

#include <vector>

#include "absl/status/statusor.h"
#include "graph/write_txn.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

struct MovedFact {
  EdgeId edge = 0;        // Where the statements are now.
  bool combined = false;  // They joined a fact that was there already.
};

// Moves `statements` (evidence of `edge`, as EvidenceFor returns them; their
// mentions may have been edited) to src -[edge's type]-> dst.
//
// When `whole`, the edge goes with all its statements: re-attached to the new
// ends, or, when an equal fact (same ends, type and negation; both edges
// carrying a "count") is there already, combined into it: its count grows by
// the edge's count minus the statements both held, its confidence is the
// higher one, qualifiers it lacks are added, and the edge is deleted.
// Otherwise only `statements` move, to an equal fact or to a new copy of the
// edge, and the edge's count drops by their number.
absl::StatusOr<MovedFact> MoveStatements(WriteTxn& txn, EdgeId edge, NodeId src, NodeId dst,
                                         const std::vector<Evidence>& statements, bool whole);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_FACT_MOVER_H_
