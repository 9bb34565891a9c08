#include "graph/store.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "graph/coding.h"
#include "graph/reader.h"
#include "graph/store_checker.h"
#include "graph/write_txn.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/graph/store_fixture.h"
#include "tests/test_support.h"

namespace quiver::graph {
namespace {

using ::quiver::testing::TempDir;
namespace fs = std::filesystem;

std::unique_ptr<Store> OpenOrDie(const std::string& path, Options options = {}) {
  auto store = Store::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? std::move(*store) : nullptr;
}

NodeId AddNamed(Store& store, const std::string& name) {
  auto txn = store.BeginWrite();
  EXPECT_TRUE(txn.ok());
  auto id = (*txn)->FindOrCreateNamedNode(name, {}, {});
  EXPECT_TRUE(id.ok()) << id.status();
  EXPECT_TRUE((*txn)->Commit().ok());
  return id->first;
}

TEST(Store, CreatesAndReopensWithData) {
  TempDir dir;
  std::string path = dir.Sub("g");
  NodeId id;
  {
    auto store = OpenOrDie(path);
    id = AddNamed(*store, "Vladimir Putin");
  }
  auto store = OpenOrDie(path);
  auto node = store->NewReader()->GetNode(id);
  ASSERT_TRUE(node.ok() && node->has_value());
  EXPECT_EQ((*node)->name, "Vladimir Putin");
  EXPECT_EQ(store->counters().nodes, 1);
  EXPECT_GT(store->counters().next_node, id);  // ids are never reused
}

TEST(Store, MissingStoreWithoutCreateIsNotFound) {
  TempDir dir;
  Options options;
  options.create_if_missing = false;
  auto store = Store::Open(dir.Sub("absent"), options);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(store.status().message().find("does not exist"), absl::string_view::npos);
}

TEST(Store, RefusesAFileAndAForeignDirectory) {
  TempDir dir;
  quiver::testing::WriteFile(dir.Sub("file"), "hello");
  auto store = Store::Open(dir.Sub("file"), {});
  EXPECT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(store.status().message().find("not a Quiver store"), absl::string_view::npos);

  fs::create_directories(dir.Sub("photos"));
  quiver::testing::WriteFile(dir.Sub("photos/cat.jpg"), "meow");
  store = Store::Open(dir.Sub("photos"), {});
  EXPECT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(store.status().message().find("not a Quiver store"), absl::string_view::npos);
  EXPECT_TRUE(fs::exists(dir.Sub("photos/cat.jpg")));  // and nothing was touched
}

TEST(Store, RefusesAPlainRocksDbDatabase) {
  TempDir dir;
  rocksdb::DB* db;
  rocksdb::Options o;
  o.create_if_missing = true;
  ASSERT_TRUE(rocksdb::DB::Open(o, dir.Sub("plain"), &db).ok());
  delete db;
  auto store = Store::Open(dir.Sub("plain"), {});
  EXPECT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(store.status().message().find("not a Quiver store"), absl::string_view::npos);
}

// What a kill during the first open leaves: RocksDB made the database and
// `families` (in order, as create_missing_column_families does), but the
// format version was not written yet.
void MakeInterruptedCreation(const std::string& path, int families) {
  rocksdb::DBOptions o;
  o.create_if_missing = true;
  o.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (int i = 0; i < families; ++i)
    descriptors.emplace_back(CfName(static_cast<Cf>(i)), rocksdb::ColumnFamilyOptions());
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* db = nullptr;
  ASSERT_TRUE(rocksdb::DB::Open(o, path, descriptors, &handles, &db).ok());
  for (auto* h : handles) db->DestroyColumnFamilyHandle(h);
  delete db;
  std::ofstream(path + "/QUIVER_LOCK") << "1234 quiver load\n";  // Made before RocksDB's.
}

TEST(Store, AnInterruptedCreationIsFinishedByTheNextWriter) {
  for (int families : {kNumCfs, 3, 1}) {
    TempDir dir;
    const std::string path = dir.Sub("g");
    MakeInterruptedCreation(path, families);
    {
      auto store = Store::Open(path, {});
      ASSERT_TRUE(store.ok()) << families << " families: " << store.status();
      auto txn = (*store)->BeginWrite();
      ASSERT_TRUE(txn.ok());
      ASSERT_TRUE((*txn)->CreateNode({}, {}).ok());
      ASSERT_TRUE((*txn)->Commit().ok());
    }
    auto again = Store::Open(path, {});
    ASSERT_TRUE(again.ok()) << again.status();
    EXPECT_EQ((*again)->counters().nodes, 1);
  }
}

TEST(Store, FilesOfADatabaseCreationCutShortBeforeCurrentAreCreatedOver) {
  TempDir dir;
  const std::string path = dir.Sub("g");
  fs::create_directories(path);
  for (const char* name : {"QUIVER_LOCK", "LOCK", "LOG", "IDENTITY", "MANIFEST-000001",
                           "000001.dbtmp"})
    std::ofstream(path + "/" + name) << "left by a kill\n";
  Options read_only;
  read_only.read_only = true;
  EXPECT_EQ(Store::Open(path, read_only).status().code(), absl::StatusCode::kNotFound);
  auto store = Store::Open(path, {});
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ((*store)->counters().nodes, 0);
}

TEST(Store, ADirectoryWithTableFilesButNoCurrentIsNeverCreatedOver) {
  TempDir dir;
  const std::string path = dir.Sub("g");
  fs::create_directories(path);
  for (const char* name : {"QUIVER_LOCK", "MANIFEST-000005", "000004.sst"})
    std::ofstream(path + "/" + name) << "data\n";
  auto store = Store::Open(path, {});
  EXPECT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument) << store.status();
  EXPECT_TRUE(fs::exists(path + "/000004.sst"));
}

TEST(Store, AReaderSeesAnInterruptedCreationAsAnEmptyStore) {
  TempDir dir;
  const std::string path = dir.Sub("g");
  MakeInterruptedCreation(path, kNumCfs);
  Options options;
  options.read_only = true;
  auto store = Store::Open(path, options);
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ((*store)->counters().nodes, 0);
  auto report = CheckStore(*(*store)->NewReader(), 10);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->ok()) << report->problems.front().message;
  // With families missing, only a writer can finish it; the reader says so.
  TempDir dir2;
  MakeInterruptedCreation(dir2.Sub("g"), 3);
  store = Store::Open(dir2.Sub("g"), options);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kNotFound) << store.status();
  EXPECT_NE(store.status().message().find("does not exist yet"), absl::string_view::npos);
}

