#include "graph/store.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "graph/coding.h"
#include "graph/reader.h"
#include "graph/rocksdb_status.h"
#include "graph/store_lock.h"
#include "graph/write_txn.h"
#include "rocksdb/cache.h"
#include "rocksdb/db.h"
#include "rocksdb/env.h"
#include "rocksdb/filter_policy.h"
#include "rocksdb/table.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

namespace fs = std::filesystem;

namespace {

std::string EncodeU64(uint64_t v) {
  std::string s;
  PutFixed64BE(&s, v);
  return s;
}

std::string RandomStoreId() {
  std::random_device rd;
  std::string id;
  for (int i = 0; i < 4; ++i) PutFixed32BE(&id, rd());
  return id;
}

}  // namespace

Store::Store(std::string path, const Options& options)
    : path_(std::move(path)), options_(options) {}

Store::~Store() {
  CloseDb();
  if (!secondary_dir_.empty()) {
    std::error_code ec;  // Best effort: it is a private temporary directory.
    fs::remove_all(secondary_dir_, ec);
  }
}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(std::string_view path,
                                                   const Options& options) {
  if (path.empty()) return absl::InvalidArgumentError("store path is empty");
  std::unique_ptr<Store> store(new Store(std::string(path), options));
  if (options.in_memory) {
    store->env_.reset(rocksdb::NewMemEnv(rocksdb::Env::Default()));
  }
  QUIVER_RETURN_IF_ERROR(store->OpenDb());
  return store;
}

absl::Status Store::OpenDb() {
  bool exists = false;
  if (!options_.in_memory) {
    std::error_code ec;
    fs::file_status st = fs::status(path_, ec);
    if (fs::exists(st) && !fs::is_directory(st)) {
      return absl::InvalidArgumentError(absl::StrCat(
          path_, " is not a Quiver store (it is a file, not a directory)"));
    }
    if (fs::exists(st)) {
      exists = fs::exists(fs::path(path_) / "CURRENT", ec);
      if (!exists && !fs::is_empty(path_, ec)) {
        // Besides our lock, what RocksDB writes while it creates a database
        // before its CURRENT file: a kill then leaves them (found by
        // tests/crash), and creating the database again overwrites them.
        // Never a table or log file, which would hold data.
        const bool ours = fs::exists(fs::path(path_) / "QUIVER_LOCK", ec);
        auto creating = [](const std::string& name) {
          return name == "LOCK" || name == "IDENTITY" || name.rfind("LOG", 0) == 0 ||
                 name.rfind("MANIFEST-", 0) == 0 ||
                 (name.size() > 6 && name.compare(name.size() - 6, 6, ".dbtmp") == 0);
        };
        bool only_our_lock = true;
        for (const auto& entry : fs::directory_iterator(path_, ec)) {
          const std::string name = entry.path().filename().string();
          if (name != "QUIVER_LOCK" && !(ours && creating(name))) only_our_lock = false;
        }
        if (!only_our_lock) {
          return absl::InvalidArgumentError(absl::StrCat(
              path_, " is not a Quiver store (a non-empty directory without a "
                     "RocksDB CURRENT file)"));
        }
      }
    }
    if (!exists && (!options_.create_if_missing || options_.read_only)) {
      return absl::NotFoundError(absl::StrCat(
          "store ", path_, " does not exist (",
          options_.read_only ? "a read-only open never creates one"
                             : "create_if_missing is false",
          ")"));
    }
    if (exists && options_.error_if_exists) {
      return absl::AlreadyExistsError(
          absl::StrCat("store ", path_, " exists (error_if_exists is true)"));
    }
    if (!exists) {
      fs::create_directories(path_, ec);
      if (ec) {
        return absl::UnavailableError(absl::StrCat(
            "store ", path_, ": cannot create the directory: ", ec.message()));
      }
    }
    // Quiver makes QUIVER_LOCK before the database: a directory that has one
    // from before this open is Quiver's, even when RocksDB's part of its
    // creation was cut short.
    quiver_made_ = fs::exists(fs::path(path_) / "QUIVER_LOCK", ec);
    if (!options_.read_only) {
      QUIVER_ASSIGN_OR_RETURN(lock_, StoreLock::Acquire(path_, options_.holder));
      // A killed staged load's folder counts for nothing; best effort.
      fs::remove_all(fs::path(path_) / kStagingDirName, ec);
    }
  }

  QUIVER_RETURN_IF_ERROR(OpenRocksDb(exists));
  bool unfinished = false;
  if (exists) {
    QUIVER_ASSIGN_OR_RETURN(unfinished, CreationInterrupted());
  }
  if (unfinished) {
    // RocksDB creates the database and its column families before
    // InitializeOrCheckMeta writes the format version, so a kill in between
    // leaves an empty store without one (found by tests/crash). A writer
    // finishes creating it; a reader sees the empty store it is.
    if (!options_.read_only) {
      CloseDb();
      exists = false;
      QUIVER_RETURN_IF_ERROR(OpenRocksDb(exists));
      unfinished = false;
    } else {
      for (int i = 0; i < kNumCfs; ++i) {
        if (handles_[i] == nullptr) {
          return absl::NotFoundError(absl::StrCat(
              "store ", path_, " does not exist yet: its creation was interrupted before "
              "column family ", CfName(static_cast<Cf>(i)),
              " was made, and the next open for writing finishes it"));
        }
      }
    }
  }
  if (!unfinished) QUIVER_RETURN_IF_ERROR(InitializeOrCheckMeta(!exists));
  for (int i = 0; i < kNumCfs; ++i) {
    if (handles_[i] == nullptr) {
      return absl::DataLossError(absl::StrCat("store ", path_, ": corrupted: column family ",
                                              CfName(static_cast<Cf>(i)), " is missing"));
    }
  }
  QUIVER_RETURN_IF_ERROR(LoadMeta());
  return LoadTerms();
}

