// graph::Snapshot: an immutable compressed-sparse-row copy of the graph's
// topology at one read state, for whole-graph algorithms (graph/algo/).
//
// Vertices are dense indices 0..n-1 in ascending node-id order; each edge
// keeps its relationship type (term id) and edge id. Two CSRs: `out` (src ->
// dst, as the `out` index orders it) and `in` (the same edges reversed,
// grouped by dst). Single-hop lookups should keep using Reader prefix scans;
// a snapshot pays off when an algorithm touches much of the graph. Callers
// get one from the store's one cache (graph/snapshot_cache.h), which builds
// each read state once.
// Thread-safe: immutable once built.

#ifndef QUIVER_GRAPH_SNAPSHOT_H_
#define QUIVER_GRAPH_SNAPSHOT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "absl/status/statusor.h"
#include "graph/key_format.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

class Reader;

using Vertex = uint32_t;

// The bundled property of every CSR edge.
struct SnapshotEdge {
  TermId type = 0;
  EdgeId id = 0;
};

using CsrGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                       SnapshotEdge, boost::no_property,
                                       /*Vertex=*/uint32_t,
                                       /*EdgeIndex=*/uint32_t>;

class Snapshot {
 public:
  // Reads every node and every `out` entry of `reader` (one pass each, in
  // key order). The cache (snapshot_cache.h) knows which state it is.
  // Errors: kDataLoss for an edge whose end is not a node.
  static absl::StatusOr<std::shared_ptr<const Snapshot>> Build(const Reader& reader);

  uint32_t num_vertices() const { return static_cast<uint32_t>(nodes_.size()); }
  size_t num_edges() const { return out_.m_forward.m_column.size(); }

  NodeId node_id(Vertex v) const { return nodes_[v]; }
  const std::vector<NodeId>& node_ids() const { return nodes_; }
  // The vertex of a node id, or nullopt when the node is not in the snapshot.
  std::optional<Vertex> vertex(NodeId id) const;

  const CsrGraph& out() const { return out_; }
  const CsrGraph& in() const { return in_; }

  // Raw CSR arrays, for inner loops: the edges of v are
  // [row_start[v], row_start[v + 1]), their far ends column[i] and
  // properties edge(i).
  const std::vector<uint32_t>& row_start(Direction d) const {
    return Csr(d).m_forward.m_rowstart;
  }
  const std::vector<Vertex>& column(Direction d) const {
    return Csr(d).m_forward.m_column;
  }
  const SnapshotEdge& edge(Direction d, uint32_t i) const {
    return Csr(d).m_forward.m_edge_properties[i];
  }

  // Approximate heap bytes held.
  size_t MemoryBytes() const;

  // The snapshot of exactly `reader`'s state, from its store's one cache:
  // reader.store().snapshots().Get(reader) (graph/snapshot_cache.h). For
  // callers that have a Reader (query procedures).
  static absl::StatusOr<std::shared_ptr<const Snapshot>> ForReader(const Reader& reader);

 private:
  Snapshot() = default;
  // REQUIRES: d is kOutgoing or kIncoming.
  const CsrGraph& Csr(Direction d) const {
    return d == Direction::kIncoming ? in_ : out_;
  }

  std::vector<NodeId> nodes_;  // Ascending.
  CsrGraph out_;
  CsrGraph in_;
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_SNAPSHOT_H_
