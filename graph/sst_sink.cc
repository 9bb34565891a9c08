#include "graph/sst_sink.h"

#include "absl/strings/str_cat.h"
#include "graph/records.h"
#include "graph/rocksdb_status.h"
#include "graph/store.h"
#include "rocksdb/db.h"
#include "rocksdb/sst_file_writer.h"
#include "util/status_macros.h"

namespace quiver::graph {

SstSink::SstSink(Store* store, Cf cf, std::string path)
    : store_(store), cf_(cf), path_(std::move(path)) {}

SstSink::~SstSink() = default;

std::string SstSink::Context() const {
  return absl::StrCat("bulk load: writing ", path_, " for column family ", CfName(cf_));
}

absl::Status SstSink::Open() {
  rocksdb::Options options = store_->db()->GetOptions(store_->handle(cf_));
  // Index families are small fixed-width keys that compress poorly; and
  // the load is CPU-bound, so skip compression for all of them.
  options.compression = rocksdb::kNoCompression;
  // The file is ingested and read right after: dropping its pages from the
  // cache as it is written (RocksDB's default, an fadvise every MiB) only
  // costs system calls and rereads.
  writer_ = std::make_unique<rocksdb::SstFileWriter>(
      rocksdb::EnvOptions(), options, store_->handle(cf_), /*invalidate_page_cache=*/false);
  return FromRocksDb(writer_->Open(path_), Context());
}

absl::Status SstSink::Add(std::string_view key, std::string_view value) {
  if (!writer_) QUIVER_RETURN_IF_ERROR(Open());
  rocksdb::Status s = writer_->Put(rocksdb::Slice(key.data(), key.size()),
                                   rocksdb::Slice(value.data(), value.size()));
  // The message is built only on failure: this runs once per entry.
  if (!s.ok()) return FromRocksDb(s, Context());
  return absl::OkStatus();
}

absl::Status SstSink::Delete(std::string_view key) {
  if (!writer_) QUIVER_RETURN_IF_ERROR(Open());
  rocksdb::Status s = writer_->Delete(rocksdb::Slice(key.data(), key.size()));
  if (!s.ok()) return FromRocksDb(s, Context());
  return absl::OkStatus();
}

absl::StatusOr<bool> SstSink::Finish() {
  if (!writer_) return false;
  QUIVER_RETURN_IF_ERROR(FromRocksDb(writer_->Finish(), Context()));
  return true;
}

}  // namespace quiver::graph
