// ReadSnapshot (quiver/read_snapshot.h) and its iterators (quiver/iterator.h):
// several reads through one snapshot see one point in time; iterators scan
// large stores one record at a time and may outlive their snapshot.

#include "quiver/read_snapshot.h"

#include <algorithm>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "quiver/database.h"
#include "quiver/export.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::ReadFile;
using ::quiver::testing::TempDir;

// MakeTriple with a sentence, so that every statement has evidence text.
Triple Fact(std::string subject, std::string relation, std::string object) {
  Triple t = ::quiver::testing::MakeTriple(std::move(subject), std::move(relation),
                                           std::move(object));
  t.sentence_text = t.subject + " " + t.relation + " " + t.object + ".";
  return t;
}

DocumentInput Doc(const std::string& name, std::vector<Triple> triples) {
  DocumentInput d;
  d.source = name;
  d.content = name;
  d.triples = std::move(triples);
  return d;
}

std::unique_ptr<Database> Open(const std::string& path, bool read_only = false) {
  Options options;
  options.read_only = read_only;
  auto db = Database::Open(path, options);
  EXPECT_TRUE(db.ok()) << db.status();
  return db.ok() ? std::move(*db) : nullptr;
}

int64_t CountOf(const ReadSnapshot& snap, const std::string& query) {
  auto r = snap.Query(query);
  EXPECT_TRUE(r.ok()) << r.status();
  if (!r.ok() || r->rows().size() != 1) return -1;
  return r->rows()[0][0].AsInt();
}

template <typename T>
std::vector<uint64_t> Ids(Iterator<T>& it) {
  std::vector<uint64_t> ids;
  for (; it.Valid(); it.Next()) ids.push_back(it.value().id);
  EXPECT_TRUE(it.status().ok()) << it.status();
  return ids;
}

