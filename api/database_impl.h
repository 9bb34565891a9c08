// Database::Impl: what a Database holds, visible to the code that extends
// the public API from the inside (query, diagrams, algorithms, exports) but
// not to users: this header is not installed and only targets linking
// quiver_api can include it.

#ifndef QUIVER_API_DATABASE_IMPL_H_
#define QUIVER_API_DATABASE_IMPL_H_

#include <memory>
#include <mutex>

#include "api/read_state.h"
#include "graph/store.h"
#include "quiver/database.h"

namespace quiver {

namespace query {
class ProcedureRegistry;
}

struct Database::Impl {
  // Shared with the read snapshots (api/read_state.h), which may outlive
  // the Database.
  std::shared_ptr<graph::Store> store;
  // Procedures of this store only (query/procedures/database_registry.h),
  // created on first use: read them through Procedures().
  std::once_flag procedures_once;
  std::shared_ptr<query::ProcedureRegistry> procedures;
  // `procedures`, created here if nothing has asked for it yet, so that
  // whoever holds it (a statement, a read snapshot) also finds what is
  // registered later. Never null. Thread-safe.
  std::shared_ptr<query::ProcedureRegistry> Procedures();
  // The read snapshots open (Database::GetSnapshot): while any is, a
  // read-only store's CatchUp fails.
  std::shared_ptr<internal::SnapshotGate> snapshot_gate =
      std::make_shared<internal::SnapshotGate>();
  // The CSR view for whole-graph algorithms is the store's own cache
  // (graph::Store::snapshots()), shared with the query engine.
};

namespace internal {

// The one way in from outside the class (Database declares it a friend).
struct DatabaseAccess {
  static Database::Impl& Of(Database& db) { return *db.impl_; }
  static const Database::Impl& Of(const Database& db) { return *db.impl_; }
};

}  // namespace internal
}  // namespace quiver

#endif  // QUIVER_API_DATABASE_IMPL_H_
