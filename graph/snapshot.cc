#include "graph/snapshot.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "graph/reader.h"
#include "graph/store.h"
#include "util/status_macros.h"

namespace quiver::graph {

std::optional<Vertex> Snapshot::vertex(NodeId id) const {
  auto it = std::lower_bound(nodes_.begin(), nodes_.end(), id);
  if (it == nodes_.end() || *it != id) return std::nullopt;
  return static_cast<Vertex>(it - nodes_.begin());
}

size_t Snapshot::MemoryBytes() const {
  size_t bytes = nodes_.capacity() * sizeof(NodeId);
  for (const CsrGraph* g : {&out_, &in_}) {
    bytes += g->m_forward.m_rowstart.capacity() * sizeof(uint32_t) +
             g->m_forward.m_column.capacity() * sizeof(Vertex) +
             g->m_forward.m_edge_properties.capacity() * sizeof(SnapshotEdge);
  }
  return bytes;
}

absl::StatusOr<std::shared_ptr<const Snapshot>> Snapshot::Build(const Reader& reader) {
  std::shared_ptr<Snapshot> snap(new Snapshot());
  QUIVER_RETURN_IF_ERROR(reader.ScanNodes([&](NodeId id) {
    snap->nodes_.push_back(id);
    return true;
  }));
  const size_t n = snap->nodes_.size();
  if (n >= UINT32_MAX) {
    return absl::ResourceExhaustedError(
        absl::StrCat("graph snapshot: ", n, " nodes exceed the 32-bit vertex range"));
  }

  // Node ids are allocated densely, so a table from id to vertex usually
  // costs a few bytes per node and spares a binary search per edge end.
  std::vector<Vertex> dense;
  const NodeId max_id = n ? snap->nodes_.back() : 0;
  if (n > 0 && max_id / 4 <= n) {
    dense.assign(max_id + 1, UINT32_MAX);
    for (Vertex v = 0; v < n; ++v) dense[snap->nodes_[v]] = v;
  }
  auto vertex_of = [&](NodeId id) -> std::optional<Vertex> {
    if (!dense.empty()) {
      if (id > max_id || dense[id] == UINT32_MAX) return std::nullopt;
      return dense[id];
    }
    return snap->vertex(id);
  };

  // `out` keys sort by src, so the scan yields the out-CSR's arrays in
  // order: they are filled in place (Boost's CSR keeps them as public
  // members), with no edge list to sort or copy.
  auto& out = snap->out_.m_forward;
  out.m_rowstart.assign(n + 1, 0);
  const size_t expected = static_cast<size_t>(std::max<int64_t>(0, reader.store().counters().edges));
  out.m_column.reserve(expected);
  out.m_edge_properties.reserve(expected);
  NodeId last_src = 0;
  Vertex next_row = 0;  // Rows before it have their start set.
  bool have_src = false;
  auto cursor = reader.Scan(Cf::kOut, "");
  for (; cursor->Valid(); cursor->Next()) {
    AdjEntry e;
    if (!DecodeOutKey(cursor->key(), &e)) {
      return absl::DataLossError("graph snapshot: corrupted key in column family out");
    }
    if (!have_src || e.src != last_src) {
      auto v = vertex_of(e.src);
      if (!v) {
        return absl::DataLossError(absl::StrCat(
            "graph snapshot: edge ", e.edge, " starts at missing node ", e.src));
      }
      const uint32_t at = static_cast<uint32_t>(out.m_column.size());
      for (; next_row <= *v; ++next_row) out.m_rowstart[next_row] = at;
      last_src = e.src;
      have_src = true;
    }
    auto dst = vertex_of(e.dst);
    if (!dst) {
      return absl::DataLossError(absl::StrCat(
          "graph snapshot: edge ", e.edge, " ends at missing node ", e.dst));
    }
    out.m_column.push_back(*dst);
    out.m_edge_properties.push_back(SnapshotEdge{e.type, e.edge});
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  const size_t m = out.m_column.size();
  if (m >= UINT32_MAX) {
    return absl::ResourceExhaustedError("graph snapshot: too many edges for 32-bit indices");
  }
  for (; next_row <= n; ++next_row) out.m_rowstart[next_row] = static_cast<uint32_t>(m);

  // The in-CSR: a stable counting sort by target keeps, per target, the
  // `out` order (source, type, edge), so results do not depend on anything
  // but the data.
  auto& in = snap->in_.m_forward;
  in.m_rowstart.assign(n + 1, 0);
  for (Vertex dst : out.m_column) ++in.m_rowstart[dst + 1];
  for (size_t v = 0; v < n; ++v) in.m_rowstart[v + 1] += in.m_rowstart[v];
  std::vector<uint32_t> fill(in.m_rowstart.begin(), in.m_rowstart.end() - 1);
  in.m_column.resize(m);
  in.m_edge_properties.resize(m);
  for (Vertex src = 0; src < n; ++src) {
    for (uint32_t i = out.m_rowstart[src]; i < out.m_rowstart[src + 1]; ++i) {
      uint32_t at = fill[out.m_column[i]]++;
      in.m_column[at] = src;
      in.m_edge_properties[at] = out.m_edge_properties[i];
    }
  }
  return std::shared_ptr<const Snapshot>(std::move(snap));
}

absl::StatusOr<std::shared_ptr<const Snapshot>> Snapshot::ForReader(const Reader& reader) {
  return reader.store().snapshots().Get(reader);
}

}  // namespace quiver::graph
