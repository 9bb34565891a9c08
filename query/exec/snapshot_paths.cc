#include "query/exec/snapshot_paths.h"

#include "graph/algo/traversal.h"
#include "graph/snapshot.h"
#include "graph/store.h"
#include "util/status_macros.h"

namespace quiver::query {

absl::StatusOr<std::optional<std::vector<EdgeId>>> SnapshotShortestPath(
    const graph::Reader& reader, const SnapshotPathQuery& q) {
  std::shared_ptr<const graph::Snapshot> snap;
  if (reader.store().counters().edges <= int64_t(kSnapshotBuildMaxEdges)) {
    QUIVER_ASSIGN_OR_RETURN(snap, graph::Snapshot::ForReader(reader));
  } else {
    QUIVER_ASSIGN_OR_RETURN(snap, graph::Snapshot::CachedForReader(reader));
  }
  if (!snap) return std::nullopt;
  auto from = snap->vertex(q.from);
  auto to = snap->vertex(q.to);
  if (!from || !to) return std::nullopt;  // Not this snapshot's graph.
  graph::algo::EdgeFilter filter;
  filter.direction = q.direction;
  filter.types = graph::algo::TypeSet(q.types);
  auto path = graph::algo::ShortestPath(*snap, *from, *to, filter, q.max_hops);
  std::vector<EdgeId> edges;
  if (path) edges = std::move(path->edges);
  return edges;
}

}  // namespace quiver::query
