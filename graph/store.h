// graph::Store: the RocksDB database behind a Quiver graph.
//
// Owns the RocksDB instance, its column families (key_format.h), the writer's
// lock, the term dictionary and the store's counters. Reads go through a
// Reader (a snapshot); writes through the one WriteTxn open at a time.
// Thread-safe.

#ifndef QUIVER_GRAPH_STORE_H_
#define QUIVER_GRAPH_STORE_H_

#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "graph/key_format.h"
#include "graph/snapshot_cache.h"
#include "quiver/options.h"
#include "util/mutex.h"

namespace rocksdb {
class ColumnFamilyHandle;
class DB;
class Env;
}  // namespace rocksdb

namespace quiver::graph {

class Reader;
class StoreLock;
class WriteTxn;

// Id allocators and totals, persisted in `meta` with every commit.
struct Counters {
  uint64_t next_node = 1;
  uint64_t next_edge = 1;
  uint64_t next_doc = 1;
  uint64_t next_term = 1;
  int64_t nodes = 0;
  int64_t edges = 0;
  int64_t docs = 0;
  int64_t evidence = 0;
};

class Store {
 public:
  // The folder a staged load (graph/staged_load.h) works in, inside the
  // store's directory. A load killed before its cleanup leaves it behind,
  // holding hard links to the store's files: a writer's open removes it
  // (no load can be running once the writer holds the lock).
  static constexpr const char* kStagingDirName = "bulk-load.staging";

  // See Database::Open for the errors.
  static absl::StatusOr<std::unique_ptr<Store>> Open(std::string_view path,
                                                     const Options& options);
  ~Store();

  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const std::string& path() const { return path_; }
  bool read_only() const { return options_.read_only; }
  const Options& options() const { return options_; }

  // A consistent view of the store as of now.
  std::unique_ptr<Reader> NewReader() const;

  // Starts the write transaction, waiting while another one is open.
  // Errors: kFailedPrecondition on a read-only store.
  absl::StatusOr<std::unique_ptr<WriteTxn>> BeginWrite();

  // Read-only stores: follow the writer's commits so far.
  absl::Status CatchUp();

  Counters counters() const;
  // Changes with every commit (and catch-up), so caches of derived data (the
  // Boost.Graph snapshot) know when to rebuild.
  uint64_t generation() const { return generation_.load(); }

  // The one cache of CSR snapshots of this store's read states: whatever
  // reads the whole topology (algorithms, procedures, shortestPath) shares
  // its builds. Its building code is in quiver_algo.
  SnapshotCache& snapshots() const { return snapshots_; }

  std::optional<TermId> FindTerm(std::string_view text) const;
  // The text of a term id, or empty when the id is unknown.
  std::string TermText(TermId id) const;
  // All terms, by id.
  std::vector<std::pair<TermId, std::string>> Terms() const;

  rocksdb::DB* db() const { return db_; }
  rocksdb::ColumnFamilyHandle* handle(Cf cf) const {
    return handles_[static_cast<int>(cf)];
  }

 private:
  friend class WriteTxn;
  friend class BulkLoader;
  Store(std::string path, const Options& options);

  absl::Status OpenDb();
  // Opens RocksDB with our column families (all of them, created if
  // missing, unless `exists`: then those the store has).
  absl::Status OpenRocksDb(bool exists);
  void CloseDb();
  // Whether the open store is one whose creation was cut short: no format
  // version and not a key in any column family.
  absl::StatusOr<bool> CreationInterrupted();
  absl::Status InitializeOrCheckMeta(bool created);
  absl::Status LoadMeta();
  absl::Status LoadTerms();
  // Called by WriteTxn after its batch is durable.
  void PublishCommit(const Counters& counters,
                     const std::vector<std::pair<std::string, TermId>>& terms);
  void EndWrite();

  const std::string path_;
  const Options options_;
  std::unique_ptr<rocksdb::Env> env_;  // In-memory Env, or null.
  std::unique_ptr<StoreLock> lock_;
  std::string secondary_dir_;  // Read-only opens: RocksDB's secondary files.
  bool quiver_made_ = false;   // QUIVER_LOCK was there before this open.
  rocksdb::DB* db_ = nullptr;
  std::array<rocksdb::ColumnFamilyHandle*, kNumCfs> handles_{};

  mutable quiver::Mutex mu_;
  Counters counters_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<std::string, TermId> term_ids_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_map<TermId, std::string> term_texts_ ABSL_GUARDED_BY(mu_);
  std::atomic<uint64_t> generation_{0};
  mutable SnapshotCache snapshots_;

  // Held by the open WriteTxn for its whole life.
  quiver::Mutex write_mu_;
  // The thread that holds write_mu_, so that a second BeginWrite on that
  // thread fails instead of deadlocking.
  std::atomic<std::thread::id> writer_thread_{};
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_STORE_H_
