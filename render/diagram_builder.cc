#include "render/diagram_builder.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "graph/algo/degree.h"
#include "graph/algo/traversal.h"
#include "graph/fact_time.h"
#include "util/status_macros.h"

namespace quiver::render {

void Canonicalize(Diagram* d) {
  std::sort(d->nodes.begin(), d->nodes.end(),
            [](const DiagramNode& a, const DiagramNode& b) { return a.id < b.id; });
  std::sort(d->edges.begin(), d->edges.end(), [](const DiagramEdge& a, const DiagramEdge& b) {
    return std::tie(a.src, a.dst, a.type, a.id) < std::tie(b.src, b.dst, b.type, b.id);
  });
}

namespace {

// The nodes to keep: `keep_first` (in order), then by degree, then by id.
std::vector<NodeId> Rank(const graph::Snapshot& snap, const std::vector<NodeId>& nodes,
                         const std::vector<NodeId>& keep_first) {
  graph::algo::EdgeFilter both;
  both.direction = Direction::kBoth;
  std::vector<uint32_t> degree = graph::algo::Degrees(snap, both);
  absl::flat_hash_set<NodeId> first(keep_first.begin(), keep_first.end());
  auto deg = [&](NodeId id) -> int64_t {
    auto v = snap.vertex(id);
    return v ? degree[*v] : 0;
  };
  std::vector<NodeId> ranked = nodes;
  std::sort(ranked.begin(), ranked.end(), [&](NodeId a, NodeId b) {
    bool fa = first.contains(a), fb = first.contains(b);
    if (fa != fb) return fa;
    int64_t da = deg(a), db = deg(b);
    return da != db ? da > db : a < b;
  });
  return ranked;
}

}  // namespace

absl::StatusOr<Diagram> DiagramOf(const graph::Reader& reader, const graph::Snapshot& snap,
                                  std::vector<NodeId> nodes, std::vector<EdgeId> edge_ids,
                                  const std::vector<NodeId>& keep_first,
                                  const DiagramLimits& limits) {
  Diagram d;
  std::vector<Edge> edges;
  if (limits.by_date) nodes = keep_first;  // The others come back with an edge in range.
  std::sort(edge_ids.begin(), edge_ids.end());  // A query may return an edge twice.
  edge_ids.erase(std::unique(edge_ids.begin(), edge_ids.end()), edge_ids.end());
  for (EdgeId id : edge_ids) {
    QUIVER_ASSIGN_OR_RETURN(auto e, reader.GetEdge(id));
    if (!e) continue;  // Deleted since the query ran.
    if (limits.by_date) {
      auto seen = graph::SeenOf(e->properties);
      if (!seen || seen->first > limits.to_day || seen->second < limits.from_day) {
        ++d.outside_range;
        continue;
      }
    }
    nodes.push_back(e->src);
    nodes.push_back(e->dst);
    edges.push_back(std::move(*e));
  }
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.id < b.id; });
  edges.erase(std::unique(edges.begin(), edges.end(),
                          [](const Edge& a, const Edge& b) { return a.id == b.id; }),
              edges.end());

  absl::flat_hash_set<NodeId> kept;
  if (nodes.size() > limits.max_nodes) {
    std::vector<NodeId> ranked = Rank(snap, nodes, keep_first);
    ranked.resize(limits.max_nodes);
    d.omitted_nodes = static_cast<int64_t>(nodes.size() - ranked.size());
    nodes = ranked;
  }
  kept.insert(nodes.begin(), nodes.end());
  for (NodeId id : nodes) {
    QUIVER_ASSIGN_OR_RETURN(auto node, reader.GetNode(id));
    if (!node) continue;
    d.nodes.push_back(DiagramNode{id, node->name, node->labels.empty() ? "" : node->labels[0]});
  }
  std::vector<Edge> shown;
  for (auto& e : edges) {
    if (kept.contains(e.src) && kept.contains(e.dst)) {
      shown.push_back(std::move(e));
    } else {
      ++d.omitted_edges;
    }
  }
  if (shown.size() > limits.max_edges) {
    std::stable_sort(shown.begin(), shown.end(),
                     [](const Edge& a, const Edge& b) { return a.count() > b.count(); });
    d.omitted_edges += static_cast<int64_t>(shown.size() - limits.max_edges);
    shown.resize(limits.max_edges);
  }
  for (const auto& e : shown) {
    DiagramEdge de{e.id, e.src, e.dst, e.type, e.count(), e.negated(), {}};
    if (limits.evidence) {
      QUIVER_ASSIGN_OR_RETURN(auto ev, reader.EvidenceFor(e.id));
      for (const auto& s : ev) {
        if (!s.text.empty()) de.evidence.push_back(s.text);
      }
    }
    d.edges.push_back(std::move(de));
  }
  Canonicalize(&d);
  return d;
}

