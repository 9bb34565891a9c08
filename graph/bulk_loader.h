// graph::BulkLoader: loads a large document of facts into an EMPTY store by
// writing sorted SST files and ingesting them in one atomic step.
//
// The ordinary write path (WriteTxn) looks up every name and edge as it goes
// and pays a memtable skiplist insert per key. For a fresh store nothing needs
// looking up: the loader interns names in memory, sorts fixed-width index
// entries as integers, writes one SST file per column family (two threads),
// and hands them all to RocksDB's IngestExternalFiles, which records them in
// the MANIFEST atomically: after a crash the load is there entirely or not at
// all. The resulting store is identical to the one AddDocument would build
// from the same statements (same ids, records and counts).
//
// Only unlabelled statements without aliases are accepted (label agreement
// decides node identity on the ordinary path). Not thread-safe.

#ifndef QUIVER_GRAPH_BULK_LOADER_H_
#define QUIVER_GRAPH_BULK_LOADER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "graph/store.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

class BulkLoader {
 public:
  // REQUIRES: `store` outlives the loader.
  explicit BulkLoader(Store* store);

  // The document the statements belong to; `content` is hashed as in
  // AddDocument, so the same file loaded later is recognised.
  void SetDocument(const Document& doc, std::string_view content);

  // A node that may have no edges (e.g. from an entity list).
  absl::Status AddNode(std::string_view name);

  // One statement: subject –relation→ object, stated on line `line`
  // (its evidence sentence index). `relation_text` is the relation as written
  // (empty: same as `relation`). The evidence keeps `sentence_text` and
  // `source` (empty: the document's source).
  absl::Status AddStatement(std::string_view subject, std::string_view relation,
                            std::string_view object, uint32_t line,
                            std::string_view relation_text = {},
                            std::string_view sentence_text = {},
                            std::string_view source = {});

  // Writes everything. Errors: kFailedPrecondition when the store is not
  // empty, or when its content hash is already stored; RocksDB errors.
  absl::StatusOr<AddResult> Finish();

 private:
  struct Statement {
    uint32_t subject, relation, object, line;
    uint32_t text;      // Index into texts_.
    uint32_t evidence;  // Index into evidence_values_; 0 = the default.
  };
  struct NodeEntry {
    std::string name;     // First surface form seen.
    std::vector<std::string> aliases;
    int64_t mentions = 0;
    // The forms of the mentions after the first, in the order first seen,
    // with how many: the resolutions AddDocument would record.
    std::vector<std::pair<std::string, int64_t>> later_forms;
  };
  void NoteMention(uint32_t node, std::string_view form);

  absl::StatusOr<uint32_t> InternNode(std::string_view name);
  uint32_t InternText(std::string_view text);
  static constexpr uint32_t kNoText = UINT32_MAX;

  Store* store_;
  Document doc_;
  std::string hash_;
  absl::flat_hash_map<std::string, uint32_t> node_by_key_;  // normalised name
  // Surface form → node: most mentions repeat a form seen before, and this
  // spares them the ICU normalisation.
  absl::flat_hash_map<std::string, uint32_t> node_by_form_;
  std::vector<NodeEntry> nodes_;                            // index = id - 1
  absl::flat_hash_map<std::string, uint32_t> term_ids_;
  std::vector<std::string> terms_;  // index = term id - 1
  std::vector<uint32_t> term_text_;  // term id - 1 → text id of the bare relation
  absl::flat_hash_map<std::string, uint32_t> text_ids_;
  std::vector<std::string> texts_;
  std::vector<Statement> statements_;
  // Encoded EvidenceRecords of statements that carry their own sentence or
  // source; [0] is the default (no sentence, the document's source).
  std::vector<std::string> evidence_values_;
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_BULK_LOADER_H_