TEST(Store, RefusesANewerFormatVersionAndSaysWhatToDo) {
  TempDir dir;
  std::string path = dir.Sub("g");
  { OpenOrDie(path); }
  RewriteFormat(path, 99);  // As a future quiver would.
  auto store = Store::Open(path, {});
  ASSERT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  std::string message(store.status().message());
  EXPECT_NE(message.find("format version 99"), std::string::npos) << message;
  EXPECT_NE(message.find(absl::StrCat("reads format version ", kFormatVersion)),
            std::string::npos) << message;
  EXPECT_NE(message.find("quiver export"), std::string::npos) << message;
}

TEST(Store, AVersion1StoreIsRefusedWithWhatToDoAndLeftAsItWas) {
  TempDir dir;
  const std::string path = dir.Sub("old");
  { ASSERT_TRUE(Store::Open(path, Options()).ok()); }
  // As format version 1 wrote it: no provenance (nor any later column
  // family) and version 1 in meta.
  RewriteFormat(path, 1,
                {"default", "meta", "terms", "nodes", "names", "labels", "out", "in", "by_type",
                 "edges", "evidence", "docs", "hashes"});
  for (bool read_only : {false, true}) {
    Options options;
    options.read_only = read_only;
    auto store = Store::Open(path, options);
    ASSERT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition) << store.status();
    std::string message(store.status().message());
    EXPECT_NE(message.find("format version 1;"), std::string::npos) << message;
    EXPECT_NE(message.find("quiver export"), std::string::npos) << message;
  }
  std::vector<std::string> names;
  ASSERT_TRUE(rocksdb::DB::ListColumnFamilies(rocksdb::DBOptions(), path, &names).ok());
  EXPECT_EQ(std::count(names.begin(), names.end(), "provenance"), 0);
}