void Store::CloseDb() {
  if (db_ == nullptr) return;
  if (!options_.read_only) {
    // Leave nothing in the WAL alone: the next writer would replay it into
    // new files and delete the log while a read-only process opening at
    // that moment still counts on it (it then found no format version and
    // called the store foreign). A failed flush loses nothing: the WAL is
    // still there.
    std::vector<rocksdb::ColumnFamilyHandle*> open;
    for (auto* h : handles_)
      if (h != nullptr) open.push_back(h);
    rocksdb::FlushOptions flush;
    flush.allow_write_stall = true;
    db_->Flush(flush, open).PermitUncheckedError();
  }
  for (auto*& h : handles_) {
    if (h != nullptr) db_->DestroyColumnFamilyHandle(h);
    h = nullptr;
  }
  db_->Close();
  delete db_;
  db_ = nullptr;
}

absl::StatusOr<bool> Store::CreationInterrupted() {
  if (handle(Cf::kMeta) != nullptr) {
    std::string value;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), handle(Cf::kMeta),
                                 std::string(meta::kFormatVersion), &value);
    if (!s.IsNotFound()) return false;
  }
  for (auto* h : handles_) {
    if (h == nullptr) continue;
    std::unique_ptr<rocksdb::Iterator> it(db_->NewIterator(rocksdb::ReadOptions(), h));
    it->SeekToFirst();
    QUIVER_RETURN_IF_ERROR(FromRocksDb(it->status(), absl::StrCat("store ", path_)));
    if (it->Valid()) return false;
  }
  return true;
}

