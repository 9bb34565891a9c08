// Whole-graph algorithms on a Database: PageRank, betweenness, connected
// components, degrees, k-hop neighbourhoods and shortest paths.
//
// Each call runs on an in-memory snapshot of the graph's topology, built on
// first use and shared by later calls until the store changes (any write),
// so repeated calls are cheap and a call after a write sees the write.
// Results are deterministic: the same store gives the same answer.
// Thread-safety: as Database; calls may run from several threads at once.

#ifndef QUIVER_ALGORITHMS_H_
#define QUIVER_ALGORITHMS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "quiver/graph_types.h"

namespace quiver {

class Database;

// Which edges an algorithm follows.
struct AlgoFilter {
  // kOutgoing follows edges as stated (src -> dst), kIncoming against them,
  // kBoth either way (the graph as undirected). Default: kOutgoing.
  Direction direction = Direction::kOutgoing;
  // Relationship types to follow; empty follows every type. A type the
  // store does not know matches no edge. Default: empty.
  std::vector<std::string> types;
};

struct PageRankOptions {
  int iterations = 20;    // Default: 20.
  double damping = 0.85;  // REQUIRES: 0 <= damping <= 1. Default: 0.85.
  AlgoFilter filter;
};

struct BetweennessOptions {
  AlgoFilter filter;  // kBoth: undirected betweenness, each pair once.
  // 0: exact (a search from every node). Otherwise searches from that many
  // nodes drawn with `seed` and scales up: for large graphs. Default: 0.
  uint32_t sample = 0;
  uint64_t seed = 1;        // Default: 1.
  bool normalized = false;  // Divide by (n-1)(n-2). Default: false.
};

struct NodeScore {
  NodeId node = 0;
  double score = 0;
};
struct NodeComponent {
  NodeId node = 0;
  int64_t component = 0;  // 0, 1, ... in order of each component's smallest node id.
};
struct NodeDegree {
  NodeId node = 0;
  int64_t degree = 0;
};
struct NodeAtDepth {
  NodeId node = 0;
  int depth = 0;  // Hops from the start node.
};
struct Path {
  std::vector<NodeId> nodes;  // From the start to the end node.
  std::vector<EdgeId> edges;  // edges[i] joins nodes[i] and nodes[i + 1].
};

namespace algo {

// Every node with its score (scores sum to 1), by node id. Dangling nodes'
// rank is spread over all nodes; parallel edges count once each.
absl::StatusOr<std::vector<NodeScore>> PageRank(Database& db,
                                                const PageRankOptions& options = {});

// Every node with its betweenness centrality (Brandes), by node id.
// Parallel edges and self-loops add no shortest paths.
absl::StatusOr<std::vector<NodeScore>> Betweenness(Database& db,
                                                   const BetweennessOptions& options = {});

// Every node with its component, by node id; only `types` edges connect
// (empty: all). Weak components ignore direction, strong ones follow it.
absl::StatusOr<std::vector<NodeComponent>> WeaklyConnectedComponents(
    Database& db, const std::vector<std::string>& types = {});
absl::StatusOr<std::vector<NodeComponent>> StronglyConnectedComponents(
    Database& db, const std::vector<std::string>& types = {});

// Every node with its degree under `filter` (kBoth: in + out; a self-loop
// counts twice), by node id.
absl::StatusOr<std::vector<NodeDegree>> Degrees(Database& db, const AlgoFilter& filter = {});

// The nodes within `k` hops of `start`: `start` first (depth 0), then by
// depth, then by node id. Errors: kNotFound for an unknown start node,
// kInvalidArgument for k < 0.
absl::StatusOr<std::vector<NodeAtDepth>> Neighbourhood(Database& db, NodeId start, int k,
                                                       const AlgoFilter& filter = {});

// One shortest path from `from` to `to` of at most `max_hops` edges, or
// nullopt when there is none. Errors: kNotFound for an unknown node.
absl::StatusOr<std::optional<Path>> ShortestPath(Database& db, NodeId from, NodeId to,
                                                 const AlgoFilter& filter = {},
                                                 int max_hops = 1 << 30);

}  // namespace algo
}  // namespace quiver

#endif  // QUIVER_ALGORITHMS_H_
