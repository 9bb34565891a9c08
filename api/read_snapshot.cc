// quiver::ReadSnapshot (quiver/read_snapshot.h), Database::GetSnapshot and
// Database::CatchUp, which the snapshots of a read-only store hold back.

#include "quiver/read_snapshot.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "api/database_impl.h"
#include "api/read_iterators.h"
#include "api/read_lookups.h"
#include "api/read_state.h"
#include "query/engine.h"
#include "query/procedures/registry.h"
#include "quiver/database.h"

namespace quiver {

namespace internal {

namespace {

// Counts the snapshot and takes its reader under the gate's lock, so that a
// catch-up cannot fall between the two.
std::unique_ptr<graph::Reader> TakeReader(const graph::Store& store, SnapshotGate& gate) {
  quiver::MutexLock lock(&gate.mu);
  ++gate.open;
  return store.NewReader();
}

}  // namespace

ReadState::ReadState(std::shared_ptr<graph::Store> store_in,
                     std::shared_ptr<query::ProcedureRegistry> procedures_in,
                     std::shared_ptr<SnapshotGate> gate_in)
    : store(std::move(store_in)),
      procedures(std::move(procedures_in)),
      gate(std::move(gate_in)),
      reader(TakeReader(*store, *gate)) {}

ReadState::~ReadState() {
  quiver::MutexLock lock(&gate->mu);
  --gate->open;
}

}  // namespace internal

ReadSnapshot::ReadSnapshot(std::shared_ptr<const internal::ReadState> state)
    : state_(std::move(state)) {}
ReadSnapshot::~ReadSnapshot() = default;

absl::StatusOr<Node> ReadSnapshot::GetNode(NodeId id) const {
  return internal::LookupNode(*state_->reader, id);
}

absl::StatusOr<Edge> ReadSnapshot::GetEdge(EdgeId id) const {
  return internal::LookupEdge(*state_->reader, id);
}

absl::StatusOr<Document> ReadSnapshot::GetDocument(DocId id) const {
  return internal::LookupDocument(*state_->reader, id);
}

absl::StatusOr<std::vector<Node>> ReadSnapshot::FindNodes(std::string_view name) const {
  return internal::LookupNodesNamed(*state_->reader, name);
}

absl::StatusOr<std::vector<Neighbor>> ReadSnapshot::Neighbors(
    NodeId node, Direction direction, std::optional<std::string_view> type) const {
  return internal::LookupNeighbors(*state_->reader, node, direction, type);
}

absl::StatusOr<std::vector<Adjacency>> ReadSnapshot::Adjacent(
    NodeId node, Direction direction, std::optional<std::string_view> type) const {
  return internal::LookupAdjacent(*state_->reader, node, direction, type);
}

absl::StatusOr<std::vector<Evidence>> ReadSnapshot::EvidenceFor(EdgeId edge) const {
  return state_->reader->EvidenceFor(edge);
}

std::unique_ptr<NodeIterator> ReadSnapshot::NewNodeIterator() const {
  return internal::NewNodeIterator(state_);
}

std::unique_ptr<EdgeIterator> ReadSnapshot::NewEdgeIterator() const {
  return internal::NewEdgeIterator(state_);
}

std::unique_ptr<DocumentIterator> ReadSnapshot::NewDocumentIterator() const {
  return internal::NewDocumentIterator(state_);
}

std::unique_ptr<EvidenceIterator> ReadSnapshot::NewEvidenceIterator() const {
  return internal::NewEvidenceIterator(state_, std::nullopt);
}

std::unique_ptr<EvidenceIterator> ReadSnapshot::NewEvidenceIterator(EdgeId edge) const {
  return internal::NewEvidenceIterator(state_, edge);
}

absl::StatusOr<Result> ReadSnapshot::Query(std::string_view text, const ValueMap& params,
                                           const QueryOptions& options) const {
  // The reader handed over shares ownership of the whole state (store and
  // procedures too), so a streaming Result may outlive this snapshot.
  std::shared_ptr<const graph::Reader> reader(state_, state_->reader.get());
  return query::Execute(*state_->store, text, params, options, state_->procedures.get(),
                        std::move(reader));
}

std::unique_ptr<ReadSnapshot> Database::GetSnapshot() const {
  // The Database's own procedures, so that the snapshot's statements find
  // the ones registered later too.
  return internal::ReadSnapshotAccess::Make(std::make_shared<const internal::ReadState>(
      impl_->store, impl_->Procedures(), impl_->snapshot_gate));
}

absl::Status Database::CatchUp() {
  internal::SnapshotGate& gate = *impl_->snapshot_gate;
  quiver::MutexLock lock(&gate.mu);
  if (impl_->store->read_only() && gate.open > 0) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store ", path(), ": ", gate.open,
        " read snapshot(s) open; a read-only store cannot catch up while a snapshot "
        "must keep seeing one state (release them first)"));
  }
  return impl_->store->CatchUp();
}

}  // namespace quiver