TEST(ReadSnapshot, AWriteBetweenTwoReadsIsNotSeen) {
  TempDir dir;
  auto db = Open(dir.Sub("g"));
  ASSERT_TRUE(db->AddDocument(Doc("a.txt", {Fact("Ada", "knows", "Bob")})).ok());
  std::unique_ptr<ReadSnapshot> snap = db->GetSnapshot();
  EXPECT_EQ(CountOf(*snap, "MATCH (n) RETURN count(n)"), 2);

  auto added = db->AddDocument(Doc("b.txt", {Fact("Cy", "admires", "Ada")}));
  ASSERT_TRUE(added.ok());
  auto cy = db->FindNodes("Cy");
  ASSERT_TRUE(cy.ok() && cy->size() == 1);

  // Every way of reading through the snapshot still sees the first state.
  EXPECT_EQ(CountOf(*snap, "MATCH (n) RETURN count(n)"), 2);
  EXPECT_EQ(CountOf(*snap, "MATCH ()-[r]->() RETURN count(r)"), 1);
  auto found = snap->FindNodes("Cy");
  ASSERT_TRUE(found.ok());
  EXPECT_TRUE(found->empty());
  EXPECT_EQ(snap->GetNode(cy->at(0).id).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(snap->GetDocument(added->doc).status().code(), absl::StatusCode::kNotFound);
  auto nodes = snap->NewNodeIterator();
  EXPECT_EQ(Ids(*nodes).size(), 2u);
  auto docs = snap->NewDocumentIterator();
  EXPECT_EQ(Ids(*docs).size(), 1u);
  auto ada = snap->FindNodes("Ada");
  ASSERT_TRUE(ada.ok() && ada->size() == 1);
  auto neighbors = snap->Neighbors(ada->at(0).id, Direction::kBoth);
  ASSERT_TRUE(neighbors.ok());
  EXPECT_EQ(neighbors->size(), 1u);  // Not Cy's new edge.
  auto adjacent = snap->Adjacent(ada->at(0).id, Direction::kBoth);
  ASSERT_TRUE(adjacent.ok());
  EXPECT_EQ(adjacent->size(), 1u);
  auto cy_edges = db->Neighbors(cy->at(0).id, Direction::kBoth);
  ASSERT_TRUE(cy_edges.ok() && cy_edges->size() == 1);
  const EdgeId cy_edge = cy_edges->at(0).edge.id;
  EXPECT_EQ(snap->GetEdge(cy_edge).status().code(), absl::StatusCode::kNotFound);
  auto cy_evidence = snap->EvidenceFor(cy_edge);
  ASSERT_TRUE(cy_evidence.ok());
  EXPECT_TRUE(cy_evidence->empty());
  auto edges = snap->NewEdgeIterator();
  EXPECT_EQ(Ids(*edges).size(), 1u);
  int statements = 0;
  auto evidence = snap->NewEvidenceIterator();
  for (; evidence->Valid(); evidence->Next()) {
    EXPECT_NE(evidence->value().edge, cy_edge);
    ++statements;
  }
  EXPECT_TRUE(evidence->status().ok()) << evidence->status();
  EXPECT_EQ(statements, 1);
  auto export_summary = Export(*snap, dir.Sub("snap.jsonl"));
  ASSERT_TRUE(export_summary.ok()) << export_summary.status();
  EXPECT_EQ(export_summary->nodes, 2);
  EXPECT_EQ(export_summary->edges, 1);
  EXPECT_EQ(ReadFile(dir.Sub("snap.jsonl")).find("Cy"), std::string::npos);

  // The Database and a new snapshot see the write.
  auto now = db->GetSnapshot();
  EXPECT_EQ(CountOf(*now, "MATCH (n) RETURN count(n)"), 3);
  EXPECT_TRUE(db->GetNode(cy->at(0).id).ok());
}

TEST(ReadSnapshot, AStreamingResultKeepsTheSnapshotsTimeAndOutlivesIt) {
  TempDir dir;
  auto db = Open(dir.Sub("g"));
  std::vector<Triple> facts;
  for (int i = 0; i < 3000; ++i) facts.push_back(Fact("hub", "has", "n" + std::to_string(i)));
  ASSERT_TRUE(db->AddDocument(Doc("a.txt", facts)).ok());
  auto snap = db->GetSnapshot();
  ASSERT_TRUE(db->AddDocument(Doc("b.txt", {Fact("late", "has", "later")})).ok());
  auto result = snap->Query("MATCH (n) RETURN n.name");
  ASSERT_TRUE(result.ok()) << result.status();
  snap.reset();
  ASSERT_TRUE(db->AddDocument(Doc("c.txt", {Fact("latest", "has", "last")})).ok());
  db.reset();  // The result keeps what it reads open.
  // Rows past the first page are made now, from the snapshot's state.
  EXPECT_EQ(result->size(), 3001u);
  ASSERT_TRUE(result->status().ok()) << result->status();
  for (const ValueList& row : result->rows()) {
    EXPECT_NE(row[0].AsString(), "late");
    EXPECT_NE(row[0].AsString(), "latest");
  }
}

TEST(ReadSnapshot, AStatementThatWritesIsRefused) {
  TempDir dir;
  auto db = Open(dir.Sub("g"));
  auto snap = db->GetSnapshot();
  auto r = snap->Query("CREATE (n:Person {name: 'Eve'})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("ReadOnlySnapshot"), std::string::npos) << r.status();
  EXPECT_NE(r.status().message().find("read snapshot only reads"), std::string::npos);
  auto count = db->Query("MATCH (n) RETURN count(n)");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(count->rows()[0][0].AsInt(), 0);  // Nothing was written.
}

// A store of thousands of nodes: 60 documents, each a chain of 100 facts.
std::unique_ptr<Database> BigStore(const TempDir& dir, int64_t* statements) {
  auto db = Open(dir.Sub("big"));
  std::vector<DocumentInput> docs;
  for (int d = 0; d < 60; ++d) {
    std::vector<Triple> facts;
    for (int i = 0; i < 100; ++i) {
      facts.push_back(Fact("p" + std::to_string(d * 100 + i), "next",
                           "p" + std::to_string(d * 100 + i + 1)));
    }
    // Every document also states one shared fact: its edge has 60 statements.
    facts.push_back(Fact("hub", "links", "p0"));
    docs.push_back(Doc("d" + std::to_string(d), std::move(facts)));
  }
  EXPECT_TRUE(db->AddDocuments(docs).ok());
  *statements = 60 * 101;
  return db;
}

TEST(ReadSnapshot, IteratorsCoverAStoreOfThousandsOfNodesInIdOrder) {
  TempDir dir;
  int64_t statements = 0;
  auto db = BigStore(dir, &statements);
  auto stats = db->GetStats();
  ASSERT_TRUE(stats.ok());
  ASSERT_GT(stats->nodes, 5000);
  auto snap = db->GetSnapshot();

  auto nodes = snap->NewNodeIterator();
  std::vector<uint64_t> node_ids = Ids(*nodes);
  EXPECT_EQ(int64_t(node_ids.size()), stats->nodes);
  EXPECT_TRUE(std::is_sorted(node_ids.begin(), node_ids.end()));
  EXPECT_EQ(std::set<uint64_t>(node_ids.begin(), node_ids.end()).size(), node_ids.size());

  auto edges = snap->NewEdgeIterator();
  std::vector<uint64_t> edge_ids;
  for (; edges->Valid(); edges->Next()) {
    const Edge& e = edges->value();
    EXPECT_TRUE(e.type == "next" || e.type == "links") << e.type;
    edge_ids.push_back(e.id);
  }
  ASSERT_TRUE(edges->status().ok());
  EXPECT_EQ(int64_t(edge_ids.size()), stats->edges);
  EXPECT_TRUE(std::is_sorted(edge_ids.begin(), edge_ids.end()));

  auto docs = snap->NewDocumentIterator();
  EXPECT_EQ(Ids(*docs).size(), 60u);

  int64_t seen = 0;
  EdgeId last_edge = 0;
  auto evidence = snap->NewEvidenceIterator();
  for (; evidence->Valid(); evidence->Next()) {
    EXPECT_GE(evidence->value().edge, last_edge);
    last_edge = evidence->value().edge;
    EXPECT_FALSE(evidence->value().text.empty());
    ++seen;
  }
  ASSERT_TRUE(evidence->status().ok()) << evidence->status();
  EXPECT_EQ(seen, statements);
  EXPECT_EQ(seen, stats->evidence);
}

TEST(ReadSnapshot, SeekResumesAScanAndEvidenceOfOneEdgeStaysOnIt) {
  TempDir dir;
  int64_t statements = 0;
  auto db = BigStore(dir, &statements);
  auto snap = db->GetSnapshot();
  auto nodes = snap->NewNodeIterator();
  std::vector<uint64_t> all = Ids(*nodes);
  const uint64_t middle = all[all.size() / 2];
  nodes->Seek(middle);  // Back from the end.
  ASSERT_TRUE(nodes->Valid());
  EXPECT_EQ(nodes->value().id, middle);
  nodes->Seek(all.back() + 1);
  EXPECT_FALSE(nodes->Valid());
  EXPECT_TRUE(nodes->status().ok());

  auto hub = snap->FindNodes("hub");
  ASSERT_TRUE(hub.ok() && hub->size() == 1);
  auto links = snap->Neighbors(hub->at(0).id, Direction::kOutgoing, "links");
  ASSERT_TRUE(links.ok() && links->size() == 1);
  const EdgeId shared = links->at(0).edge.id;
  auto one = snap->NewEvidenceIterator(shared);
  std::set<DocId> docs;
  for (; one->Valid(); one->Next()) {
    EXPECT_EQ(one->value().edge, shared);
    docs.insert(one->value().doc);
  }
  EXPECT_EQ(docs.size(), 60u);
  one->Seek(shared + 1);
  EXPECT_FALSE(one->Valid());
  one->Seek(0);
  ASSERT_TRUE(one->Valid());
  EXPECT_EQ(one->value().edge, shared);

  auto every = snap->NewEvidenceIterator();
  every->Seek(shared);
  ASSERT_TRUE(every->Valid());
  EXPECT_EQ(every->value().edge, shared);
  auto none = snap->NewEvidenceIterator(999999);
  EXPECT_FALSE(none->Valid());
  EXPECT_TRUE(none->status().ok());
}

TEST(ReadSnapshot, AnIteratorOutlivesItsSnapshotAndTheDatabase) {
  TempDir dir;
  std::unique_ptr<NodeIterator> nodes;
  std::unique_ptr<EdgeIterator> edges;
  {
    auto db = Open(dir.Sub("g"));
    ASSERT_TRUE(db->AddDocument(Doc("a.txt", {Fact("Ada", "knows", "Bob")})).ok());
    auto snap = db->GetSnapshot();
    nodes = snap->NewNodeIterator();
    edges = snap->NewEdgeIterator();
    nodes->Next();  // At the second node.
  }  // Snapshot and Database gone; the iterators keep the store open,
  // writer's lock included.
  auto meanwhile = Database::Open(dir.Sub("g"));
  EXPECT_EQ(meanwhile.status().code(), absl::StatusCode::kUnavailable) << meanwhile.status();
  ASSERT_TRUE(nodes->Valid());
  EXPECT_EQ(nodes->value().name, "Bob");
  nodes->Next();
  EXPECT_FALSE(nodes->Valid());
  EXPECT_TRUE(nodes->status().ok());
  ASSERT_TRUE(edges->Valid());
  EXPECT_EQ(edges->value().type, "knows");
  nodes.reset();
  edges.reset();
  // The last reader gone, the store is closed and opens again.
  auto again = Open(dir.Sub("g"));
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(again->GetStats()->nodes, 2);
}

TEST(ReadSnapshot, AReadOnlyStoreDoesNotCatchUpUnderAnOpenSnapshot) {
  TempDir dir;
  auto writer = Open(dir.Sub("g"));
  ASSERT_TRUE(writer->AddDocument(Doc("a.txt", {Fact("Ada", "knows", "Bob")})).ok());
  auto reader = Open(dir.Sub("g"), /*read_only=*/true);
  ASSERT_NE(reader, nullptr);
  auto snap = reader->GetSnapshot();
  ASSERT_TRUE(writer->AddDocument(Doc("b.txt", {Fact("Cy", "admires", "Ada")})).ok());

  absl::Status refused = reader->CatchUp();
  EXPECT_EQ(refused.code(), absl::StatusCode::kFailedPrecondition) << refused;
  EXPECT_NE(refused.message().find("1 read snapshot(s) open"), std::string::npos) << refused;
  EXPECT_EQ(CountOf(*snap, "MATCH (n) RETURN count(n)"), 2);

  // An iterator keeps the snapshot's state, and so holds the store back
  // alone once the snapshot is gone.
  auto nodes = snap->NewNodeIterator();
  snap.reset();
  EXPECT_EQ(reader->CatchUp().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(Ids(*nodes).size(), 2u);
  nodes.reset();
  ASSERT_TRUE(reader->CatchUp().ok());
  EXPECT_EQ(CountOf(*reader->GetSnapshot(), "MATCH (n) RETURN count(n)"), 3);
}

TEST(ReadSnapshot, ThreadsShareOneSnapshotWhileAWriterGoesOn) {
  TempDir dir;
  auto db = Open(dir.Sub("g"));
  ASSERT_TRUE(db->AddDocument(Doc("a.txt", {Fact("Ada", "knows", "Bob")})).ok());
  auto snap = db->GetSnapshot();
  std::vector<std::thread> readers;
  std::vector<int> wrong(4, 0);
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&, r] {
      for (int pass = 0; pass < 20; ++pass) {
        auto count = snap->Query("MATCH (n) RETURN count(n)");
        if (!count.ok() || count->rows()[0][0].AsInt() != 2) ++wrong[r];
        int nodes = 0;
        for (auto it = snap->NewNodeIterator(); it->Valid(); it->Next()) ++nodes;
        if (nodes != 2) ++wrong[r];
        auto found = snap->FindNodes("Ada");
        if (!found.ok() || found->size() != 1) ++wrong[r];
      }
    });
  }
  for (int d = 0; d < 20; ++d) {
    ASSERT_TRUE(db->AddDocument(Doc("w" + std::to_string(d),
                                    {Fact("W" + std::to_string(d), "knows", "Ada")}))
                    .ok());
  }
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(wrong, std::vector<int>(4, 0));
  EXPECT_EQ(CountOf(*db->GetSnapshot(), "MATCH (n) RETURN count(n)"), 22);
}

}  // namespace
}  // namespace quiver
