// graph::BulkLoader: loads a large document of facts into an EMPTY store by
// writing sorted SST files and ingesting them in one atomic step.
//
// The ordinary write path (WriteTxn) looks up every name and edge as it goes
// and pays a memtable skiplist insert per key. For a fresh store nothing needs
// looking up: the loader interns names in memory (a batch of statements at
// a time, on two threads) and streams each statement on as a fixed-width
// entry; Finish sorts those by (subject, type, object) to
// find the edges, numbers them in order of first statement, sorts the other
// index orders as integers, writes one SST file per column family (on two
// threads) and hands them all to RocksDB's IngestExternalFiles, which records
// them in the MANIFEST atomically: after a crash the load is there entirely
// or not at all. Keys and records go through the write path's encoders, and
// the resulting store is identical to the one AddDocument would build from
// the same statements (same ids, records, counts, provenance).
//
// Memory: the sorted entries (32 bytes a statement; then 112 bytes an edge
// across its three index orders, its record and its lines) and the buffers
// that sort them stay within `BulkLoadOptions::memory_budget`; beyond it
// they are spilled to disk as sorted runs and merged while the SST files
// are written. What stays in memory is per node (its names, aliases and
// mention counts: about 300 bytes a node of short names), per distinct
// relation and relation text, a bit per statement, and the sentence texts
// of statements that carry one.
//
// Only unlabelled statements without aliases are accepted (label agreement
// decides node identity on the ordinary path). Not thread-safe.

#ifndef QUIVER_GRAPH_BULK_LOADER_H_
#define QUIVER_GRAPH_BULK_LOADER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "graph/store.h"
#include "quiver/graph_types.h"
#include "util/mutex.h"

namespace quiver::graph {

class SstSink;

struct BulkLoadOptions {
  // Bytes of sorted entries held in memory before they are spilled to disk.
  // Default: 256 MiB.
  size_t memory_budget = size_t{256} << 20;
  // The directory spilled runs go to (they are deleted as they are
  // created, so nothing is left behind). Default (empty): the store's
  // directory, or the system's temporary directory for a store without one.
  std::string spill_dir;
};

class BulkLoader {
 public:
  // REQUIRES: `store` outlives the loader.
  explicit BulkLoader(Store* store, BulkLoadOptions options = {});
  ~BulkLoader();

  // The document the statements belong to; `content` is hashed as in
  // AddDocument, so the same file loaded later is recognised.
  void SetDocument(const Document& doc, std::string_view content);
  // Replaces the hash of SetDocument's content with `hash` (ContentHash or
  // ContentHasher's), for content streamed rather than held. Call it after
  // SetDocument, at any time before Finish.
  void SetContentHash(std::string hash);

  // A node that may have no edges (e.g. from an entity list).
  absl::Status AddNode(std::string_view name);

  // One statement: subject –relation→ object, stated on line `line`
  // (its evidence sentence index). `relation_text` is the relation as written
  // (empty: same as `relation`). The evidence keeps `sentence_text` and
  // `source` (empty: the document's source). Errors: kInvalidArgument for a
  // bad name or relation (nothing is added then); kResourceExhausted past
  // 2^32 - 1 statements or 2^32 - 2 names; kInternal when a spill file
  // cannot be written. The last two come from interning a batch this call
  // or an earlier one filled (the loader cannot go on after them).
  absl::Status AddStatement(std::string_view subject, std::string_view relation,
                            std::string_view object, uint32_t line,
                            std::string_view relation_text = {},
                            std::string_view sentence_text = {},
                            std::string_view source = {});

  // Writes everything. Errors: kFailedPrecondition when the store is not
  // empty, or when its content hash is already stored; RocksDB errors;
  // kInternal for a spill file.
  absl::StatusOr<AddResult> Finish();

  // Sorted runs written to disk so far (for tests and benchmarks).
  size_t spilled_runs() const;

  // Finishes the `sinks` (SST files, each family's files with disjoint key
  // ranges) and ingests them into `store` in one atomic step (recorded in
  // the MANIFEST: after a crash all are there or none), then makes
  // `counters` and `new_terms` the store's, as a commit does. The caller
  // holds the store's write transaction. Finish ends with this, and so does
  // graph/staged_load.h, the other writer of SST files.
  static absl::Status IngestAndPublish(
      Store* store, const std::vector<std::unique_ptr<SstSink>>& sinks,
      const Counters& counters, const std::vector<std::pair<std::string, TermId>>& new_terms);

 private:
  struct Entries;  // The sorted-run collections (bulk_loader.cc).
  struct NodeEntry {
    std::string name;     // First surface form seen.
    std::vector<std::string> aliases;
    // Forms (Form::id) of the mentions after the first, in the order first
    // seen: the resolutions AddDocument would record (by CountMentions).
    std::vector<uint32_t> later_forms;
    int64_t mentions = 0;  // In statements, all forms (by CountMentions).
  };
  struct EdgeTotals {
    uint64_t edges = 0;
    uint64_t evidence = 0;
  };

