// PageRank over a snapshot.

#ifndef QUIVER_GRAPH_ALGO_PAGERANK_H_
#define QUIVER_GRAPH_ALGO_PAGERANK_H_

#include <vector>

#include "graph/algo/edge_filter.h"
#include "graph/snapshot.h"

namespace quiver::graph::algo {

struct PageRankOptions {
  int iterations = 20;     // Power iterations. Default: 20.
  double damping = 0.85;   // Probability of following an edge. Default: 0.85.
  double tolerance = 0;    // Stop early when the L1 change drops below it.
                           // Default: 0 (always run every iteration).
  EdgeFilter filter;       // kBoth treats each edge as undirected.
};

// Scores by vertex, summing to 1. Parallel edges count once each; the rank
// of a dangling vertex (no edge to follow) is spread over all vertices, as
// igraph and NetworkX do. Deterministic: a fixed summation order.
// REQUIRES: iterations >= 0, 0 <= damping <= 1.
std::vector<double> PageRank(const Snapshot& s, const PageRankOptions& options);

}  // namespace quiver::graph::algo

#endif  // QUIVER_GRAPH_ALGO_PAGERANK_H_
