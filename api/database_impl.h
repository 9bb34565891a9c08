// Database::Impl: what a Database holds, visible to the modules that extend
// the public API (query, ingest) but not to users.

#ifndef QUIVER_API_DATABASE_IMPL_H_
#define QUIVER_API_DATABASE_IMPL_H_

#include <memory>

#include "graph/snapshot.h"
#include "graph/store.h"
#include "quiver/database.h"

namespace quiver {

struct Database::Impl {
  std::unique_ptr<graph::Store> store;
  // The CSR view for whole-graph algorithms, rebuilt after writes.
  graph::SnapshotCache snapshots;
};

}  // namespace quiver

#endif  // QUIVER_API_DATABASE_IMPL_H_
