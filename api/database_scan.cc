// Database::ForEachNode / ForEachEdge / ForEachDocument: the whole graph,
// read through one reader so the callback sees one state of the store.

#include "absl/strings/str_cat.h"
#include "api/database_impl.h"
#include "graph/key_format.h"
#include "graph/reader.h"
#include "quiver/database.h"
#include "util/status_macros.h"

namespace quiver {

absl::Status Database::ForEachNode(const std::function<bool(const Node&)>& fn) const {
  auto reader = impl_->store->NewReader();
  absl::Status status;
  QUIVER_RETURN_IF_ERROR(reader->ScanNodes([&](NodeId id) {
    absl::StatusOr<std::optional<Node>> node = reader->GetNode(id);
    if (!node.ok()) {
      status = node.status();
      return false;
    }
    if (!*node) {
      status = absl::DataLossError(absl::StrCat(
          "store ", path(), ": corrupted: index entry for missing node ", id));
      return false;
    }
    return fn(**node);
  }));
  return status;
}

absl::Status Database::ForEachEdge(const std::function<bool(const Edge&)>& fn) const {
  auto reader = impl_->store->NewReader();
  auto cursor = reader->Scan(graph::Cf::kEdges, "");
  for (; cursor->Valid(); cursor->Next()) {
    if (cursor->key().size() != graph::kIdSize) {
      return absl::DataLossError(
          absl::StrCat("store ", path(), ": corrupted key in column family edges"));
    }
    EdgeId id = graph::DecodeIdKey(cursor->key());
    QUIVER_ASSIGN_OR_RETURN(std::optional<Edge> edge, reader->GetEdge(id));
    if (!edge) continue;  // Not on one snapshot: the cursor just saw it.
    if (!fn(*edge)) break;
  }
  return cursor->status();
}

absl::Status Database::ForEachDocument(const std::function<bool(const Document&)>& fn) const {
  QUIVER_ASSIGN_OR_RETURN(std::vector<Document> documents,
                          impl_->store->NewReader()->Documents());
  for (const Document& d : documents) {
    if (!fn(d)) break;
  }
  return absl::OkStatus();
}

}  // namespace quiver
