#include "graph/staged_load.h"

#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "graph/bulk_loader.h"
#include "graph/document_writer.h"
#include "graph/rocksdb_status.h"
#include "graph/sst_sink.h"
#include "graph/write_txn.h"
#include "rocksdb/db.h"
#include "rocksdb/utilities/checkpoint.h"
#include "util/status_macros.h"

namespace quiver::graph {

namespace {

namespace fs = std::filesystem;

// Inside the store's directory, so the checkpoint's hard links and the
// ingest's moves stay on one file system. RocksDB leaves a subdirectory of
// its own directory alone.
std::string StagingPath(const Store& store) {
  return (fs::path(store.path()) / Store::kStagingDirName).string();
}

// Removes the staging directory when the load ends, however it ends.
class StagingDir {
 public:
  explicit StagingDir(std::string path) : path_(std::move(path)) {}
  ~StagingDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);  // Nothing in it counts; the next load retries.
  }
  // Removes what a killed load left, then makes the directory.
  absl::Status Make() {
    std::error_code ec;
    fs::remove_all(path_, ec);
    if (!ec) fs::create_directories(fs::path(path_) / "sst", ec);
    if (ec) {
      return absl::UnavailableError(
          absl::StrCat("bulk load: cannot make the staging directory ", path_,
                       ": ", ec.message()));
    }
    return absl::OkStatus();
  }
  std::string Sub(std::string_view name) const {
    return (fs::path(path_) / name).string();
  }

 private:
  std::string path_;
};

// The noted keys: a family's byte, then the key, in the staging store's
// default column family (which Quiver never writes).
std::string NoteKey(Cf cf, std::string_view key) {
  std::string k(1, char(cf));
  k.append(key);
  return k;
}

// Commits `txn` into the staging store, then notes the keys it changed
// (after: the commit adds the counters to the batch).
absl::Status CommitNoted(Store& staging, WriteTxn& txn) {
  QUIVER_RETURN_IF_ERROR(txn.Commit());
  rocksdb::WriteBatch notes;
  for (int i = 1; i < kNumCfs; ++i) {
    const Cf cf = static_cast<Cf>(i);
    QUIVER_RETURN_IF_ERROR(txn.ForEachChangedKey(cf, [&](std::string_view key) {
      const std::string k = NoteKey(cf, key);
      return FromRocksDb(
          notes.Put(staging.handle(Cf::kDefault), k, rocksdb::Slice()),
          "bulk load: noting a staged key");
    }));
  }
  return FromRocksDb(staging.db()->Write(rocksdb::WriteOptions(), &notes),
                     absl::StrCat("bulk load: staging store ", staging.path()));
}

// One SST file per family, from the noted keys in order: each key's value
// in the staging store, or a tombstone where the load deleted it.
absl::StatusOr<std::vector<std::unique_ptr<SstSink>>> WriteChanges(
    Store& store, Store& staging, const StagingDir& dir) {
  std::vector<std::unique_ptr<SstSink>> sinks;
  const std::string context =
      absl::StrCat("bulk load: reading staging store ", staging.path());
  std::unique_ptr<rocksdb::Iterator> notes(staging.db()->NewIterator(
      rocksdb::ReadOptions(), staging.handle(Cf::kDefault)));
  std::unique_ptr<rocksdb::Iterator> values;
  int current = -1;
  for (notes->SeekToFirst(); notes->Valid(); notes->Next()) {
    const rocksdb::Slice note = notes->key();
    const int family = uint8_t(note[0]);
    if (family <= 0 || family >= kNumCfs) {
      return absl::InternalError(
          absl::StrCat(context, ": a noted key of no family"));
    }
    if (family != current) {
      if (values)
        QUIVER_RETURN_IF_ERROR(FromRocksDb(values->status(), context));
      current = family;
      const Cf cf = static_cast<Cf>(family);
      sinks.push_back(std::make_unique<SstSink>(
          &store, cf, dir.Sub(absl::StrCat("sst/", CfName(cf), ".sst"))));
      values.reset(staging.db()->NewIterator(rocksdb::ReadOptions(),
                                             staging.handle(cf)));
      values->SeekToFirst();
    }
    const rocksdb::Slice key(note.data() + 1, note.size() - 1);
    // The noted keys come in order: most are the next key of the family
    // (a fresh store's are all of them), so step before seeking.
    if (values->Valid() && values->key().compare(key) < 0) values->Next();
    if (values->Valid() && values->key().compare(key) < 0) values->Seek(key);
    SstSink& sink = *sinks.back();
    const std::string_view k(key.data(), key.size());
    if (values->Valid() && values->key() == key) {
      QUIVER_RETURN_IF_ERROR(sink.Add(
          k, std::string_view(values->value().data(), values->value().size())));
    } else {
      QUIVER_RETURN_IF_ERROR(sink.Delete(k));
    }
  }
  QUIVER_RETURN_IF_ERROR(FromRocksDb(notes->status(), context));
  if (values) QUIVER_RETURN_IF_ERROR(FromRocksDb(values->status(), context));
  return sinks;
}

}  // namespace

