// DOT export: the whole store in the diagram's style, without layout (so it
// can be laid out by any Graphviz tool later).

#include "graph/store.h"
#include "render/diagram.h"
#include "render/dot_writer.h"
#include "render/internal/exporters.h"
#include "render/store_scan.h"
#include "util/status_macros.h"

namespace quiver::render::internal {

absl::Status WriteDot(const graph::Reader& reader, std::ostream& out, ExportSummary* summary) {
  Diagram d;
  d.title = reader.store().path();
  QUIVER_RETURN_IF_ERROR(ForEachNode(reader, [&](const Node& n) {
    d.nodes.push_back(DiagramNode{n.id, n.name, n.labels.empty() ? "" : n.labels[0]});
    return absl::OkStatus();
  }));
  QUIVER_RETURN_IF_ERROR(ForEachEdge(reader, [&](const Edge& e) {
    d.edges.push_back(DiagramEdge{e.id, e.src, e.dst, e.type, e.count(), e.negated(), {}});
    return absl::OkStatus();
  }));
  Canonicalize(&d);
  summary->nodes = static_cast<int64_t>(d.nodes.size());
  summary->edges = static_cast<int64_t>(d.edges.size());
  out << render::WriteDot(d);
  return absl::OkStatus();
}

}  // namespace quiver::render::internal
