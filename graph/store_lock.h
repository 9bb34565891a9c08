// The writer's lock on a store directory.
//
// RocksDB's own LOCK file refuses a second writer with an opaque IO error.
// Quiver takes an flock on STORE/QUIVER_LOCK first and writes its pid and
// holder into it, so a refused writer can say who holds the store. flock locks
// belong to the open file description, so a second open in the same process
// is refused too.

#ifndef QUIVER_GRAPH_STORE_LOCK_H_
#define QUIVER_GRAPH_STORE_LOCK_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace quiver::graph {

class StoreLock {
 public:
  // Takes the lock, or fails with kUnavailable naming the holder:
  // "store DIR is in use by process 1234 (quiver ingest)".
  static absl::StatusOr<std::unique_ptr<StoreLock>> Acquire(
      const std::string& dir, std::string_view holder);
  ~StoreLock();  // Releases the lock.

  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

 private:
  explicit StoreLock(int fd) : fd_(fd) {}
  int fd_;
};

// The default holder text: the program's name from /proc/self/cmdline.
std::string DefaultHolder();

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_STORE_LOCK_H_
