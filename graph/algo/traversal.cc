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

// The parents one side of a bidirectional search has found, in arrays the
// size of the snapshot that are reused from one search to the next: a
// vertex's entry is valid only when its stamp equals the current search's,
// so starting a search costs nothing, where a hash map of parents cost an
// allocation and a hash per reached vertex (most of a search's time on the
// 1M-edge benchmark graph).
class ParentArray {
 public:
  void Begin(uint32_t num_vertices, uint32_t epoch) {
    if (stamp_.size() != num_vertices) {
      stamp_.assign(num_vertices, 0);
      parent_.resize(num_vertices);
    }
    epoch_ = epoch;
  }
  void ClearStamps() { std::fill(stamp_.begin(), stamp_.end(), 0); }
  bool Contains(Vertex v) const { return stamp_[v] == epoch_; }
  // Records v's parent unless v was reached before; returns whether it was new.
  bool Insert(Vertex v, Parent p) {
    if (stamp_[v] == epoch_) return false;
    stamp_[v] = epoch_;
    parent_[v] = p;
    return true;
  }
  const Parent& at(Vertex v) const { return parent_[v]; }

 private:
  std::vector<uint32_t> stamp_;
  std::vector<Parent> parent_;
  uint32_t epoch_ = 0;
};

// One pair of parent arrays per thread, so concurrent queries never share one.
struct SearchScratch {
  ParentArray forward, backward;
  uint32_t epoch = 0;

  void Begin(uint32_t num_vertices) {
    if (++epoch == 0) {  // Wrapped: stamps of 2^32 searches ago would match.
      forward.ClearStamps();
      backward.ClearStamps();
      epoch = 1;
    }
    forward.Begin(num_vertices, epoch);
    backward.Begin(num_vertices, epoch);
  }
};

// Edges a search following `d` would look at from v (before type filters).
uint64_t Degree(const Snapshot& s, Vertex v, Direction d) {
  uint64_t n = 0;
  for (Direction side : {Direction::kOutgoing, Direction::kIncoming}) {
    if (d != Direction::kBoth && d != side) continue;
    const auto& rows = s.row_start(side);
    n += rows[v + 1] - rows[v];
  }
  return n;
}

// One side of the search: the vertices of its last level and how many edges
// expanding them would scan, which decides the side to grow next (a level
// of few vertices can still hold a hub).
struct Frontier {
  std::vector<Vertex> vertices;
  uint64_t edges = 0;
};

// Expands one whole level of a frontier. Returns the first vertex also
// reached by the other side, or nullopt.
std::optional<Vertex> ExpandLevel(const Snapshot& s, Direction d, const TypeSet& types,
                                  Frontier& frontier, Frontier& next, ParentArray& mine,
                                  const ParentArray& theirs) {
  next.vertices.clear();
  next.edges = 0;
  std::optional<Vertex> meet;
  for (Vertex v : frontier.vertices) {
    ForEachNeighbor(s, v, d, types, [&](Vertex w, const SnapshotEdge& e) {
      if (meet) return;
      if (!mine.Insert(w, Parent{v, e.id})) return;
      if (theirs.Contains(w)) {
        meet = w;
        return;
      }
      next.vertices.push_back(w);
      next.edges += Degree(s, w, d);
    });
    if (meet) return meet;
  }
  std::swap(frontier, next);
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
  thread_local SearchScratch scratch;
  scratch.Begin(s.num_vertices());
  ParentArray& parent_f = scratch.forward;
  ParentArray& parent_b = scratch.backward;
  parent_f.Insert(from, Parent{from, 0});
  parent_b.Insert(to, Parent{to, 0});
  Frontier frontier_f{{from}, Degree(s, from, fwd)}, frontier_b{{to}, Degree(s, to, bwd)}, next;
  std::optional<Vertex> meet;
  uint32_t hops = 0;
  // Before a level is expanded no vertex is reached by both sides, so the
  // first meeting found while completing a level lies on a shortest path.
  // The side with fewer edges to scan grows; ties go forward.
  while (!meet && hops < max_hops && !frontier_f.vertices.empty() &&
         !frontier_b.vertices.empty()) {
    ++hops;
    if (frontier_f.edges <= frontier_b.edges) {
      meet = ExpandLevel(s, fwd, filter.types, frontier_f, next, parent_f, parent_b);
    } else {
      meet = ExpandLevel(s, bwd, filter.types, frontier_b, next, parent_b, parent_f);
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
