#include "graph/algo/components.h"

#include <numeric>

#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/property_map/property_map.hpp>

namespace quiver::graph::algo {

namespace {

// Renumbers arbitrary component labels in order of first appearance, which
// scanning vertices in index order makes the order of smallest vertex.
std::vector<uint32_t> Canonical(const std::vector<uint32_t>& label) {
  std::vector<uint32_t> renamed(label.size(), UINT32_MAX), out(label.size());
  uint32_t next = 0;
  for (size_t v = 0; v < label.size(); ++v) {
    uint32_t& r = renamed[label[v]];
    if (r == UINT32_MAX) r = next++;
    out[v] = r;
  }
  return out;
}

uint32_t Find(std::vector<uint32_t>& parent, uint32_t x) {
  while (parent[x] != x) {
    parent[x] = parent[parent[x]];  // Path halving.
    x = parent[x];
  }
  return x;
}

struct TypePredicate {
  const CsrGraph* g = nullptr;
  const TypeSet* types = nullptr;
  template <typename E>
  bool operator()(const E& e) const { return types->Contains((*g)[e].type); }
};

}  // namespace

// Boost's connected_components wants an undirected graph; on the directed
// CSR a union-find over the edge array is the direct equivalent and needs
// no second copy of the edges.
std::vector<uint32_t> WeaklyConnectedComponents(const Snapshot& s, const TypeSet& types) {
  const uint32_t n = s.num_vertices();
  std::vector<uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  const auto& rows = s.row_start(Direction::kOutgoing);
  const auto& cols = s.column(Direction::kOutgoing);
  for (Vertex v = 0; v < n; ++v) {
    for (uint32_t i = rows[v], end = rows[v + 1]; i < end; ++i) {
      if (!types.all() && !types.Contains(s.edge(Direction::kOutgoing, i).type)) continue;
      uint32_t a = Find(parent, v), b = Find(parent, cols[i]);
      if (a != b) parent[a < b ? b : a] = a < b ? a : b;  // Smaller root wins.
    }
  }
  for (Vertex v = 0; v < n; ++v) parent[v] = Find(parent, v);
  return Canonical(parent);
}

std::vector<uint32_t> StronglyConnectedComponents(const Snapshot& s, const TypeSet& types) {
  const uint32_t n = s.num_vertices();
  std::vector<uint32_t> label(n, 0);
  if (n == 0) return label;
  auto comp = boost::make_iterator_property_map(
      label.begin(), boost::get(boost::vertex_index, s.out()));
  if (types.all()) {
    boost::strong_components(s.out(), comp);
  } else {
    boost::filtered_graph<CsrGraph, TypePredicate> g(s.out(), TypePredicate{&s.out(), &types});
    boost::strong_components(g, comp);
  }
  return Canonical(label);
}

}  // namespace quiver::graph::algo
