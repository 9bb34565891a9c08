// shortestPath on the cached CSR snapshot (graph::algo::ShortestPath) instead
// of a breadth-first search over the store's adjacency keys: a read-only
// statement whose snapshot is already built, or a graph small enough to
// build one cheaply. The matcher falls back to the store search otherwise.

#ifndef QUIVER_QUERY_EXEC_SNAPSHOT_PATHS_H_
#define QUIVER_QUERY_EXEC_SNAPSHOT_PATHS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/reader.h"
#include "quiver/graph_types.h"

namespace quiver::query {

// Graphs with at most this many edges get a snapshot built on first use
// (a few milliseconds); larger ones only use one somebody already built.
inline constexpr uint64_t kSnapshotBuildMaxEdges = 50000;

struct SnapshotPathQuery {
  NodeId from = 0;
  NodeId to = 0;
  Direction direction = Direction::kOutgoing;  // from -> to
  std::vector<graph::TermId> types;  // empty: any type
  uint32_t max_hops = UINT32_MAX;
};

// nullopt: no usable snapshot (the caller searches the store). Otherwise the
// edge ids of one shortest path of 1..max_hops edges, from `from`; an empty
// vector when there is none. REQUIRES: from != to, reader is not a WriteTxn.
absl::StatusOr<std::optional<std::vector<EdgeId>>> SnapshotShortestPath(
    const graph::Reader& reader, const SnapshotPathQuery& q);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_SNAPSHOT_PATHS_H_
