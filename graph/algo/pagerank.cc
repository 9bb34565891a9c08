#include "graph/algo/pagerank.h"

#include <cmath>

namespace quiver::graph::algo {

// Boost's page_rank keeps unnormalised ranks ((1-d) + d*sum) and drops the
// mass of dangling vertices, so the figures would not compare with igraph or
// NetworkX; this is the usual normalised power iteration instead, pulling
// over the reverse CSR so each vertex's sum has one writer and one order.
std::vector<double> PageRank(const Snapshot& s, const PageRankOptions& options) {
  const uint32_t n = s.num_vertices();
  if (n == 0) return {};
  const Direction forward = options.filter.direction;
  const Direction backward = Reverse(forward);
  const TypeSet& types = options.filter.types;

  std::vector<uint32_t> out_degree(n, 0);
  for (Vertex v = 0; v < n; ++v) {
    ForEachNeighbor(s, v, forward, types,
                    [&](Vertex, const SnapshotEdge&) { ++out_degree[v]; });
  }
  std::vector<double> rank(n, 1.0 / n), share(n), next(n);
  const double d = options.damping;
  // The plain case (all types, one direction) reads the CSR arrays directly:
  // it is the benchmark's hot loop.
  const bool plain = types.all() && backward != Direction::kBoth;
  for (int iter = 0; iter < options.iterations; ++iter) {
    double dangling = 0;
    for (Vertex v = 0; v < n; ++v) {
      if (out_degree[v] == 0) {
        dangling += rank[v];
        share[v] = 0;
      } else {
        share[v] = rank[v] / out_degree[v];
      }
    }
    const double base = (1.0 - d) / n + d * dangling / n;
    double change = 0;
    if (plain) {
      const auto& rows = s.row_start(backward);
      const auto& cols = s.column(backward);
      for (Vertex v = 0; v < n; ++v) {
        double sum = 0;
        for (uint32_t i = rows[v], end = rows[v + 1]; i < end; ++i) sum += share[cols[i]];
        next[v] = base + d * sum;
        change += std::fabs(next[v] - rank[v]);
      }
    } else {
      for (Vertex v = 0; v < n; ++v) {
        double sum = 0;
        ForEachNeighbor(s, v, backward, types,
                        [&](Vertex u, const SnapshotEdge&) { sum += share[u]; });
        next[v] = base + d * sum;
        change += std::fabs(next[v] - rank[v]);
      }
    }
    rank.swap(next);
    if (change < options.tolerance) break;
  }
  return rank;
}

}  // namespace quiver::graph::algo
