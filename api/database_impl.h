// Database::Impl: what a Database holds, visible to the modules that extend
// the public API (query, ingest) but not to users.

#ifndef QUIVER_API_DATABASE_IMPL_H_
#define QUIVER_API_DATABASE_IMPL_H_

#include <memory>
#include <mutex>

#include "graph/snapshot.h"
#include "graph/store.h"
#include "quiver/database.h"

namespace quiver {

namespace query {
class ProcedureRegistry;
}

struct Database::Impl {
  std::unique_ptr<graph::Store> store;
  // Procedures of this store only (query/procedures/database_registry.h),
  // created on first use.
  std::once_flag procedures_once;
  std::shared_ptr<query::ProcedureRegistry> procedures;
  // The CSR view for whole-graph algorithms, rebuilt after writes.
  graph::SnapshotCache snapshots;
};

}  // namespace quiver

#endif  // QUIVER_API_DATABASE_IMPL_H_
