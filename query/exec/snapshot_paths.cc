#include "query/exec/snapshot_paths.h"

#include "graph/algo/traversal.h"

namespace quiver::query {

std::optional<std::vector<EdgeId>> SnapshotShortestPath(const graph::Snapshot& snap,
                                                        const SnapshotPathQuery& q) {
  auto from = snap.vertex(q.from);
  auto to = snap.vertex(q.to);
  if (!from || !to) return std::nullopt;  // Not this snapshot's graph.
  graph::algo::EdgeFilter filter;
  filter.direction = q.direction;
  filter.types = graph::algo::TypeSet(q.types);
  auto path = graph::algo::ShortestPath(snap, *from, *to, filter, q.max_hops);
  std::vector<EdgeId> edges;
  if (path) edges = std::move(path->edges);
  return edges;
}

}  // namespace quiver::query
