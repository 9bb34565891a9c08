// graph::WriteTxn: the store's one open write transaction.
//
// Collects every change in a RocksDB WriteBatchWithIndex and writes it with
// one atomic Write on Commit(), so a document or a query's updates are in the
// store entirely or not at all, also after kill -9. Reads through the
// transaction see its own uncommitted changes. Destroying an uncommitted
// transaction discards it. Holds the store's writer mutex while it lives.
// Not thread-safe.

#ifndef QUIVER_GRAPH_WRITE_TXN_H_
#define QUIVER_GRAPH_WRITE_TXN_H_

#include <functional>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "graph/curation.h"
#include "graph/reader.h"
#include "graph/store.h"

namespace rocksdb {
class WriteBatchWithIndex;
}

namespace quiver::graph {

// Limits on what one value may hold, so a broken input file cannot bloat the
// store or the index keys. Longer input is rejected with kInvalidArgument.
inline constexpr size_t kMaxNameBytes = 4096;
inline constexpr size_t kMaxTypeBytes = 256;
// One property value, encoded (a string, a list, a map). A record is read
// whole on every visit, so a 100 MB value would be paid for by every query
// that passes the node; 16 MiB is far past any name, text or list a fact
// holds.
inline constexpr size_t kMaxPropertyBytes = size_t(16) << 20;

// The one check for text the store keeps (names, aliases, labels, types,
// mentions, resolution reasons): not empty, valid UTF-8, at most `limit`
// bytes; the message names `what` ("name is not valid UTF-8 (byte 3)").
absl::Status CheckText(std::string_view what, std::string_view text, size_t limit);

// The normalised keys under which `names` indexes a node: its string
// "name" property and its aliases (NormalizeName), empty ones left out.
std::set<std::string> NameKeysOf(const Node& node);

// The store's label rule for merging a mention into a node: either side has
// no label, or they share one.
bool LabelsAgree(const std::vector<std::string>& a, const std::vector<std::string>& b);
bool HasLabel(const std::vector<std::string>& labels, std::string_view label);

// What a merged fact edge carries besides its evidence.
struct FactProperties {
  std::string text;  // Relation as written; the earliest statement's is kept.
  bool negated = false;
  double confidence = 1.0;  // The highest statement's is kept.
  ValueMap qualifiers;
};

// The labels and aliases FindOrCreateNamedNode gave a node that it did not
// have before (all of them for a new node).
struct NodeAdditions {
  std::vector<std::string> labels;
  std::vector<std::string> aliases;
  // The node as it was when the name found it (so a caller can say why the
  // name resolved to it); nullopt when the node was created.
  std::optional<Node> matched;
};

class WriteTxn : public Reader {
 public:
  ~WriteTxn() override;

  absl::StatusOr<std::optional<std::string>> Get(
      Cf cf, std::string_view key) const override;
  std::unique_ptr<Cursor> Scan(Cf cf, std::string_view prefix) const override;
  std::optional<TermId> FindTerm(std::string_view text) const override;
  std::string TermText(TermId id) const override;

  // The id of a relationship type or label, allocated on first use.
  TermId InternTerm(std::string_view text);

  // A new node; its string "name" property and `aliases` are indexed.
  absl::StatusOr<NodeId> CreateNode(const std::vector<std::string>& labels,
                                    const ValueMap& properties,
                                    const std::vector<std::string>& aliases = {});

  // The first node called `name` (by name or alias, normalised) whose
  // labels agree with `labels` (either side has none, or they share one) and
  // from which kg.split did not take that name; nullopt when none is.
  absl::StatusOr<std::optional<NodeId>> FindNamedNode(
      std::string_view name, const std::vector<std::string>& labels) const;

  // The node FindNamedNode finds, else a new node.
  // New labels and aliases are added; mentions is incremented.
  // Returns the id and whether the node was created; fills `added` if given.
  absl::StatusOr<std::pair<NodeId, bool>> FindOrCreateNamedNode(
      std::string_view name, const std::vector<std::string>& labels,
      const std::vector<std::string>& aliases, NodeAdditions* added = nullptr);

  // The two halves of FindOrCreateNamedNode, for a caller that chose the
  // node itself (graph/surname_resolver.h): another mention of node `id`
  // (labels and aliases added, mentions incremented; kNotFound when there is
  // no such node), and a new node called `name`, mentioned once.
  absl::Status NameExistingNode(NodeId id, std::string_view name,
                                const std::vector<std::string>& labels,
                                const std::vector<std::string>& aliases,
                                NodeAdditions* added = nullptr);
  absl::StatusOr<NodeId> CreateNamedNode(std::string_view name,
                                         const std::vector<std::string>& labels,
                                         const std::vector<std::string>& aliases,
                                         NodeAdditions* added = nullptr);

  // Rewrites a node (labels, aliases, properties) and its index entries.
  // Errors: kNotFound.
  absl::Status UpdateNode(const Node& node);

  // Errors: kNotFound; kFailedPrecondition when the node has relationships
  // and `detach` is false.
  absl::Status DeleteNode(NodeId id, bool detach);

  // A new relationship; never merges (Cypher's CREATE).
  absl::StatusOr<EdgeId> CreateEdge(NodeId src, std::string_view type,
                                    NodeId dst, const ValueMap& properties);