absl::Status Store::OpenRocksDb(bool exists) {
  rocksdb::DBOptions db_options;
  db_options.create_if_missing = true;
  db_options.create_missing_column_families = true;
  db_options.paranoid_checks = true;
  db_options.max_background_jobs = 2;
  if (env_) db_options.env = env_.get();

  std::vector<std::string> existing;
  if (exists) {
    rocksdb::Status s = rocksdb::DB::ListColumnFamilies(db_options, path_, &existing);
    QUIVER_RETURN_IF_ERROR(FromRocksDb(s, absl::StrCat("store ", path_)));
    // Quiver makes the directory and its QUIVER_LOCK before RocksDB makes
    // the database and then each column family; a kill in between leaves a
    // database with only some of ours, which CreationInterrupted recognises.
    const bool ours_so_far =
        quiver_made_ &&
        std::all_of(existing.begin(), existing.end(), [](const std::string& name) {
          for (int i = 0; i < kNumCfs; ++i)
            if (name == CfName(static_cast<Cf>(i))) return true;
          return false;
        });
    if (!ours_so_far &&
        std::find(existing.begin(), existing.end(), "meta") == existing.end()) {
      return absl::InvalidArgumentError(absl::StrCat(
          path_, " is a RocksDB database but not a Quiver store (it has no "
                 "meta column family)"));
    }
  }

  // Whole-key Bloom filters help point lookups (records by id, terms,
  // hashes) and are dead weight on the index families, which are only ever
  // prefix-scanned.
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(options_.block_cache_bytes);
  rocksdb::ColumnFamilyOptions scan_options;
  scan_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  rocksdb::ColumnFamilyOptions cf_options;
  cf_options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));

  // A new store (or one whose creation was cut short) gets its missing
  // column families in one CreateColumnFamilies call after the open: RocksDB's
  // create_missing_column_families writes and syncs an OPTIONS file for each
  // of them in turn (fourteen here, 0.2-0.3 s of a bulk load's wall time).
  if (!exists) {
    rocksdb::DB::ListColumnFamilies(db_options, path_, &existing).PermitUncheckedError();
  }
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors, to_create;
  std::vector<int> descriptor_cf;  // Cf of each descriptor, -1 if not ours.
  std::vector<int> create_cf;
  for (int i = 0; i < kNumCfs; ++i) {
    Cf cf = static_cast<Cf>(i);
    const bool there = std::find(existing.begin(), existing.end(), CfName(cf)) != existing.end();
    // An existing store that lacks one of our column families was written
    // by an older format: open what it has, so that the version check below
    // refuses it with an explanation (and nothing is added to it).
    if (exists && !there) continue;
    bool scanned = cf == Cf::kNames || cf == Cf::kLabels || cf == Cf::kOut ||
                   cf == Cf::kIn || cf == Cf::kByType || cf == Cf::kEvidence;
    if (!exists && !there && cf != Cf::kDefault) {
      to_create.emplace_back(CfName(cf), scanned ? scan_options : cf_options);
      create_cf.push_back(i);
      continue;
    }
    descriptors.emplace_back(CfName(cf), scanned ? scan_options : cf_options);
    descriptor_cf.push_back(i);
  }
  // Column families a newer format added must be opened too, or RocksDB
  // refuses; the version check below then explains the mismatch.
  for (const auto& name : existing) {
    bool known = false;
    for (const auto& d : descriptors) known |= d.name == name;
    if (!known) {
      descriptors.emplace_back(name, cf_options);
      descriptor_cf.push_back(-1);
    }
  }

  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::Status s;
  if (options_.read_only) {
    char tmpl[] = "/tmp/quiver-secondary-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) {
      return absl::UnavailableError("cannot create a directory for a read-only open");
    }
    secondary_dir_ = tmpl;
    db_options.max_open_files = -1;  // Required by secondary instances.
    db_options.create_if_missing = false;
    db_options.create_missing_column_families = false;
    s = rocksdb::DB::OpenAsSecondary(db_options, path_, secondary_dir_,
                                     descriptors, &handles, &db_);
  } else {
    s = rocksdb::DB::Open(db_options, path_, descriptors, &handles, &db_);
  }
  QUIVER_RETURN_IF_ERROR(FromRocksDb(s, absl::StrCat("store ", path_)));
  for (size_t i = 0; i < handles.size(); ++i) {
    if (descriptor_cf[i] >= 0) {
      handles_[descriptor_cf[i]] = handles[i];
    } else {
      db_->DestroyColumnFamilyHandle(handles[i]);
    }
  }
  if (!to_create.empty()) {
    std::vector<rocksdb::ColumnFamilyHandle*> created;
    s = db_->CreateColumnFamilies(to_create, &created);
    // Those made before an error are kept, to be closed with the rest.
    for (size_t i = 0; i < created.size(); ++i) handles_[create_cf[i]] = created[i];
    QUIVER_RETURN_IF_ERROR(FromRocksDb(s, absl::StrCat("store ", path_)));
  }
  return absl::OkStatus();
}

