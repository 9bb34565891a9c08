// Betweenness centrality (Brandes) over a snapshot, exact or sampled.

#ifndef QUIVER_GRAPH_ALGO_BETWEENNESS_H_
#define QUIVER_GRAPH_ALGO_BETWEENNESS_H_

#include <cstdint>
#include <vector>

#include "graph/algo/edge_filter.h"
#include "graph/snapshot.h"

namespace quiver::graph::algo {

struct BetweennessOptions {
  EdgeFilter filter;  // kBoth: undirected betweenness (each pair once).
  // Sources to run from: 0 means every vertex (exact). Otherwise that many
  // distinct sources drawn with `seed`, and the sums scaled by n / sample.
  // Default: 0.
  uint32_t sample = 0;
  uint64_t seed = 1;
  // Divide by the number of ordered pairs not counting the vertex:
  // (n-1)(n-2), as NetworkX's normalized=True. Default: false.
  bool normalized = false;
};

// Scores by vertex. Unweighted shortest paths; parallel edges and self-loops
// do not add paths (the graph is taken as simple), so two facts between the
// same pair weigh as one connection. Deterministic for a given seed.
std::vector<double> Betweenness(const Snapshot& s, const BetweennessOptions& options);

}  // namespace quiver::graph::algo

#endif  // QUIVER_GRAPH_ALGO_BETWEENNESS_H_
