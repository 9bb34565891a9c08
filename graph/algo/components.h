// Weakly and strongly connected components over a snapshot.

#ifndef QUIVER_GRAPH_ALGO_COMPONENTS_H_
#define QUIVER_GRAPH_ALGO_COMPONENTS_H_

#include <cstdint>
#include <vector>

#include "graph/algo/edge_filter.h"
#include "graph/snapshot.h"

namespace quiver::graph::algo {

// Component number by vertex. Components are numbered 0, 1, ... in the order
// of their smallest vertex (so of their smallest node id): deterministic,
// and the same numbering for WCC and SCC. Only edges of `types` connect.
std::vector<uint32_t> WeaklyConnectedComponents(const Snapshot& s, const TypeSet& types);
std::vector<uint32_t> StronglyConnectedComponents(const Snapshot& s, const TypeSet& types);

}  // namespace quiver::graph::algo

#endif  // QUIVER_GRAPH_ALGO_COMPONENTS_H_