absl::Status Store::InitializeOrCheckMeta(bool created) {
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), handle(Cf::kMeta),
                               std::string(meta::kFormatVersion), &value);
  if (s.IsNotFound() && created && !options_.read_only) {
    rocksdb::WriteBatch batch;
    auto* m = handle(Cf::kMeta);
    batch.Put(m, std::string(meta::kFormatVersion), EncodeU64(kFormatVersion));
    batch.Put(m, std::string(meta::kStoreId), RandomStoreId());
    rocksdb::WriteOptions wo;
    wo.sync = true;
    return FromRocksDb(db_->Write(wo, &batch), absl::StrCat("store ", path_, ": initialising"));
  }
  // A read-only (secondary) instance that opened while a writer was
  // recovering its log may not see the log's records yet: catch up with the
  // writer a few times before calling the store foreign.
  for (int attempt = 0; s.IsNotFound() && options_.read_only && attempt < 5; ++attempt) {
    if (attempt > 0) usleep(20000 << attempt);
    if (!db_->TryCatchUpWithPrimary().ok()) break;
    s = db_->Get(rocksdb::ReadOptions(), handle(Cf::kMeta), std::string(meta::kFormatVersion),
                 &value);
  }
  if (s.IsNotFound()) {
    return absl::InvalidArgumentError(absl::StrCat(
        path_, " is not a Quiver store (no format version in its meta column family)"));
  }
  QUIVER_RETURN_IF_ERROR(FromRocksDb(s, absl::StrCat("store ", path_)));
  if (value.size() != 8) {
    return absl::DataLossError(absl::StrCat(
        "store ", path_, ": corrupted format version in column family meta"));
  }
  uint64_t version = DecodeFixed64BE(value.data());
  if (version != kFormatVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store ", path_, " has format version ", version,
        "; this build of quiver reads format version ", kFormatVersion, ". ",
        version > kFormatVersion
            ? "Open it with a newer quiver, or export it there (quiver export "
              "--format jsonl) and load the export into a new store here."
            : "Export it with the quiver that wrote it (quiver export --format "
              "jsonl) and load the export into a new store."));
  }
  return absl::OkStatus();
}

absl::Status Store::LoadMeta() {
  Counters c;
  struct Field {
    std::string_view key;
    uint64_t* u;
    int64_t* i;
  };
  Field fields[] = {
      {meta::kNextNodeId, &c.next_node, nullptr},
      {meta::kNextEdgeId, &c.next_edge, nullptr},
      {meta::kNextDocId, &c.next_doc, nullptr},
      {meta::kNextTermId, &c.next_term, nullptr},
      {meta::kNodeCount, nullptr, &c.nodes},
      {meta::kEdgeCount, nullptr, &c.edges},
      {meta::kDocCount, nullptr, &c.docs},
      {meta::kEvidenceCount, nullptr, &c.evidence},
  };
  for (const auto& f : fields) {
    std::string value;
    rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), handle(Cf::kMeta),
                                 std::string(f.key), &value);
    if (s.IsNotFound()) continue;  // Never written: keep the default.
    QUIVER_RETURN_IF_ERROR(FromRocksDb(s, absl::StrCat("store ", path_)));
    if (value.size() != 8) {
      return absl::DataLossError(absl::StrCat("store ", path_, ": corrupted ",
                                              util::Absl(f.key), " in column family meta"));
    }
    uint64_t v = DecodeFixed64BE(value.data());
    if (f.u) *f.u = v;
    if (f.i) *f.i = int64_t(v);
  }
  quiver::MutexLock lock(&mu_);
  counters_ = c;
  return absl::OkStatus();
}

