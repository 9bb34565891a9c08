// Database::AddDocuments: many documents in one write transaction, for
// quiver load --bulk (one commit and one sync instead of one per document).

#include <vector>

#include "absl/strings/str_cat.h"
#include "api/database_impl.h"
#include "graph/document_writer.h"
#include "quiver/database.h"
#include "util/status_macros.h"

namespace quiver {

absl::StatusOr<std::vector<AddResult>> Database::AddDocuments(
    const std::vector<DocumentInput>& documents) {
  QUIVER_ASSIGN_OR_RETURN(auto txn, impl_->store->BeginWrite());
  std::vector<AddResult> results;
  results.reserve(documents.size());
  for (const DocumentInput& document : documents) {
    auto result = graph::AddDocumentIn(*txn, document);
    // Returning drops the transaction uncommitted: nothing is written.
    if (!result.ok()) {
      return absl::Status(result.status().code(),
                          absl::StrCat("document ", document.source.empty() ? "(unnamed)" : document.source,
                                       ": ", result.status().message()));
    }
    results.push_back(*result);
  }
  QUIVER_RETURN_IF_ERROR(txn->Commit());
  return results;
}

}  // namespace quiver