bool PreferStagedLoad(const Store& store, size_t statements) {
  if (store.options().in_memory) return false;
  const Counters c = store.counters();
  return (c.nodes == 0 && c.edges == 0 && c.docs == 0) ||
         statements >= kStagedLoadMinStatements;
}

absl::Status InDocument(const DocumentInput& document,
                        const absl::Status& status) {
  return absl::Status(
      status.code(),
      absl::StrCat("document ",
                   document.source.empty() ? "(unnamed)" : document.source,
                   ": ", status.message()));
}

absl::StatusOr<std::vector<AddResult>> AddDocumentsStaged(
    Store& store, const std::vector<DocumentInput>& documents,
    const StagedLoadOptions& options) {
  // Held to the end: no other writer changes the store between the
  // checkpoint and the ingest.
  QUIVER_ASSIGN_OR_RETURN(auto hold, store.BeginWrite());
  StagingDir dir(StagingPath(store));
  QUIVER_RETURN_IF_ERROR(dir.Make());
  {
    rocksdb::Checkpoint* raw = nullptr;
    const std::string context =
        absl::StrCat("bulk load: checkpoint of store ", store.path());
    QUIVER_RETURN_IF_ERROR(
        FromRocksDb(rocksdb::Checkpoint::Create(store.db(), &raw), context));
    std::unique_ptr<rocksdb::Checkpoint> checkpoint(raw);
    QUIVER_RETURN_IF_ERROR(
        FromRocksDb(checkpoint->CreateCheckpoint(dir.Sub("db")), context));
  }
  Options staging_options;
  staging_options.create_if_missing = false;
  staging_options.holder = "quiver load --bulk (staging)";
  QUIVER_ASSIGN_OR_RETURN(std::unique_ptr<Store> staging,
                          Store::Open(dir.Sub("db"), staging_options));
  const std::string buffer = std::to_string(options.write_buffer_bytes);
  for (int i = 0; i < kNumCfs; ++i) {
    QUIVER_RETURN_IF_ERROR(FromRocksDb(
        staging->db()->SetOptions(staging->handle(static_cast<Cf>(i)),
                                  {{"write_buffer_size", buffer}}),
        "bulk load: sizing the staging store's memtables"));
  }

  std::vector<AddResult> results;
  results.reserve(documents.size());
  std::unique_ptr<WriteTxn> txn;
  size_t in_chunk = 0;
  for (const DocumentInput& document : documents) {
    if (!txn) {
      QUIVER_ASSIGN_OR_RETURN(txn, staging->BeginWrite());
    }
    auto result = AddDocumentIn(*txn, document);
    if (!result.ok()) return InDocument(document, result.status());
    results.push_back(*result);
    in_chunk += document.triples.size() + 1;
    if (in_chunk >= options.chunk_statements) {
      QUIVER_RETURN_IF_ERROR(CommitNoted(*staging, *txn));
      txn.reset();
      in_chunk = 0;
    }
  }
  if (txn) {
    QUIVER_RETURN_IF_ERROR(CommitNoted(*staging, *txn));
    txn.reset();
  }

  QUIVER_ASSIGN_OR_RETURN(auto sinks, WriteChanges(store, *staging, dir));
  std::vector<std::pair<std::string, TermId>> new_terms;
  for (auto& [id, text] : staging->Terms())
    if (!store.FindTerm(text)) new_terms.emplace_back(std::move(text), id);
  const Counters counters = staging->counters();
  QUIVER_RETURN_IF_ERROR(
      BulkLoader::IngestAndPublish(&store, sinks, counters, new_terms));
  return results;
}

}  // namespace quiver::graph
