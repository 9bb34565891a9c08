// shortestPath on the CSR snapshot (graph::algo::ShortestPath) instead of a
// breadth-first search over the store's adjacency keys, for read-only
// statements: ExecContext::BuildSnapshot() provides the snapshot (building it
// when none is cached, unless QueryOptions::build_snapshot is false). The
// matcher falls back to the store search otherwise.

#ifndef QUIVER_QUERY_EXEC_SNAPSHOT_PATHS_H_
#define QUIVER_QUERY_EXEC_SNAPSHOT_PATHS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/snapshot.h"
#include "quiver/graph_types.h"

namespace quiver::query {

struct SnapshotPathQuery {
  NodeId from = 0;
  NodeId to = 0;
  Direction direction = Direction::kOutgoing;  // from -> to
  std::vector<graph::TermId> types;  // empty: any type
  uint32_t max_hops = UINT32_MAX;
};

// nullopt when an end is not in `snap` (the caller searches the store).
// Otherwise the edge ids of one shortest path of 1..max_hops edges, from
// `from`; an empty vector when there is none. REQUIRES: from != to.
std::optional<std::vector<EdgeId>> SnapshotShortestPath(const graph::Snapshot& snap,
                                                        const SnapshotPathQuery& q);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_SNAPSHOT_PATHS_H_