absl::StatusOr<Diagram> DiagramAround(const graph::Reader& reader, const graph::Snapshot& snap,
                                      const std::vector<std::string>& names, int depth,
                                      const DiagramLimits& limits) {
  std::vector<NodeId> seeds;
  for (const auto& name : names) {
    QUIVER_ASSIGN_OR_RETURN(auto ids, reader.FindNodesByName(name));
    if (ids.empty()) return absl::NotFoundError(absl::StrCat("no node is named '", name, "'"));
    seeds.insert(seeds.end(), ids.begin(), ids.end());
  }
  graph::algo::EdgeFilter both;
  both.direction = Direction::kBoth;
  std::set<graph::Vertex> vertices;
  for (NodeId id : seeds) {
    auto v = snap.vertex(id);
    if (!v) continue;  // Created after the snapshot: drawn alone.
    for (const auto& r : graph::algo::Neighbourhood(snap, *v, std::max(depth, 0), both)) {
      vertices.insert(r.vertex);
    }
  }
  std::vector<NodeId> nodes = seeds;
  for (graph::Vertex v : vertices) nodes.push_back(snap.node_id(v));
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  // Cut to the cap here, where the snapshot gives every edge's ends, so
  // only the edges drawn are read from the store (a hub's neighbourhood can
  // hold 100k edges).
  int64_t omitted_nodes = 0, omitted_edges = 0;
  if (nodes.size() > limits.max_nodes) {
    std::vector<NodeId> ranked = Rank(snap, nodes, seeds);
    ranked.resize(limits.max_nodes);
    omitted_nodes = static_cast<int64_t>(nodes.size() - ranked.size());
    nodes = std::move(ranked);
  }
  absl::flat_hash_set<NodeId> kept(nodes.begin(), nodes.end());
  std::vector<EdgeId> edges;
  const auto& rows = snap.row_start(Direction::kOutgoing);
  for (graph::Vertex v : vertices) {
    for (uint32_t i = rows[v]; i < rows[v + 1]; ++i) {
      graph::Vertex w = snap.column(Direction::kOutgoing)[i];
      if (!vertices.count(w)) continue;
      if (kept.contains(snap.node_id(v)) && kept.contains(snap.node_id(w))) {
        edges.push_back(snap.edge(Direction::kOutgoing, i).id);
      } else {
        ++omitted_edges;
      }
    }
  }
  QUIVER_ASSIGN_OR_RETURN(Diagram d, DiagramOf(reader, snap, std::move(nodes), std::move(edges),
                                               seeds, limits));
  d.omitted_nodes += omitted_nodes;
  d.omitted_edges += omitted_edges;
  return d;
}

namespace {

void Collect(const Value& v, std::vector<NodeId>* nodes, std::vector<EdgeId>* edges) {
  if (v.is_node()) {
    nodes->push_back(v.AsNode().id);
  } else if (v.is_relationship()) {
    edges->push_back(v.AsRelationship().id);
  } else if (v.is_path()) {
    for (const auto& n : v.AsPath().nodes) nodes->push_back(n.id);
    for (const auto& r : v.AsPath().relationships) edges->push_back(r.id);
  } else if (v.is_list()) {
    for (const Value& x : v.AsList()) Collect(x, nodes, edges);
  } else if (v.is_map()) {
    for (const auto& [k, x] : v.AsMap()) Collect(x, nodes, edges);
  }
}

}  // namespace

void CollectGraphElements(const std::vector<ValueList>& rows, std::vector<NodeId>* nodes,
                          std::vector<EdgeId>* edges) {
  for (const auto& row : rows) {
    for (const Value& v : row) Collect(v, nodes, edges);
  }
}

std::string OmissionMessage(const Diagram& d) {
  if (d.omitted_nodes == 0 && d.omitted_edges == 0) return "";
  return absl::StrCat("kept ", d.nodes.size(), " of ", d.nodes.size() + d.omitted_nodes,
                      " nodes (", d.omitted_nodes, " left out, the least connected) and ",
                      d.edges.size(), " of ", d.edges.size() + d.omitted_edges, " edges (",
                      d.omitted_edges,
                      " left out); narrow the query or --depth, or raise --max-nodes");
}

}  // namespace quiver::render
