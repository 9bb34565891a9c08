// A record that does not decode ends an iterator with kDataLoss naming it,
// never a crash. White-box: the corrupted records are written straight into
// RocksDB under the store (api/database_impl.h).

#include <memory>
#include <string>

#include "api/database_impl.h"
#include "graph/key_format.h"
#include "graph/store.h"
#include "gtest/gtest.h"
#include "quiver/database.h"
#include "quiver/read_snapshot.h"
#include "rocksdb/db.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::TempDir;

void PutRaw(Database& db, graph::Cf cf, const std::string& key, const std::string& value) {
  graph::Store& store = *internal::DatabaseAccess::Of(db).store;
  ASSERT_TRUE(store.db()->Put(rocksdb::WriteOptions(), store.handle(cf), key, value).ok());
}

std::unique_ptr<Database> TwoNodes(const TempDir& dir) {
  auto db = Database::Open(dir.Sub("g"));
  EXPECT_TRUE(db.ok()) << db.status();
  DocumentInput doc;
  doc.source = "a.txt";
  doc.content = "a";
  doc.triples.push_back(::quiver::testing::MakeTriple("Ada", "knows", "Bob"));
  EXPECT_TRUE((*db)->AddDocument(doc).ok());
  return std::move(*db);
}

TEST(ReadIteratorCorruption, ANodeThatDoesNotDecodeEndsTheScanWithDataLoss) {
  TempDir dir;
  auto db = TwoNodes(dir);
  PutRaw(*db, graph::Cf::kNodes, graph::IdKey(1000), "\xff\xff not a node");
  auto snap = db->GetSnapshot();
  int seen = 0;
  auto it = snap->NewNodeIterator();
  for (; it->Valid(); it->Next()) ++seen;
  EXPECT_EQ(seen, 2);  // The good ones come first (lower ids).
  EXPECT_EQ(it->status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(it->status().message().find("corrupted node record 1000 in column family nodes"),
            std::string::npos)
      << it->status();
  it->Seek(0);  // Errors are sticky.
  EXPECT_FALSE(it->Valid());
  absl::Status each = db->ForEachNode([](const Node&) { return true; });
  EXPECT_EQ(each.code(), absl::StatusCode::kDataLoss);
}

TEST(ReadIteratorCorruption, BadKeysAndValuesInEveryFamilyAreDataLoss) {
  TempDir dir;
  auto db = TwoNodes(dir);
  PutRaw(*db, graph::Cf::kEdges, "short", "x");
  PutRaw(*db, graph::Cf::kDocs, graph::IdKey(77), "\xff");
  PutRaw(*db, graph::Cf::kEvidence, "bad", "");
  auto snap = db->GetSnapshot();
  auto edges = snap->NewEdgeIterator();
  int good_edges = 0;
  for (; edges->Valid(); edges->Next()) ++good_edges;
  EXPECT_EQ(good_edges, 1);  // Ada knows Bob, before the bad key.
  EXPECT_EQ(edges->status().code(), absl::StatusCode::kDataLoss) << edges->status();
  EXPECT_NE(edges->status().message().find(
                "corrupted edge record with a key of the wrong size in column family edges"),
            std::string::npos)
      << edges->status();
  auto docs = snap->NewDocumentIterator();
  while (docs->Valid()) docs->Next();
  EXPECT_EQ(docs->status().code(), absl::StatusCode::kDataLoss) << docs->status();
  EXPECT_NE(docs->status().message().find("document record 77"), std::string::npos);
  auto evidence = snap->NewEvidenceIterator();
  int statements = 0;
  for (; evidence->Valid(); evidence->Next()) ++statements;
  EXPECT_EQ(statements, 1);  // Ada knows Bob's, before the bad key.
  EXPECT_EQ(evidence->status().code(), absl::StatusCode::kDataLoss) << evidence->status();
  EXPECT_NE(evidence->status().message().find(
                "corrupted evidence with a key of the wrong size in column family evidence"),
            std::string::npos)
      << evidence->status();
  evidence->Seek(0);  // Errors are sticky here too.
  EXPECT_FALSE(evidence->Valid());
  EXPECT_EQ(evidence->status().code(), absl::StatusCode::kDataLoss);

  // The Database's callbacks run on the same iterators and end the same way.
  EXPECT_EQ(db->ForEachEdge([](const Edge&) { return true; }).code(),
            absl::StatusCode::kDataLoss);
  EXPECT_EQ(db->ForEachDocument([](const Document&) { return true; }).code(),
            absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace quiver
