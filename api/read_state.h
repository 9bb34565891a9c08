// internal::ReadState: what a ReadSnapshot (quiver/read_snapshot.h) reads
// from, shared by the snapshot, its iterators and its queries' streaming
// results, so that whichever of them goes last releases it.

#ifndef QUIVER_API_READ_STATE_H_
#define QUIVER_API_READ_STATE_H_

#include <memory>

#include "absl/base/thread_annotations.h"
#include "graph/reader.h"
#include "graph/store.h"
#include "quiver/read_snapshot.h"
#include "util/mutex.h"

namespace quiver {

namespace query {
class ProcedureRegistry;
}

namespace internal {

// The snapshots open on one Database. A read-only store cannot pin a read
// state (RocksDB's secondary instances have no snapshots), so
// Database::CatchUp refuses to move the store while any is open, and a
// snapshot is not taken during a catch-up.
struct SnapshotGate {
  quiver::Mutex mu;
  int open ABSL_GUARDED_BY(mu) = 0;
};

struct ReadState {
  ReadState(std::shared_ptr<graph::Store> store,
            std::shared_ptr<query::ProcedureRegistry> procedures,
            std::shared_ptr<SnapshotGate> gate);
  ~ReadState();
  ReadState(const ReadState&) = delete;
  ReadState& operator=(const ReadState&) = delete;

  // Declared first so it is destroyed last: the reader releases its RocksDB
  // snapshot through the store.
  const std::shared_ptr<graph::Store> store;
  // The Database's own (Database::Impl::Procedures).
  const std::shared_ptr<query::ProcedureRegistry> procedures;
  const std::shared_ptr<SnapshotGate> gate;
  const std::unique_ptr<graph::Reader> reader;
};

// The one way between a ReadSnapshot and its state (ReadSnapshot declares
// it a friend).
struct ReadSnapshotAccess {
  static std::unique_ptr<ReadSnapshot> Make(std::shared_ptr<const ReadState> state) {
    return std::unique_ptr<ReadSnapshot>(new ReadSnapshot(std::move(state)));
  }
  static const std::shared_ptr<const ReadState>& State(const ReadSnapshot& snapshot) {
    return snapshot.state_;
  }
};

}  // namespace internal
}  // namespace quiver

#endif  // QUIVER_API_READ_STATE_H_
