// The one place where rocksdb::Status becomes absl::Status.

#ifndef QUIVER_GRAPH_ROCKSDB_STATUS_H_
#define QUIVER_GRAPH_ROCKSDB_STATUS_H_

#include <string_view>

#include "absl/status/status.h"
#include "rocksdb/status.h"

namespace quiver::graph {

// Maps RocksDB's codes onto the most specific absl code; corruption becomes
// kDataLoss with "corrupted" in the message. `context` names the store or
// operation ("store /tmp/g: reading node 42").
absl::Status FromRocksDb(const rocksdb::Status& s, std::string_view context);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_ROCKSDB_STATUS_H_
