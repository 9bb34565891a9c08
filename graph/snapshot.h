// graph::Snapshot: an immutable compressed-sparse-row copy of the graph's
// topology at one read state, for whole-graph algorithms (graph/algo/).
//
// Vertices are dense indices 0..n-1 in ascending node-id order; each edge
// keeps its relationship type (term id) and edge id. Two CSRs: `out` (src ->
// dst, as the `out` index orders it) and `in` (the same edges reversed,
// grouped by dst). Single-hop lookups should keep using Reader prefix scans;
// a snapshot pays off when an algorithm touches much of the graph.
// Thread-safe: immutable once built.

#ifndef QUIVER_GRAPH_SNAPSHOT_H_
#define QUIVER_GRAPH_SNAPSHOT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "graph/key_format.h"
#include "quiver/graph_types.h"
#include "util/mutex.h"

namespace quiver::graph {

class Reader;
class Store;

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
  // key order). `generation` is the Store::generation() the reader was taken
  // at or after. Errors: kDataLoss for an edge whose end is not a node.
  static absl::StatusOr<std::shared_ptr<const Snapshot>> Build(
      const Reader& reader, uint64_t generation);

  uint64_t generation() const { return generation_; }
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

  // The snapshot of exactly `reader`'s state, for callers that have a
  // Reader but no SnapshotCache (query procedures). A process-wide cache of
  // the last few builds is keyed by the reader's own view of the store id
  // and the node and edge counters (every topology change moves one of
  // them); the open WriteTxn, whose counters are written at commit, always
  // gets a fresh build. Thread-safe.
  static absl::StatusOr<std::shared_ptr<const Snapshot>> ForReader(const Reader& reader);
  // ForReader's cached snapshot of `reader`'s state, or null when none is
  // cached (never builds; always null for a WriteTxn). For callers that use
  // a snapshot only when it is free (the query engine's shortestPath).
  static absl::StatusOr<std::shared_ptr<const Snapshot>> CachedForReader(const Reader& reader);

 private:
  Snapshot() = default;
  // REQUIRES: d is kOutgoing or kIncoming.
  const CsrGraph& Csr(Direction d) const {
    return d == Direction::kIncoming ? in_ : out_;
  }

  uint64_t generation_ = 0;
  std::vector<NodeId> nodes_;  // Ascending.
  CsrGraph out_;
  CsrGraph in_;
};

// The snapshot of a store's current state, rebuilt only when the store has
// committed since the last build (Store::generation()). Thread-safe; a build
// holds the cache's lock, so concurrent callers share one build.
class SnapshotCache {
 public:
  absl::StatusOr<std::shared_ptr<const Snapshot>> Get(const Store& store)
      ABSL_LOCKS_EXCLUDED(mu_);
  // How many snapshots this cache has built (for tests and statistics).
  int builds() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  mutable quiver::Mutex mu_;
  std::shared_ptr<const Snapshot> current_ ABSL_GUARDED_BY(mu_);
  int builds_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_SNAPSHOT_H_
