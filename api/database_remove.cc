// Database::RemoveDocument: taking a document's contribution out again.

#include "api/database_impl.h"
#include "graph/document_remover.h"
#include "quiver/database.h"

namespace quiver {

absl::StatusOr<RemoveResult> Database::RemoveDocument(std::string_view source) {
  return graph::RemoveSource(*impl_->store, source);
}

}  // namespace quiver
