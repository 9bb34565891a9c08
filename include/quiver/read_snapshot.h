// quiver::ReadSnapshot: one point in time of a Database, for several reads
// that must agree (Database::GetSnapshot). Lookups, iterators
// (quiver/iterator.h), queries and exports (quiver/export.h) made through
// one snapshot all see the store as it was when the snapshot was taken:
// nothing committed afterwards, by this process or another thread.
//
//   std::unique_ptr<quiver::ReadSnapshot> snap = db->GetSnapshot();
//   auto result = snap->Query("MATCH (n:Person) RETURN count(n)");
//   for (auto it = snap->NewNodeIterator(); it->Valid(); it->Next()) { ... }
//   // Both saw the same nodes, whatever was written meanwhile.
//
// Cost: the store keeps what the snapshot can see (old versions of
// records, files compaction would drop) until it is released; release
// long-lived snapshots when done.
//
// Lifetime: the snapshot, its iterators and the results of its queries
// share the state they read; each keeps it alive, so any of them may be
// destroyed first, and they may outlive the Database: the store then stays
// open (its files and, for a writable store, its writer's lock) until the
// last of them is gone.
//
// Read-only stores (Options::read_only): RocksDB cannot pin a state there;
// the snapshot stays one point in time because Database::CatchUp, the only
// thing that moves such a store on, fails while a snapshot is open.
//
// Thread-safety: all methods may be called from several threads at once.

#ifndef QUIVER_READ_SNAPSHOT_H_
#define QUIVER_READ_SNAPSHOT_H_

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "quiver/graph_types.h"
#include "quiver/iterator.h"
#include "quiver/result.h"
#include "quiver/value.h"

namespace quiver {

namespace internal {
struct ReadState;
struct ReadSnapshotAccess;
}  // namespace internal

class ReadSnapshot {
 public:
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;
  ~ReadSnapshot();

  // As the Database methods of the same names, at the snapshot's time.
  // Errors: kNotFound when no node, edge or document has that id;
  // kDataLoss for a record that does not decode.
  absl::StatusOr<Node> GetNode(NodeId id) const;
  absl::StatusOr<Edge> GetEdge(EdgeId id) const;
  absl::StatusOr<Document> GetDocument(DocId id) const;
  absl::StatusOr<std::vector<Node>> FindNodes(std::string_view name) const;
  absl::StatusOr<std::vector<Neighbor>> Neighbors(
      NodeId node, Direction direction,
      std::optional<std::string_view> type = std::nullopt) const;
  absl::StatusOr<std::vector<Adjacency>> Adjacent(
      NodeId node, Direction direction,
      std::optional<std::string_view> type = std::nullopt) const;
  absl::StatusOr<std::vector<Evidence>> EvidenceFor(EdgeId edge) const;

  // Every node, edge, document or statement, by id (quiver/iterator.h
  // gives the order and the lifetime rules). The caller owns the iterator.
  std::unique_ptr<NodeIterator> NewNodeIterator() const;
  std::unique_ptr<EdgeIterator> NewEdgeIterator() const;
  std::unique_ptr<DocumentIterator> NewDocumentIterator() const;
  std::unique_ptr<EvidenceIterator> NewEvidenceIterator() const;
  // The statements of one edge only (none when there is no such edge).
  std::unique_ptr<EvidenceIterator> NewEvidenceIterator(EdgeId edge) const;

  // Runs a read statement as Database::Query does, on the snapshot: its
  // rows, however late they are fetched, come from the snapshot's time.
  // Errors: as Database::Query; a statement that writes fails with a
  // SemanticError ("ReadOnlySnapshot") and changes nothing.
  absl::StatusOr<Result> Query(std::string_view text, const ValueMap& params = {},
                               const QueryOptions& options = QueryOptions()) const;

 private:
  friend struct internal::ReadSnapshotAccess;
  explicit ReadSnapshot(std::shared_ptr<const internal::ReadState> state);
  std::shared_ptr<const internal::ReadState> state_;
};

}  // namespace quiver

#endif  // QUIVER_READ_SNAPSHOT_H_
