// graph::SnapshotCache: the one cache of CSR snapshots (graph/snapshot.h)
// of a store, owned by the Store (Store::snapshots()). Every reader of the
// whole graph's topology goes through it (the Database's algorithms and
// diagrams, query procedures, shortestPath), so a read state is built once
// however it is reached.
//
// Entries are keyed by the read state as a reader sees it: the node and
// edge counters and id allocators in `meta`, which every commit writes and
// every topology change moves (a new node or edge takes a fresh id; a
// deletion lowers a count; merging deletes a node; splitting creates one).
// A property-only write keeps the key, so its snapshot stays in use. The
// store's generation is not the key: it says what is current, not which
// state an older reader (a ReadSnapshot held open) sees.
//
// The building code is in quiver_algo (snapshot_cache.cc); this header
// stays free of Boost so that graph/store.h can hold the cache.
// Thread-safe; a build holds the cache's lock, so callers asking for the
// same state at once share one build.

#ifndef QUIVER_GRAPH_SNAPSHOT_CACHE_H_
#define QUIVER_GRAPH_SNAPSHOT_CACHE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "util/mutex.h"

namespace quiver::graph {

class Reader;
class Snapshot;
class Store;

class SnapshotCache {
 public:
  using SnapshotPtr = std::shared_ptr<const Snapshot>;

  // The snapshot of exactly `reader`'s state, built when none is cached.
  // An open WriteTxn (whose counters are written at commit) always gets a
  // fresh build, which is not cached. Errors: the build's (kDataLoss for an
  // edge whose end is not a node).
  absl::StatusOr<SnapshotPtr> Get(const Reader& reader) ABSL_LOCKS_EXCLUDED(mu_);
  // Get's cached snapshot of `reader`'s state, or null when none is cached
  // (never builds; always null for a WriteTxn). For callers that use a
  // snapshot only when it is free (the query engine's shortestPath).
  absl::StatusOr<SnapshotPtr> Cached(const Reader& reader) ABSL_LOCKS_EXCLUDED(mu_);
  // The snapshot of `store`'s state as of now: one that includes every
  // commit finished before the call. REQUIRES: `store` owns this cache.
  absl::StatusOr<SnapshotPtr> Current(const Store& store) ABSL_LOCKS_EXCLUDED(mu_);

  // How many snapshots this cache has built, WriteTxn builds included (for
  // tests and statistics).
  int builds() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  // A few states, so that a reader held on an older state and the current
  // one do not evict each other on every call.
  static constexpr size_t kEntries = 2;

  // Moves the entry of `key` to the front and returns it; null if absent.
  SnapshotPtr FindLocked(const std::string& key) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  mutable quiver::Mutex mu_;
  // Most recently used first.
  std::vector<std::pair<std::string, SnapshotPtr>> entries_ ABSL_GUARDED_BY(mu_);
  // Current()'s last answer and the store generation read before its
  // reader was taken: while the generation stays, no commit has finished
  // since, so the answer is still current without reading the store.
  SnapshotPtr current_ ABSL_GUARDED_BY(mu_);
  uint64_t current_generation_ ABSL_GUARDED_BY(mu_) = 0;
  int builds_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_SNAPSHOT_CACHE_H_