absl::Status Store::LoadTerms() {
  absl::flat_hash_map<std::string, TermId> ids;
  absl::flat_hash_map<TermId, std::string> texts;
  std::unique_ptr<rocksdb::Iterator> it(
      db_->NewIterator(rocksdb::ReadOptions(), handle(Cf::kTerms)));
  for (it->Seek("i"); it->Valid() && it->key().starts_with("i"); it->Next()) {
    if (it->key().size() != 1 + kTermSize) {
      return absl::DataLossError(absl::StrCat(
          "store ", path_, ": corrupted key in column family terms"));
    }
    TermId id = DecodeFixed32BE(it->key().data() + 1);
    std::string text = it->value().ToString();
    ids[text] = id;
    texts[id] = std::move(text);
  }
  QUIVER_RETURN_IF_ERROR(FromRocksDb(it->status(), absl::StrCat("store ", path_, ": reading terms")));
  quiver::MutexLock lock(&mu_);
  term_ids_ = std::move(ids);
  term_texts_ = std::move(texts);
  return absl::OkStatus();
}

std::unique_ptr<Reader> Store::NewReader() const { return NewSnapshotReader(*this); }

absl::StatusOr<std::unique_ptr<WriteTxn>> Store::BeginWrite() {
  if (options_.read_only) {
    return absl::FailedPreconditionError(
        absl::StrCat("store ", path_, " is open read-only"));
  }
  if (writer_thread_.load() == std::this_thread::get_id()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store ", path_, ": this thread already has a write transaction open"));
  }
  write_mu_.Lock();
  writer_thread_.store(std::this_thread::get_id());
  return std::unique_ptr<WriteTxn>(new WriteTxn(this, counters()));
}

void Store::EndWrite() {
  writer_thread_.store(std::thread::id());
  write_mu_.Unlock();
}

void Store::PublishCommit(const Counters& counters,
                          const std::vector<std::pair<std::string, TermId>>& terms) {
  quiver::MutexLock lock(&mu_);
  counters_ = counters;
  for (const auto& [text, id] : terms) {
    term_ids_[text] = id;
    term_texts_[id] = text;
  }
  generation_.fetch_add(1);
}

absl::Status Store::CatchUp() {
  if (!options_.read_only) return absl::OkStatus();
  QUIVER_RETURN_IF_ERROR(FromRocksDb(db_->TryCatchUpWithPrimary(),
                                     absl::StrCat("store ", path_, ": catching up")));
  QUIVER_RETURN_IF_ERROR(LoadMeta());
  QUIVER_RETURN_IF_ERROR(LoadTerms());
  generation_.fetch_add(1);
  return absl::OkStatus();
}

Counters Store::counters() const {
  quiver::MutexLock lock(&mu_);
  return counters_;
}

std::optional<TermId> Store::FindTerm(std::string_view text) const {
  quiver::MutexLock lock(&mu_);
  auto it = term_ids_.find(util::Absl(text));
  if (it == term_ids_.end()) return std::nullopt;
  return it->second;
}

std::string Store::TermText(TermId id) const {
  quiver::MutexLock lock(&mu_);
  auto it = term_texts_.find(id);
  return it == term_texts_.end() ? std::string() : it->second;
}

std::vector<std::pair<TermId, std::string>> Store::Terms() const {
  quiver::MutexLock lock(&mu_);
  std::vector<std::pair<TermId, std::string>> out(term_texts_.begin(), term_texts_.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace quiver::graph
