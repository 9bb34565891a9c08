// Which edges an algorithm follows: a direction and an optional set of
// relationship types, and the neighbour loop every algorithm shares.

#ifndef QUIVER_GRAPH_ALGO_EDGE_FILTER_H_
#define QUIVER_GRAPH_ALGO_EDGE_FILTER_H_

#include <cstdint>
#include <vector>

#include "graph/snapshot.h"

namespace quiver::graph::algo {

// A set of relationship types; empty means every type.
class TypeSet {
 public:
  TypeSet() = default;
  explicit TypeSet(const std::vector<TermId>& types) {
    for (TermId t : types) {
      if (t >= bits_.size()) bits_.resize(t + 1, 0);
      bits_[t] = 1;
    }
    all_ = types.empty();
  }
  bool all() const { return all_; }
  bool Contains(TermId t) const { return all_ || (t < bits_.size() && bits_[t]); }

 private:
  bool all_ = true;
  std::vector<uint8_t> bits_;
};

struct EdgeFilter {
  // kOutgoing follows edges src -> dst, kIncoming dst -> src, kBoth either
  // way (the graph seen as undirected).
  Direction direction = Direction::kOutgoing;
  TypeSet types;
};

inline Direction Reverse(Direction d) {
  return d == Direction::kOutgoing   ? Direction::kIncoming
         : d == Direction::kIncoming ? Direction::kOutgoing
                                     : Direction::kBoth;
}

// Calls fn(other, edge) for every edge at v that `direction` and `types`
// allow, outgoing edges first, each CSR in its stored order. With kBoth a
// self-loop is seen twice (once per end), as an undirected degree counts it.
template <typename Fn>
inline void ForEachNeighbor(const Snapshot& s, Vertex v, Direction direction,
                            const TypeSet& types, Fn&& fn) {
  for (Direction d : {Direction::kOutgoing, Direction::kIncoming}) {
    if (direction != Direction::kBoth && direction != d) continue;
    const auto& rows = s.row_start(d);
    const auto& cols = s.column(d);
    for (uint32_t i = rows[v], end = rows[v + 1]; i < end; ++i) {
      const SnapshotEdge& e = s.edge(d, i);
      if (!types.Contains(e.type)) continue;
      fn(cols[i], e);
    }
  }
}

}  // namespace quiver::graph::algo

#endif  // QUIVER_GRAPH_ALGO_EDGE_FILTER_H_
