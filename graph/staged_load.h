// graph::AddDocumentsStaged: many documents added to a store through a
// staging copy of it, then ingested as sorted SST files in one atomic step
// (quiver load --bulk, Database::AddDocuments, for an empty store or a large
// batch).
//
// The ordinary way, one WriteTxn for the whole batch, holds every write in
// one WriteBatchWithIndex until the commit: about 6.5 KB of memory per
// statement, as each update of a node or edge record is appended again.
// Here a RocksDB checkpoint of the store (hard links to its files, no copy)
// is opened as a staging store inside the store's directory, and the
// documents go into it through the same write path (AddDocumentIn), in
// transactions of about `chunk_statements` statements, each seeing what the
// ones before it wrote, as the one transaction would; the staging store's
// memtables go to disk when full. The keys each transaction changed are noted
// (in the staging store's unused default column family, so the list is on
// disk too). At the end, each noted key's final value, or a tombstone for a
// key the load deleted, is written in key order to one SST file per column
// family, and the files are ingested into the store with
// IngestExternalFiles, which records them in the MANIFEST atomically: the
// store holds all of the batch or none of it, also after a kill. The result
// is the store the one transaction would have built, key for key.
//
// The store's write transaction is held throughout, so no other writer
// interleaves. The staging directory is removed when done, failed or not,
// and one left by a killed load is removed by the next.

#ifndef QUIVER_GRAPH_STAGED_LOAD_H_
#define QUIVER_GRAPH_STAGED_LOAD_H_

#include <cstddef>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/store.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

struct StagedLoadOptions {
  // Statements (a document counts one more) per staging transaction: what
  // one transaction holds in memory is bounded by it. Default: 4096 (about
  // 27 MiB of batch).
  size_t chunk_statements = 4096;
  // Memtable bytes per column family of the staging store before it is
  // written to disk. Default: 4 MiB.
  size_t write_buffer_bytes = size_t{4} << 20;
};

// From this many statements in one batch, a store that is not empty is
// loaded through staging too: one WriteBatchWithIndex of 20,000 statements
// is about 130 MiB, which staging keeps at the size of one chunk. Smaller
// batches into a store with content are cheaper as one transaction (no
// checkpoint, no second store to open).
inline constexpr size_t kStagedLoadMinStatements = 20000;

// Whether a batch of `statements` into `store` takes AddDocumentsStaged:
// the store is empty (no nodes, edges or documents) or the batch has at
// least kStagedLoadMinStatements statements; never for an in-memory store
// (nothing to checkpoint or ingest from).
bool PreferStagedLoad(const Store& store, size_t statements);

// Adds `documents` in order, as AddDocumentIn in one transaction would;
// returns each one's result (duplicates skipped, earlier versions replaced).
// Errors: the first document's error, as InDocument words it (nothing is
// written then); kUnavailable when the staging directory cannot be made or
// removed; RocksDB errors.
absl::StatusOr<std::vector<AddResult>> AddDocumentsStaged(
    Store& store, const std::vector<DocumentInput>& documents,
    const StagedLoadOptions& options = {});

// `status` (an error of AddDocumentIn) with the document it is about:
// "document SOURCE: message".
absl::Status InDocument(const DocumentInput& document,
                        const absl::Status& status);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_STAGED_LOAD_H_
