#include "graph/algo/degree.h"

namespace quiver::graph::algo {

std::vector<uint32_t> Degrees(const Snapshot& s, const EdgeFilter& filter) {
  const uint32_t n = s.num_vertices();
  std::vector<uint32_t> degree(n, 0);
  for (Direction d : {Direction::kOutgoing, Direction::kIncoming}) {
    if (filter.direction != Direction::kBoth && filter.direction != d) continue;
    const auto& rows = s.row_start(d);
    for (Vertex v = 0; v < n; ++v) {
      if (filter.types.all()) {
        degree[v] += rows[v + 1] - rows[v];
      } else {
        for (uint32_t i = rows[v]; i < rows[v + 1]; ++i) {
          degree[v] += filter.types.Contains(s.edge(d, i).type) ? 1 : 0;
        }
      }
    }
  }
  return degree;
}

}  // namespace quiver::graph::algo
