// Taking a document out of the graph again: its evidence, the facts only it
// stated, and the nodes only it named.
//
// What a document contributed is found through the `provenance` column
// family (key_format.h), so removal costs what the document added, not a
// scan of the store. Removing a document undoes, in one WriteTxn:
// - its evidence: each fact it stated loses that evidence, its "count" drops
//   by as many statements and its "confidence" becomes the highest of the
//   statements left; a fact left without evidence is deleted with its
//   `out`, `in` and `by_type` entries;
// - its mentions: each node it named loses those mentions, and the aliases
//   and labels the document added to it unless another document still gives
//   them (the node's display name is always kept);
// - nodes: a node is deleted only when it was created by a document's
//   statements, no document names it any more, and no edge is left at it.
//   Nodes created by queries (CREATE, MERGE) never qualify, even when
//   documents later named them. When the creating document goes but others
//   still name the node, the oldest of those inherits "created";
// - each surviving fact's statement-derived properties: its "text" becomes
//   the earliest remaining statement's (by document id, then sentence) and
//   each qualifier the earliest remaining statement's that gives it; a
//   qualifier only removed statements gave is dropped. Statements stored
//   before they kept their own text and qualifiers leave those as they are;
// - its mention records (provenance 'n', with the resolution of each
//   mention as written) and 'm' entries;
// - the document record, its content hash and its source entry.

#ifndef QUIVER_GRAPH_DOCUMENT_REMOVER_H_
#define QUIVER_GRAPH_DOCUMENT_REMOVER_H_

#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/reader.h"
#include "graph/store.h"
#include "graph/write_txn.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

// The documents stored under `source`, ids ascending (empty when none).
absl::StatusOr<std::vector<DocId>> FindDocumentsBySource(const Reader& reader,
                                                         std::string_view source);

// Removes document `doc` within `txn` (nothing is written until Commit) and
// adds what went to `*removed`. Errors: kNotFound when there is no such
// document; kDataLoss for a corrupted record.
absl::Status RemoveDocument(WriteTxn& txn, DocId doc, RemoveResult* removed);

// Removes every document stored under `source` in one atomic write.
// Errors: kNotFound naming the source when no document has it.
absl::StatusOr<RemoveResult> RemoveSource(Store& store, std::string_view source);

// The part of removal that needs WriteTxn's private writes.
class DocumentRemover {
 public:
  static absl::Status Remove(WriteTxn& txn, DocId doc, RemoveResult* removed);

 private:
  static absl::Status RemoveEvidence(WriteTxn& txn, DocId doc, RemoveResult* removed);
  static absl::Status RemoveMentions(WriteTxn& txn, DocId doc, RemoveResult* removed);
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_DOCUMENT_REMOVER_H_
