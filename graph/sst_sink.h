// graph::SstSink: writes one column family's entries, in key order, to an
// SST file for the bulk loader (or a staged load) to ingest. Not
// thread-safe; each sink is written by one thread.

#ifndef QUIVER_GRAPH_SST_SINK_H_
#define QUIVER_GRAPH_SST_SINK_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "graph/key_format.h"

namespace rocksdb {
class SstFileWriter;
}  // namespace rocksdb

namespace quiver::graph {

class Store;

class SstSink {
 public:
  // The file is created at `path` with the first Add.
  SstSink(Store* store, Cf cf, std::string path);
  ~SstSink();

  // REQUIRES: keys strictly increasing, across Add and Delete.
  absl::Status Add(std::string_view key, std::string_view value);
  // A tombstone: once ingested, the key is gone from the family.
  absl::Status Delete(std::string_view key);

  // Finishes the file; returns false when nothing was written (no file).
  absl::StatusOr<bool> Finish();

  Cf cf() const { return cf_; }
  const std::string& path() const { return path_; }

 private:
  absl::Status Open();
  std::string Context() const;

  Store* store_;
  Cf cf_;
  std::string path_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
};

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_SST_SINK_H_