  // A surface form of a node's name, with its mentions in statements. A
  // mention's position is 2 × its statement's index, + 1 for the object.
  static constexpr uint64_t kNoMention = UINT64_MAX;
  struct Form {
    // While its batch is interned, a new form's id is the batch slot that
    // made it, and node is 0; then its id in order of first appearance.
    uint32_t id = 0;
    uint32_t node = 0;
    int64_t count = 0;
    uint64_t first = kNoMention;
    uint64_t second = kNoMention;
  };
  // Names wait in a batch until it is full, then are interned on two
  // threads (bulk_loader_intern.cc).
  struct Batch {
    std::string names;                // Back to back.
    std::vector<uint32_t> name_end;   // Per slot: end of its name in `names`.
    std::vector<uint64_t> position;   // Per slot: kNoMention for AddNode's.
    std::vector<uint8_t> part;        // Per slot: its half of the forms (PartOf).
    struct Statement {
      uint32_t slot;  // The subject's; the object's is the next.
      uint32_t term, line, text, evidence, index;
    };
    std::vector<Statement> statements;
    size_t slots() const { return name_end.size(); }
    std::string_view name(size_t slot) const {
      const uint32_t begin = slot == 0 ? 0 : name_end[slot - 1];
      return std::string_view(names).substr(begin, name_end[slot] - begin);
    }
  };
  // What the lookups of a batch's names found, by slot: `node` (0 for a
  // form new in this batch), `made` and `keys` (the normalised name) for
  // the slots that make a form, and `made_by` for the slots that repeat one.
  struct Lookups {
    std::vector<uint32_t> node, made_by;
    std::vector<uint8_t> made;
    std::vector<std::string> keys;
    void Reset(size_t slots);
  };
  void AddSlot(std::string_view name, uint64_t position);
  // Waits for the batch before to be interned, then interns the full batch:
  // the caller looks up one half of its names while the interning thread
  // looks up the other half, then goes on filling the next batch while that
  // thread gives the new forms their nodes (Resolve).
  absl::Status HandOff();
  // The error of the batch interned last, once it is done.
  absl::Status WaitForBatch();
  // The interning thread's loop (started by the first HandOff): a thread
  // that waits for each batch wakes at once, where one started per batch
  // waited 1.5 ms for a core.
  void InternLoop();
  // Interns the batch on the calling thread (and a helper for the lookups).
  absl::Status InternBatch(Batch& batch);
  // Looks up the batch's names of partition `part` into `found`.
  void LookUp(const Batch& batch, int part, Lookups& found);
  // In statement order, gives the batch's new forms their nodes, then adds
  // its statements; empties the batch.
  absl::Status Resolve(Batch& batch, Lookups& found);
  // After the last batch, once: sets each node's mentions and the forms of
  // its later mentions in order of their first (the resolutions AddDocument
  // records); returns each form's name and later mentions, by form id.
  std::vector<std::pair<const std::string*, int64_t>> CountMentions();
  uint32_t InternText(std::string_view text);
  std::string SpillDir() const;

  // Finish's stages (bulk_loader_write.cc).
  // Each Write* fills an SST file per family into `sinks`.
  absl::StatusOr<EdgeTotals> GroupEdges();
  // The id of the edge whose first statement has this index (after
  // GroupEdges).
  uint32_t EdgeId(uint32_t first_statement) const;
  absl::Status WriteNodeFamilies(std::vector<std::unique_ptr<SstSink>>& sinks);
  absl::Status WriteIndex(Cf cf, std::vector<std::unique_ptr<SstSink>>& sinks);  // out, in, by_type
  absl::Status WriteEdges(std::vector<std::unique_ptr<SstSink>>& sinks);
  absl::Status WriteEvidence(std::vector<std::unique_ptr<SstSink>>& sinks);
  std::string SinkPath(std::string_view name) const;

  static constexpr uint32_t kNoText = UINT32_MAX;
  static constexpr uint64_t kDocId = 1;

  Store* store_;
  BulkLoadOptions options_;
  Document doc_;
  std::string hash_;
  bool document_set_ = false;
  absl::flat_hash_map<std::string, uint32_t> node_by_key_;  // normalised name
  // Surface form → its node and mentions, split in two by a bit of the
  // name's hash, so that two threads intern a batch at once, each looking
  // up its own half. Most mentions repeat a form seen before, and this
  // spares them the ICU normalisation; counting in the entry the lookup just
  // brought into the cache spares a mention all other memory (perf at 4M
  // edges, 400,000 nodes: counting in arrays by form id took 1.4 CPU s, in
  // the entry 0.6 s).
  absl::flat_hash_map<std::string, Form> forms_[2];
  uint32_t form_count_ = 0;
  Batch batch_;       // Being filled by the caller.
  Batch interning_;   // Being interned by intern_thread_.
  Lookups interning_found_;  // Its lookups.
  std::thread intern_thread_;
  // The hand-over of `interning_` between the caller and intern_thread_.
  enum class InternStage { kIdle, kHanded, kCallerHalfDone, kStopping };
  Mutex intern_mu_;
  InternStage intern_stage_ ABSL_GUARDED_BY(intern_mu_) = InternStage::kIdle;
  absl::Status intern_status_ ABSL_GUARDED_BY(intern_mu_);
  size_t batch_limit_;  // Slots a batch holds.
  std::vector<NodeEntry> nodes_;        // index = id - 1
  absl::flat_hash_map<std::string, uint32_t> term_ids_;
  std::vector<std::string> terms_;   // index = term id - 1
  std::vector<uint32_t> term_text_;  // term id - 1 → text id of the bare relation
  absl::flat_hash_map<std::string, uint32_t> text_ids_;
  std::vector<std::string> texts_;
  uint64_t statements_ = 0;
  // Encoded EvidenceRecords of statements that carry their own sentence or
  // source; [0] is the default (no sentence, the document's source).
  std::vector<std::string> evidence_values_;
  std::unique_ptr<Entries> entries_;
  // GroupEdges' bitmap of the statements that are an edge's first, and the
  // marks before each 64-bit word of it.
  std::vector<uint64_t> first_;
  std::vector<uint32_t> rank_;
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_BULK_LOADER_H_
