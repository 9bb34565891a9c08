// Vertex degrees over a snapshot.

#ifndef QUIVER_GRAPH_ALGO_DEGREE_H_
#define QUIVER_GRAPH_ALGO_DEGREE_H_

#include <cstdint>
#include <vector>

#include "graph/algo/edge_filter.h"
#include "graph/snapshot.h"

namespace quiver::graph::algo {

// Edges at each vertex that `filter` allows: out-, in- or total degree
// (kBoth; a self-loop counts twice). Parallel edges count one each.
std::vector<uint32_t> Degrees(const Snapshot& s, const EdgeFilter& filter);

}  // namespace quiver::graph::algo

#endif  // QUIVER_GRAPH_ALGO_DEGREE_H_
