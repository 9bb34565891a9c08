#include "graph/algo/traversal.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"

namespace quiver::graph::algo {

std::vector<Reached> Neighbourhood(const Snapshot& s, Vertex start, uint32_t k,
                                   const EdgeFilter& filter) {
  // A hash map rather than an n-sized array: a small neighbourhood of a big
  // graph should not cost a pass over every vertex.
  absl::flat_hash_map<Vertex, uint32_t> depth;
  std::vector<Reached> out{{start, 0}};
  depth[start] = 0;
  for (size_t head = 0; head < out.size(); ++head) {
    Reached r = out[head];
    if (r.depth == k) continue;
    ForEachNeighbor(s, r.vertex, filter.direction, filter.types,
                    [&](Vertex w, const SnapshotEdge&) {
                      if (depth.emplace(w, r.depth + 1).second) out.push_back({w, r.depth + 1});
                    });
  }
  std::sort(out.begin() + 1, out.end(), [](const Reached& a, const Reached& b) {
    return a.depth != b.depth ? a.depth < b.depth : a.vertex < b.vertex;
  });
  return out;
}

std::vector<int32_t> BfsDistances(const Snapshot& s, Vertex start, const EdgeFilter& filter) {
  std::vector<int32_t> dist(s.num_vertices(), -1);
  std::vector<Vertex> queue{start};
  dist[start] = 0;
  for (size_t head = 0; head < queue.size(); ++head) {
    Vertex v = queue[head];
    ForEachNeighbor(s, v, filter.direction, filter.types, [&](Vertex w, const SnapshotEdge&) {
      if (dist[w] < 0) {
        dist[w] = dist[v] + 1;
        queue.push_back(w);
      }
    });
  }
  return dist;
}

namespace {

struct Parent {
  Vertex vertex;
  EdgeId edge;
};
using ParentMap = absl::flat_hash_map<Vertex, Parent>;

// Expands one whole level of a frontier. Returns the first vertex also
// reached by the other side, or nullopt.
std::optional<Vertex> ExpandLevel(const Snapshot& s, Direction d, const TypeSet& types,
                                  std::vector<Vertex>& frontier, ParentMap& mine,
                                  const ParentMap& theirs) {
  std::vector<Vertex> next;
  std::optional<Vertex> meet;
  for (Vertex v : frontier) {
    ForEachNeighbor(s, v, d, types, [&](Vertex w, const SnapshotEdge& e) {
      if (meet) return;
      if (!mine.emplace(w, Parent{v, e.id}).second) return;
      if (theirs.contains(w)) {
        meet = w;
        return;
      }
      next.push_back(w);
    });
    if (meet) return meet;
  }
  frontier.swap(next);
  return std::nullopt;
}

}  // namespace

std::optional<SnapshotPath> ShortestPath(const Snapshot& s, Vertex from, Vertex to,
                                         const EdgeFilter& filter, uint32_t max_hops) {
  SnapshotPath path;
  if (from == to) {
    path.vertices.push_back(from);
    return path;
  }
  const Direction fwd = filter.direction, bwd = Reverse(filter.direction);
  ParentMap parent_f, parent_b;
  parent_f.emplace(from, Parent{from, 0});
  parent_b.emplace(to, Parent{to, 0});
  std::vector<Vertex> frontier_f{from}, frontier_b{to};
  std::optional<Vertex> meet;
  uint32_t hops = 0;
  // Before a level is expanded no vertex is reached by both sides, so the
  // first meeting found while completing a level lies on a shortest path.
  while (!meet && hops < max_hops && !frontier_f.empty() && !frontier_b.empty()) {
    ++hops;
    if (frontier_f.size() <= frontier_b.size()) {
      meet = ExpandLevel(s, fwd, filter.types, frontier_f, parent_f, parent_b);
    } else {
      meet = ExpandLevel(s, bwd, filter.types, frontier_b, parent_b, parent_f);
    }
  }
  if (!meet) return std::nullopt;
  for (Vertex v = *meet; v != from;) {
    const Parent& p = parent_f.at(v);
    path.vertices.push_back(v);
    path.edges.push_back(p.edge);
    v = p.vertex;
  }
  path.vertices.push_back(from);
  std::reverse(path.vertices.begin(), path.vertices.end());
  std::reverse(path.edges.begin(), path.edges.end());
  for (Vertex v = *meet; v != to;) {
    const Parent& p = parent_b.at(v);
    path.vertices.push_back(p.vertex);
    path.edges.push_back(p.edge);
    v = p.vertex;
  }
  return path;
}

}  // namespace quiver::graph::algo
