// graph::Reader: typed reads of a store at one consistent state.
//
// A Reader is either a snapshot of the committed store (Store::NewReader) or
// the open WriteTxn, which also sees its own uncommitted writes. The typed
// methods are written once here over two primitives, Get and Scan.
// Not thread-safe: one Reader per thread.

#ifndef QUIVER_GRAPH_READER_H_
#define QUIVER_GRAPH_READER_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "graph/key_format.h"
#include "graph/records.h"
#include "quiver/graph_types.h"

namespace rocksdb {
class Iterator;
struct ReadOptions;
}  // namespace rocksdb

namespace quiver::graph {

class Store;

// Keys of one column family that start with a prefix, in byte order.
// Ends when the prefix is exhausted; check status() after the loop.
class Cursor {
 public:
  using IteratorFactory =
      std::function<rocksdb::Iterator*(const rocksdb::ReadOptions&)>;
  Cursor(std::string prefix, const rocksdb::ReadOptions& base,
         const IteratorFactory& make_iterator, std::string context);
  ~Cursor();

  bool Valid() const;
  void Next();
  // Positions at the first key >= prefix + suffix.
  void SeekWithinPrefix(std::string_view suffix);
  std::string_view key() const;
  std::string_view value() const;
  // kDataLoss when RocksDB found corruption while scanning.
  absl::Status status() const;

 private:
  std::string prefix_;
  std::string upper_;
  std::unique_ptr<struct CursorBounds> bounds_;
  std::unique_ptr<rocksdb::Iterator> it_;
  std::string context_;
};

class Reader {
 public:
  explicit Reader(const Store& store) : store_(store) {}
  virtual ~Reader() = default;

  // The raw value at `key`, or nullopt.
  virtual absl::StatusOr<std::optional<std::string>> Get(
      Cf cf, std::string_view key) const = 0;
  virtual std::unique_ptr<Cursor> Scan(Cf cf, std::string_view prefix) const = 0;
  virtual std::optional<TermId> FindTerm(std::string_view text) const;
  virtual std::string TermText(TermId id) const;

  const Store& store() const { return store_; }

  absl::StatusOr<std::optional<Node>> GetNode(NodeId id) const;
  absl::StatusOr<std::optional<EdgeRecord>> GetEdgeRecord(EdgeId id) const;
  absl::StatusOr<std::optional<Edge>> GetEdge(EdgeId id) const;
  Edge ToEdge(EdgeId id, EdgeRecord record) const;

  // Ids of the nodes with `name` as name or alias (normalised), ascending.
  absl::StatusOr<std::vector<NodeId>> FindNodesByName(std::string_view name) const;

  // Adjacency of `node`: outgoing entries come from `out`, incoming from
  // `in`; both reported in true orientation (src -> dst). Optional filters on
  // type and the far node. `fn` returns false to stop early.
  absl::Status ScanAdjacent(NodeId node, Direction direction,
                            std::optional<TermId> type,
                            std::optional<NodeId> other,
                            absl::FunctionRef<bool(const AdjEntry&)> fn) const;
  // The distinct edges at `node`, both directions (a self-loop once), ids
  // ascending.
  absl::StatusOr<std::vector<EdgeId>> EdgesAt(NodeId node) const;
  absl::Status ScanLabel(TermId label, absl::FunctionRef<bool(NodeId)> fn) const;
  absl::Status ScanNodes(absl::FunctionRef<bool(NodeId)> fn) const;
  // All edges, or those of one type, via `by_type`.
  absl::Status ScanEdges(std::optional<TermId> type,
                         absl::FunctionRef<bool(const AdjEntry&)> fn) const;

  absl::StatusOr<std::vector<Evidence>> EvidenceFor(EdgeId edge) const;
  absl::StatusOr<std::optional<Document>> GetDocument(DocId id) const;
  absl::StatusOr<std::optional<DocId>> FindDocumentByHash(std::string_view hash) const;
  absl::StatusOr<std::vector<Document>> Documents() const;

  // Provenance (key_format.h): what document `doc` did to `node`, nullopt
  // when the document did not name it. Errors: kDataLoss.
  absl::StatusOr<std::optional<MentionRecord>> GetMention(DocId doc, NodeId node) const;
  // The documents that name `node`, ids ascending.
  absl::StatusOr<std::vector<DocId>> DocumentsNaming(NodeId node) const;

 protected:
  // "store PATH: <what>" for error messages.
  std::string Context(std::string_view what) const;

 private:
  const Store& store_;
};

// A Reader over a RocksDB snapshot of the committed store.
std::unique_ptr<Reader> NewSnapshotReader(const Store& store);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_READER_H_
