// Options for opening a Quiver store.

#ifndef QUIVER_OPTIONS_H_
#define QUIVER_OPTIONS_H_

#include <cstddef>
#include <string>

namespace quiver {

struct Options {
  // Create an empty store when `path` does not exist.
  // Default: true.
  bool create_if_missing = true;

  // Fail when the store already exists.
  // Default: false.
  bool error_if_exists = false;

  // Open for reading only. A read-only open never takes the writer's lock: it
  // follows the store as RocksDB's secondary instance, so it is safe beside a
  // live writer in another process; Database::CatchUp() makes the writer's
  // latest commits visible.
  // Default: false.
  bool read_only = false;

  // Keep the store in memory (RocksDB's in-memory Env): nothing touches disk
  // and everything is gone when the Database is destroyed. `path` then only
  // names the store. For tests and throw-away graphs.
  // Default: false.
  bool in_memory = false;

  // Bytes of RocksDB block cache shared by all column families.
  // Default: 64 MiB.
  size_t block_cache_bytes = size_t{64} << 20;

  // Who holds the store, as a second writer's error names it
  // ("store X is in use by process 1234 (quiver ingest)").
  // Default: empty, meaning the program's name.
  std::string holder;

  // Sync the write-ahead log on every commit. Without it a commit survives a
  // process crash (kill -9) but not a power cut.
  // Default: false.
  bool sync_writes = false;
};

}  // namespace quiver

#endif  // QUIVER_OPTIONS_H_
