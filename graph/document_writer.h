// Adding a document and the triples it states, as one atomic write.

#ifndef QUIVER_GRAPH_DOCUMENT_WRITER_H_
#define QUIVER_GRAPH_DOCUMENT_WRITER_H_

#include "absl/status/statusor.h"
#include "graph/store.h"
#include "graph/write_txn.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

// Finds or creates each triple's nodes by name, merges each fact into its
// edge with the triple's evidence, and records the document, all in one
// WriteTxn. A document whose content hash is stored already changes nothing.
// Errors: kInvalidArgument naming the triple (by index) that is bad; nothing
// is written then.
//
// A document of at least `bulk_threshold` triples going into an empty store,
// whose triples carry no labels, aliases, mentions, reasons, qualifiers, spans,
// negation or confidence below 1, goes through the BulkLoader instead: the
// same store, built from sorted files rather than one key at a time.
inline constexpr size_t kBulkThreshold = 20000;
absl::StatusOr<AddResult> AddDocument(Store& store, const DocumentInput& input,
                                      size_t bulk_threshold = kBulkThreshold);

// AddDocument's ordinary path inside a transaction the caller commits, so
// many documents can share one atomic write (quiver load --bulk). Each sees
// what the ones before it in `txn` wrote, as if they had been committed.
// A duplicate changes nothing. Errors: as AddDocument; `txn` must then be
// discarded, as it may hold part of the document.
absl::StatusOr<AddResult> AddDocumentIn(WriteTxn& txn, const DocumentInput& input);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_DOCUMENT_WRITER_H_
