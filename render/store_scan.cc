#include "render/store_scan.h"

#include "absl/strings/str_cat.h"
#include "graph/records.h"
#include "graph/store.h"
#include "util/status_macros.h"

namespace quiver::render {

absl::Status ForEachNode(const graph::Reader& reader,
                         absl::FunctionRef<absl::Status(const Node&)> fn) {
  auto cursor = reader.Scan(graph::Cf::kNodes, "");
  for (; cursor->Valid(); cursor->Next()) {
    Node node;
    if (cursor->key().size() != graph::kIdSize || !graph::DecodeNode(cursor->value(), &node)) {
      return absl::DataLossError(absl::StrCat("store ", reader.store().path(),
                                              ": corrupted record in column family nodes"));
    }
    node.id = graph::DecodeIdKey(cursor->key());
    QUIVER_RETURN_IF_ERROR(fn(node));
  }
  return cursor->status();
}

absl::Status ForEachEdge(const graph::Reader& reader,
                         absl::FunctionRef<absl::Status(const Edge&)> fn) {
  auto cursor = reader.Scan(graph::Cf::kEdges, "");
  for (; cursor->Valid(); cursor->Next()) {
    graph::EdgeRecord record;
    if (cursor->key().size() != graph::kIdSize || !graph::DecodeEdge(cursor->value(), &record)) {
      return absl::DataLossError(absl::StrCat("store ", reader.store().path(),
                                              ": corrupted record in column family edges"));
    }
    QUIVER_RETURN_IF_ERROR(fn(reader.ToEdge(graph::DecodeIdKey(cursor->key()), std::move(record))));
  }
  return cursor->status();
}

absl::Status ForEachEdgeWithEvidence(
    const graph::Reader& reader,
    absl::FunctionRef<absl::Status(const Edge&, const std::vector<Evidence>&)> fn) {
  auto evidence = reader.Scan(graph::Cf::kEvidence, "");
  std::vector<Evidence> batch;
  QUIVER_RETURN_IF_ERROR(ForEachEdge(reader, [&](const Edge& edge) -> absl::Status {
    batch.clear();
    for (; evidence->Valid(); evidence->Next()) {
      Evidence e;
      if (!graph::DecodeEvidenceKey(evidence->key(), &e.edge, &e.doc, &e.sentence) ||
          !graph::DecodeEvidence(evidence->value(), &e)) {
        return absl::DataLossError(absl::StrCat(
            "store ", reader.store().path(), ": corrupted record in column family evidence"));
      }
      if (e.edge > edge.id) break;
      if (e.edge == edge.id) batch.push_back(std::move(e));
      // e.edge < edge.id: evidence of an edge that no longer exists; skipped.
    }
    return fn(edge, batch);
  }));
  return evidence->status();
}

}  // namespace quiver::render
