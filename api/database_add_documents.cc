// Database::AddDocuments: many documents in one atomic write, for
// quiver load --bulk (one commit and one sync instead of one per document).
// Into an empty store, or with a large batch, through a staging store and
// sorted SST files (graph/staged_load.h), whose memory stays bounded; else
// one write transaction, cheaper for a small batch.

#include <vector>

#include "api/database_impl.h"
#include "graph/document_writer.h"
#include "graph/staged_load.h"
#include "quiver/database.h"
#include "util/status_macros.h"

namespace quiver {

absl::StatusOr<std::vector<AddResult>> Database::AddDocuments(
    const std::vector<DocumentInput>& documents) {
  graph::Store& store = *impl_->store;
  size_t statements = 0;
  for (const DocumentInput& document : documents) statements += document.triples.size();
  if (graph::PreferStagedLoad(store, statements)) {
    return graph::AddDocumentsStaged(store, documents);
  }
  QUIVER_ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  std::vector<AddResult> results;
  results.reserve(documents.size());
  for (const DocumentInput& document : documents) {
    auto result = graph::AddDocumentIn(*txn, document);
    // Returning drops the transaction uncommitted: nothing is written.
    if (!result.ok()) return graph::InDocument(document, result.status());
    results.push_back(*result);
  }
  QUIVER_RETURN_IF_ERROR(txn->Commit());
  return results;
}

}  // namespace quiver