  // Rewrites a relationship's properties. Errors: kNotFound.
  absl::Status UpdateEdgeProperties(EdgeId id, const ValueMap& properties);

  absl::Status DeleteEdge(EdgeId id);

  // States the fact src –type→ dst: merges into the existing edge of that
  // (src, type, dst, negated), or creates one. `evidence` (edge id ignored)
  // is added unless that document and sentence already stated it, and
  // "count" then grows by one. Returns the edge id and whether it is new.
  absl::StatusOr<std::pair<EdgeId, bool>> AddFact(NodeId src,
                                                  std::string_view type,
                                                  NodeId dst,
                                                  const FactProperties& fact,
                                                  const Evidence& evidence);

  // Records a document with its raw 16-byte content hash.
  DocId AddDocumentRecord(Document doc, std::string_view hash);

  // Moves for merging and splitting nodes (graph/node_merger.h,
  // graph/node_splitter.h), defined in write_txn_curation.cc.
  // Re-attaches a relationship to new ends, keeping its id, properties and
  // evidence. Errors: kNotFound.
  absl::Status MoveEdgeEnds(EdgeId id, NodeId src, NodeId dst);
  // Moves statements of `from` (evidence, named by doc and sentence) to `to`,
  // storing each as given (so mentions may be rewritten on the way); one
  // that `to` holds already is dropped. `from == to` rewrites in place.
  // Returns how many were dropped.
  absl::StatusOr<int64_t> MoveEvidence(EdgeId from, EdgeId to,
                                       const std::vector<Evidence>& statements);
  // Appends a change made now to the curation log (graph/curation.h, where
  // CurationRecord says what each field means); returns its sequence number.
  absl::StatusOr<uint64_t> LogCuration(CurationKind kind, NodeId node, NodeId other,
                                       std::vector<std::string> names, std::string_view reason,
                                       int64_t edges);
  // Sets or clears kg.split's rule that ingest never resolves the name
  // `normalised` to `node`.
  void SetNameBlocked(std::string_view normalised, NodeId node, bool blocked);
  // Hands what documents did to `from` (provenance) over to `to`, as
  // mentions only: removing such a document later takes its mentions off
  // `to` but neither deletes `to` nor drops the aliases and labels a user's
  // merge gave it. The resolutions of those mentions go along, so they stay
  // explained (with kg.merges() for why they are on `to` now).
  absl::Status MoveMentions(NodeId from, NodeId to);
  // Moves `count` of document `doc`'s mentions from `from` to `to` (kg.split:
  // the statements that named the alias), so removing the document later
  // takes them off the node that has them now; the resolutions of mentions
  // written as the alias (normalised: `mention_key`) move with them.
  absl::Status MoveMentionCount(DocId doc, NodeId from, NodeId to, int64_t count,
                                std::string_view mention_key = {});

  // Records what document `doc` did to `node` (provenance, key_format.h),
  // so that removing the document can undo it. REQUIRES: doc is new in this
  // transaction (an earlier record for the pair is overwritten).
  void AddMention(DocId doc, NodeId node, const MentionRecord& mention);
  // Takes back what AddMention recorded (both provenance entries).
  void DeleteMention(DocId doc, NodeId node);

  // Calls `fn(key)` for every key of `cf` this transaction has written or
  // deleted so far, each once, in key order, stopping at the first error;
  // after Commit, every key the commit changed, the counters in `meta`
  // included (graph/staged_load.h notes them for the store it stages a
  // load for).
  absl::Status ForEachChangedKey(Cf cf,
                                 const std::function<absl::Status(std::string_view)>& fn) const;

  // Writes everything atomically. After an error the transaction is dead.
  absl::Status Commit();

  const Counters& counters() const { return counters_; }

 private:
  friend class Store;
  friend class DocumentRemover;
  WriteTxn(Store* store, Counters counters);

  void Put(Cf cf, std::string_view key, std::string_view value);
  void Delete(Cf cf, std::string_view key);
  // One statement of a fact is its `evidence` entry plus the document's
  // `provenance` mirror (the statement's confidence, text and qualifiers,
  // EncodeStatement):
  // every path that adds, moves or removes statements (AddFact, DeleteEdge,
  // MoveEvidence, DocumentRemover) writes and deletes the two together here,
  // and keeps counters_.evidence in step. A null `confidence` writes no
  // mirror.
  void PutStatement(EdgeId edge, const Evidence& evidence,
                    std::optional<std::string_view> confidence);
  void DeleteStatement(EdgeId edge, DocId doc, uint32_t sentence);
  absl::Status CheckName(std::string_view what, std::string_view text) const;
  absl::Status CheckProperties(const ValueMap& properties) const;
  void IndexNode(NodeId id, const Node& node, bool add);

  Store* store_;
  std::unique_ptr<rocksdb::WriteBatchWithIndex> batch_;
  Counters counters_;
  std::vector<std::pair<std::string, TermId>> new_terms_;
  absl::flat_hash_map<std::string, TermId> new_term_ids_;
  absl::flat_hash_map<TermId, std::string> new_term_texts_;
  bool done_ = false;
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_WRITE_TXN_H_
