// Splitting a wrongly merged name off a node, as `CALL kg.split(node,
// alias)` asks: the undo of a merge, by the mentions kept in the evidence.

#ifndef QUIVER_GRAPH_NODE_SPLITTER_H_
#define QUIVER_GRAPH_NODE_SPLITTER_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "graph/write_txn.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

struct SplitResult {
  NodeId node = 0;               // The new node.
  int64_t statements_moved = 0;  // Statement ends that now name the new node.
  int64_t edges_moved = 0;       // Relationships changed (moved or divided).
  uint64_t log_seq = 0;          // The curation log entry.
};

// Splits `alias` off node `id` inside `txn`:
// - a new node named `alias` (as the node had it written) takes the node's
//   labels and every alias of the node that normalises like `alias`;
// - every statement whose mention of the node (Evidence::subject_mention or
//   object_mention) normalises like `alias` moves to the new node; an edge
//   whose statements all move moves whole, otherwise it is divided and the
//   counts follow the statements;
// - ingest never resolves `alias` to the node again (a rule in `curation`
//   that FindOrCreateNamedNode consults), so later documents naming it land
//   on the new node;
// - the split is logged with `reason`.
// Errors: kNotFound (no such node); kInvalidArgument when the node has no
// such alias, or `alias` is the node's own name.
absl::StatusOr<SplitResult> SplitNode(WriteTxn& txn, NodeId id, std::string_view alias,
                                      std::string_view reason);

// For one end of a statement at the node being split, given the statement
// and the mention it keeps for that end (empty: the node's own name):
// nullopt leaves the end where it is; a value moves it and is the mention
// the statement keeps for it from now on (empty: the new node's own name,
// and the extractor's reason for that end is dropped with it, as
// AddDocument keeps no reason beside an empty mention).
using EndMove = std::function<std::optional<std::string>(const Evidence& statement,
                                                         const std::string& mention)>;

struct MovedEnds {
  int64_t statements_moved = 0;      // Statement ends that name `to` now.
  int64_t edges_moved = 0;           // Relationships changed (moved or divided).
  std::map<DocId, int64_t> per_doc;  // Statement ends moved, by document.
};

// SplitNode's move of statements alone: every statement end at node `id`
// that `move` picks goes to node `to` (an edge whose statements all move
// moves whole, otherwise it is divided and the counts follow the
// statements). Node records, mention records, kg.split's rules and the
// curation log are the caller's. Errors: kNotFound for a missing node.
absl::StatusOr<MovedEnds> MoveStatementEnds(WriteTxn& txn, NodeId id, NodeId to,
                                            const EndMove& move);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_NODE_SPLITTER_H_
