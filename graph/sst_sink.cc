#include "graph/sst_sink.h"

#include "absl/strings/str_cat.h"
#include "graph/records.h"
#include "graph/rocksdb_status.h"
#include "graph/store.h"
#include "rocksdb/convenience.h"
#include "rocksdb/db.h"
#include "rocksdb/sst_file_writer.h"
#include "rocksdb/table.h"
#include "util/status_macros.h"

namespace quiver::graph {

SstSink::SstSink(Store* store, Cf cf, std::string path, SstFilter filter)
    : store_(store), cf_(cf), path_(std::move(path)), filter_(filter) {}

SstSink::~SstSink() = default;

namespace {

bool SnappySupported() {
  static const bool supported = [] {
    for (rocksdb::CompressionType type : rocksdb::GetSupportedCompressions())
      if (type == rocksdb::kSnappyCompression) return true;
    return false;
  }();
  return supported;
}

}  // namespace

std::string SstSink::Context() const {
  return absl::StrCat("bulk load: writing ", path_, " for column family ", CfName(cf_));
}

absl::Status SstSink::Open() {
  rocksdb::Options options = store_->db()->GetOptions(store_->handle(cf_));
  // Index families are small fixed-width keys that compress poorly, and
  // the load is CPU-bound: no compression for them. The families of
  // records repeat their values (a bulk load's evidence and provenance
  // lines are alike, edge records differ only in ids): with Snappy, the
  // store's own default, a 1M-edge load writes 139 MB instead of 287, and
  // the kernel's copy of written data into the page cache, 10-20% of the
  // load's CPU, shrinks with it, for about the CPU Snappy takes.
  options.compression = rocksdb::kNoCompression;
  if ((cf_ == Cf::kNodes || cf_ == Cf::kEdges || cf_ == Cf::kEvidence ||
       cf_ == Cf::kProvenance) &&
      SnappySupported()) {
    options.compression = rocksdb::kSnappyCompression;
  }
  if (filter_ == SstFilter::kNone) {
    const auto* family = options.table_factory->GetOptions<rocksdb::BlockBasedTableOptions>();
    if (family != nullptr && family->filter_policy != nullptr) {
      rocksdb::BlockBasedTableOptions table = *family;
      table.filter_policy.reset();
      options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
    }
  }
  // The file is ingested and read right after: dropping its pages from the
  // cache as it is written (RocksDB's default, an fadvise every MiB) only
  // costs system calls and rereads.
  rocksdb::EnvOptions env_options;
  // Hand the kernel each MiB as it is written (sync_file_range, which does
  // not wait): the machine's dirty-page thresholds are gigabytes, so
  // otherwise all of a load's files (about 290 MB at 1M edges) go to disk
  // in Finish's fdatasync, after the writing (0.15-0.25 s of wall time).
  env_options.bytes_per_sync = 1 << 20;
  writer_ = std::make_unique<rocksdb::SstFileWriter>(
      env_options, options, store_->handle(cf_), /*invalidate_page_cache=*/false);
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
  if (!finished_) {
    finished_ = true;
    finish_status_ = FromRocksDb(writer_->Finish(), Context());
  }
  QUIVER_RETURN_IF_ERROR(finish_status_);
  return true;
}

SinkCloser::~SinkCloser() { Wait().IgnoreError(); }

void SinkCloser::Close(std::vector<SstSink*> sinks) {
  MutexLock lock(&mu_);
  absl::Status* status = &statuses_.emplace_back();
  threads_.emplace_back([sinks = std::move(sinks), status] {
    for (SstSink* sink : sinks) {
      absl::StatusOr<bool> finished = sink->Finish();
      if (!finished.ok()) {
        *status = finished.status();
        return;
      }
    }
  });
}

absl::Status SinkCloser::Wait() {
  std::vector<std::thread> threads;
  {
    MutexLock lock(&mu_);
    threads.swap(threads_);
  }
  for (auto& t : threads) t.join();
  MutexLock lock(&mu_);
  for (const auto& s : statuses_) QUIVER_RETURN_IF_ERROR(s);
  return absl::OkStatus();
}

}  // namespace quiver::graph
