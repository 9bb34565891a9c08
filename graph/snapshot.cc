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

absl::StatusOr<std::shared_ptr<const Snapshot>> Snapshot::Build(
    const Reader& reader, uint64_t generation) {
  std::shared_ptr<Snapshot> snap(new Snapshot());
  snap->generation_ = generation;
  QUIVER_RETURN_IF_ERROR(reader.ScanNodes([&](NodeId id) {
    snap->nodes_.push_back(id);
    return true;
  }));
  const size_t n = snap->nodes_.size();
  if (n >= UINT32_MAX) {
    return absl::ResourceExhaustedError(
        absl::StrCat("graph snapshot: ", n, " nodes exceed the 32-bit vertex range"));
  }

  // `out` keys sort by src, so the edge list arrives grouped by source
  // vertex and the out-CSR is built from sorted input without a sort.
  std::vector<std::pair<Vertex, Vertex>> pairs;
  std::vector<SnapshotEdge> props;
  pairs.reserve(reader.store().counters().edges);
  props.reserve(reader.store().counters().edges);
  NodeId last_src = 0;
  Vertex last_src_v = 0;
  bool have_src = false;
  auto cursor = reader.Scan(Cf::kOut, "");
  for (; cursor->Valid(); cursor->Next()) {
    AdjEntry e;
    if (!DecodeOutKey(cursor->key(), &e)) {
      return absl::DataLossError("graph snapshot: corrupted key in column family out");
    }
    if (!have_src || e.src != last_src) {
      auto v = snap->vertex(e.src);
      if (!v) {
        return absl::DataLossError(absl::StrCat(
            "graph snapshot: edge ", e.edge, " starts at missing node ", e.src));
      }
      last_src = e.src;
      last_src_v = *v;
      have_src = true;
    }
    auto dst = snap->vertex(e.dst);
    if (!dst) {
      return absl::DataLossError(absl::StrCat(
          "graph snapshot: edge ", e.edge, " ends at missing node ", e.dst));
    }
    pairs.emplace_back(last_src_v, *dst);
    props.push_back(SnapshotEdge{e.type, e.edge});
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  if (pairs.size() >= UINT32_MAX) {
    return absl::ResourceExhaustedError("graph snapshot: too many edges for 32-bit indices");
  }

  snap->out_ = CsrGraph(boost::edges_are_sorted, pairs.begin(), pairs.end(),
                        props.begin(), n, pairs.size());

  // The in-CSR: a stable counting sort by target keeps, per target, the
  // `out` order (source, type, edge), so results do not depend on anything
  // but the data.
  std::vector<uint32_t> start(n + 1, 0);
  for (const auto& p : pairs) ++start[p.second + 1];
  for (size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<std::pair<Vertex, Vertex>> rev(pairs.size());
  std::vector<SnapshotEdge> rev_props(pairs.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    uint32_t at = start[pairs[i].second]++;
    rev[at] = {pairs[i].second, pairs[i].first};
    rev_props[at] = props[i];
  }
  pairs.clear();
  pairs.shrink_to_fit();
  props.clear();
  props.shrink_to_fit();
  snap->in_ = CsrGraph(boost::edges_are_sorted, rev.begin(), rev.end(),
                       rev_props.begin(), n, rev.size());
  return std::shared_ptr<const Snapshot>(std::move(snap));
}

absl::StatusOr<std::shared_ptr<const Snapshot>> SnapshotCache::Get(const Store& store) {
  absl::MutexLock lock(&mu_);
  // Read the generation before taking the reader: a commit in between makes
  // the snapshot newer than its label, so the next call rebuilds (never the
  // other way round, which would serve a stale graph).
  uint64_t generation = store.generation();
  if (current_ && current_->generation() == generation) return current_;
  auto reader = store.NewReader();
  QUIVER_ASSIGN_OR_RETURN(auto snap, Snapshot::Build(*reader, generation));
  current_ = snap;
  ++builds_;
  return snap;
}

int SnapshotCache::builds() const {
  absl::MutexLock lock(&mu_);
  return builds_;
}

}  // namespace quiver::graph
