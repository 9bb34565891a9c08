// Adding a document and the triples it states, as one atomic write.

#ifndef QUIVER_GRAPH_DOCUMENT_WRITER_H_
#define QUIVER_GRAPH_DOCUMENT_WRITER_H_

#include "absl/status/statusor.h"
#include "graph/store.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

// Finds or creates each triple's nodes by name, merges each fact into its
// edge with the triple's evidence, and records the document, all in one
// WriteTxn. A document whose content hash is stored already changes nothing.
// Errors: kInvalidArgument naming the triple (by index) that is bad; nothing
// is written then.
absl::StatusOr<AddResult> AddDocument(Store& store, const DocumentInput& input);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_DOCUMENT_WRITER_H_