TEST(Store, SecondWriterInTheSameProcessIsRefusedByName) {
  TempDir dir;
  std::string path = dir.Sub("g");
  Options options;
  options.holder = "quiver ingest";
  auto first = OpenOrDie(path, options);
  auto second = Store::Open(path, {});
  ASSERT_EQ(second.status().code(), absl::StatusCode::kUnavailable);
  std::string message(second.status().message());
  EXPECT_NE(message.find("is in use by process " + std::to_string(getpid())),
            std::string::npos) << message;
  EXPECT_NE(message.find("(quiver ingest)"), std::string::npos) << message;
  first.reset();
  EXPECT_TRUE(Store::Open(path, {}).ok());  // released on close
}

TEST(Store, ReadOnlyOpenFollowsALiveWriter) {
  TempDir dir;
  std::string path = dir.Sub("g");
  auto writer = OpenOrDie(path);
  AddNamed(*writer, "Kremlin");
  Options ro;
  ro.read_only = true;
  auto reader = OpenOrDie(path, ro);
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->NewReader()->FindNodesByName("kremlin")->size(), 1u);
  AddNamed(*writer, "Élysée");
  EXPECT_TRUE(reader->NewReader()->FindNodesByName("elysee")->empty());
  ASSERT_TRUE(reader->CatchUp().ok());
  EXPECT_EQ(reader->NewReader()->FindNodesByName("elysee")->size(), 1u);
  EXPECT_EQ(reader->counters().nodes, 2);
  EXPECT_EQ(reader->BeginWrite().status().code(), absl::StatusCode::kFailedPrecondition);
}

TEST(Store, InMemoryStoresAreIndependentAndLeaveNoFiles) {
  Options options;
  options.in_memory = true;
  auto a = OpenOrDie("/quiver-mem-test", options);
  AddNamed(*a, "x");
  auto b = OpenOrDie("/quiver-mem-test", options);
  EXPECT_EQ(b->counters().nodes, 0);
  EXPECT_FALSE(fs::exists("/quiver-mem-test"));
}

TEST(Store, CorruptedTableFilesSurfaceAsDataLoss) {
  TempDir dir;
  std::string path = dir.Sub("g");
  {
    auto store = OpenOrDie(path);
    auto txn = store->BeginWrite();
    for (int i = 0; i < 2000; ++i) {
      ASSERT_TRUE((*txn)->FindOrCreateNamedNode("entity number " + std::to_string(i), {}, {}).ok());
    }
    ASSERT_TRUE((*txn)->Commit().ok());
    ASSERT_TRUE(store->db()->Flush(rocksdb::FlushOptions(), store->handle(Cf::kNodes)).ok());
  }
  // Overwrite the middle of every table file: data blocks, not the footer.
  int corrupted = 0;
  for (const auto& entry : fs::directory_iterator(path)) {
    if (entry.path().extension() != ".sst") continue;
    auto size = fs::file_size(entry.path());
    if (size < 4096) continue;
    std::fstream f(entry.path(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(std::streamoff(size / 3));
    std::string junk(512, '\x5a');
    f.write(junk.data(), std::streamsize(junk.size()));
    ++corrupted;
  }
  ASSERT_GT(corrupted, 0);
  auto store = Store::Open(path, {});
  absl::Status status = store.status();
  if (store.ok()) {
    absl::Status inner;
    status = (*store)->NewReader()->ScanNodes([&](NodeId id) {
      auto node = (*store)->NewReader()->GetNode(id);
      if (!node.ok()) inner = node.status();
      return node.ok();
    });
    if (status.ok()) status = inner;
  }
  ASSERT_EQ(status.code(), absl::StatusCode::kDataLoss) << status;
  EXPECT_NE(status.message().find("corrupted"), absl::string_view::npos) << status;
}

}  // namespace
}  // namespace quiver::graph
