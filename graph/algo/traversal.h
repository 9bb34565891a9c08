// Breadth-first traversals over a snapshot: k-hop neighbourhoods and
// shortest paths.

#ifndef QUIVER_GRAPH_ALGO_TRAVERSAL_H_
#define QUIVER_GRAPH_ALGO_TRAVERSAL_H_

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "graph/algo/edge_filter.h"
#include "graph/snapshot.h"

namespace quiver::graph::algo {

struct Reached {
  Vertex vertex = 0;
  uint32_t depth = 0;
};

// Every vertex within `k` hops of `start` along edges `filter` allows,
// `start` itself first at depth 0, then by depth, then by vertex.
std::vector<Reached> Neighbourhood(const Snapshot& s, Vertex start, uint32_t k,
                                   const EdgeFilter& filter);

// Hops from `start` to every vertex, -1 where unreachable (a plain BFS).
std::vector<int32_t> BfsDistances(const Snapshot& s, Vertex start, const EdgeFilter& filter);

struct SnapshotPath {
  std::vector<Vertex> vertices;  // from ... to
  std::vector<EdgeId> edges;     // edges[i] joins vertices[i] and vertices[i+1]
};

// One shortest path from `from` to `to` with at most `max_hops` edges, by a
// bidirectional BFS that always grows the side with fewer edges to scan; nullopt when
// there is none. Deterministic: ties go to the first edge in CSR order.
std::optional<SnapshotPath> ShortestPath(const Snapshot& s, Vertex from, Vertex to,
                                         const EdgeFilter& filter,
                                         uint32_t max_hops = UINT32_MAX);

}  // namespace quiver::graph::algo

#endif  // QUIVER_GRAPH_ALGO_TRAVERSAL_H_
