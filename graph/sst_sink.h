// graph::SstSink: writes one column family's entries, in key order, to an
// SST file for the bulk loader (or a staged load) to ingest. Not
// thread-safe; each sink is written by one thread.

#ifndef QUIVER_GRAPH_SST_SINK_H_
#define QUIVER_GRAPH_SST_SINK_H_

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/key_format.h"
#include "util/mutex.h"

namespace rocksdb {
class SstFileWriter;
}  // namespace rocksdb

namespace quiver::graph {

class Store;

// Whether an SST file gets its family's Bloom filter. A filter only spares
// a point lookup the search of a file for a key in the file's range that it
// does not hold; keys beyond the range never reach the file. The bulk
// loader's records by id (nodes, edges) and its statements' provenance are
// looked up by keys that are there, or beyond the range (ids and documents
// added later), so their filters cost CPU (0.03-0.08 s each at 1M edges)
// and buy nothing.
enum class SstFilter { kFamily, kNone };

class SstSink {
 public:
  // The file is created at `path` with the first Add.
  SstSink(Store* store, Cf cf, std::string path, SstFilter filter = SstFilter::kFamily);
  ~SstSink();

  // REQUIRES: keys strictly increasing, across Add and Delete.
  absl::Status Add(std::string_view key, std::string_view value);
  // A tombstone: once ingested, the key is gone from the family.
  absl::Status Delete(std::string_view key);

  // Finishes the file (its last blocks, index and footer, then an fsync);
  // returns false when nothing was written (no file). Calling it again
  // returns the first call's result.
  absl::StatusOr<bool> Finish();

  Cf cf() const { return cf_; }
  const std::string& path() const { return path_; }

 private:
  absl::Status Open();
  std::string Context() const;

  Store* store_;
  Cf cf_;
  std::string path_;
  SstFilter filter_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
  bool finished_ = false;
  absl::Status finish_status_;
};

// Finishes sinks on threads of their own, so that a file's last blocks and
// its fsync overlap the writing of the next file instead of all coming
// after it. Thread-safe: Close may be called from several threads at once.
class SinkCloser {
 public:
  SinkCloser() = default;
  SinkCloser(const SinkCloser&) = delete;
  SinkCloser& operator=(const SinkCloser&) = delete;
  ~SinkCloser();  // Waits for the threads.

  // Finishes `sinks` in order on a new thread. The sinks must outlive Wait
  // and get no Add meanwhile.
  void Close(std::vector<SstSink*> sinks);
  // Waits for every Close so far; returns the first error among them.
  absl::Status Wait();

 private:
  Mutex mu_;
  std::vector<std::thread> threads_ ABSL_GUARDED_BY(mu_);
  // One per thread; a deque keeps each in place as more are added.
  std::deque<absl::Status> statuses_ ABSL_GUARDED_BY(mu_);
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_SST_SINK_H_
