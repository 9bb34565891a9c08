// graph::AddDocumentsStaged against the one-transaction path it stands in
// for: the same documents give the same store, key for key, into an empty
// store and one with content, in chunks of any size; a failure anywhere
// leaves the store as it was and no staging files behind.

#include "graph/staged_load.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "graph/document_writer.h"
#include "graph/store.h"
#include "graph/write_txn.h"
#include "gtest/gtest.h"
#include "tests/graph/store_dump.h"
#include "tests/test_support.h"

namespace quiver::graph {
namespace {

using ::quiver::testing::TempDir;
namespace fs = std::filesystem;

// Every key and value of every column family (the staged store is a
// checkpoint of the same store, so its random id is the same too).
std::map<std::string, std::string> Dump(const Store& store) { return DumpStore(store); }

// The keys whose values differ between two dumps, or that one lacks, for a
// readable failure.
std::string Differences(const std::map<std::string, std::string>& a,
                        const std::map<std::string, std::string>& b) {
  std::string out;
  for (const auto& [k, v] : a) {
    auto it = b.find(k);
    if (it == b.end()) {
      absl::StrAppend(&out, "only in the first: ", absl::CEscape(k), "\n");
    } else if (it->second != v) {
      absl::StrAppend(&out, "differs: ", absl::CEscape(k), ": ", absl::CEscape(v), " vs ",
                      absl::CEscape(it->second), "\n");
    }
  }
  for (const auto& [k, v] : b)
    if (!a.count(k)) absl::StrAppend(&out, "only in the second: ", absl::CEscape(k), "\n");
  return out;
}

Triple Fact(std::string s, std::vector<std::string> s_labels, std::string r,
            std::string o, uint32_t sentence, std::string mention = "") {
  Triple t = testing::MakeTriple(std::move(s), std::move(r), std::move(o));
  t.subject_labels = std::move(s_labels);
  t.subject_mention = std::move(mention);
  t.sentence = sentence;
  t.sentence_text =
      absl::StrCat(t.subject, " ", t.relation, " ", t.object, ".");
  return t;
}

DocumentInput Doc(std::string source, std::string content,
                  std::vector<Triple> triples) {
  DocumentInput d;
  d.source = std::move(source);
  d.content = std::move(content);
  d.triples = std::move(triples);
  return d;
}

// Documents that exercise what the write path reads back: a surname that a
// later full name absorbs, labels that keep two "Paris" apart, a fact
// stated again, a content seen before (a duplicate) and a source seen
// before with other content (replaced: keys deleted).
std::vector<DocumentInput> Batch() {
  return {
      Doc("a.txt", "a1",
          {Fact("Dahl", {"Person"}, "meet", "Lavrov", 1),
           Fact("Paris", {"City"}, "host", "summit", 2)}),
      Doc("b.txt", "b1",
          {Fact("Erik Dahl", {"Person"}, "meet", "Lavrov", 1, "He"),
           Fact("Paris", {"Person"}, "visit", "Oslo", 2),
           Fact("Dahl", {"Person"}, "meet", "Lavrov", 3)}),
      Doc("c.txt", "a1",
          {Fact("Dahl", {"Person"}, "meet", "Lavrov", 1)}),  // Duplicate.
      Doc("d.txt", "d1", {Fact("Oslo", {"City"}, "twin", "Paris", 4)}),
      Doc("d.txt", "d2",
          {Fact("Oslo", {"City"}, "host", "summit", 5),
           Fact("Lavrov", {}, "meet", "Erik Dahl", 6)}),  // Replaces d1.
      Doc("e.txt", "e1",
          {Fact("Norway", {"Country"}, "veto", "resolution", 1)}),
  };
}

// The same documents through one transaction, as AddDocuments did before.
std::vector<AddResult> AddInOneTransaction(
    Store& store, const std::vector<DocumentInput>& docs) {
  auto txn = *store.BeginWrite();
  std::vector<AddResult> results;
  for (const auto& d : docs) {
    auto r = AddDocumentIn(*txn, d);
    EXPECT_TRUE(r.ok()) << r.status();
    if (r.ok()) results.push_back(*r);
  }
  EXPECT_TRUE(txn->Commit().ok());
  return results;
}

// Stores `dir/one` and `dir/staged`, each given `before` committed the
// ordinary way, identical so far (one is a copy of the other's files).
struct Pair {
  std::unique_ptr<Store> one, staged;
};
Pair TwoStores(const TempDir& dir, const std::vector<DocumentInput>& before) {
  {
    auto store = *Store::Open(dir.Sub("one"), {});
    if (!before.empty()) AddInOneTransaction(*store, before);
  }
  fs::copy(dir.Sub("one"), dir.Sub("staged"), fs::copy_options::recursive);
  fs::remove(dir.Sub("staged") + "/QUIVER_LOCK");
  return {*Store::Open(dir.Sub("one"), {}),
          *Store::Open(dir.Sub("staged"), {})};
}

void ExpectNoStagingLeft(const Store& store) {
  for (const auto& e : fs::directory_iterator(store.path()))
    EXPECT_EQ(e.path().filename().string().find("bulk"), std::string::npos)
        << e.path();
}

TEST(StagedLoad, EmptyStoreGetsTheStoreOneTransactionBuildsInChunksOfAnySize) {
  for (size_t chunk : {size_t{1}, size_t{3}, size_t{4096}}) {
    SCOPED_TRACE(absl::StrCat("chunk ", chunk));
    TempDir dir;
    Pair p = TwoStores(dir, {});
    ASSERT_TRUE(PreferStagedLoad(*p.staged, 1));
    const auto expected_results = AddInOneTransaction(*p.one, Batch());
    StagedLoadOptions options;
    options.chunk_statements = chunk;
    auto results = AddDocumentsStaged(*p.staged, Batch(), options);
    ASSERT_TRUE(results.ok()) << results.status();
    ASSERT_EQ(results->size(), expected_results.size());
    for (size_t i = 0; i < results->size(); ++i) {
      EXPECT_EQ((*results)[i].doc, expected_results[i].doc) << i;
      EXPECT_EQ((*results)[i].duplicate, expected_results[i].duplicate) << i;
      EXPECT_EQ((*results)[i].replaced, expected_results[i].replaced) << i;
      EXPECT_EQ((*results)[i].nodes_created, expected_results[i].nodes_created)
          << i;
      EXPECT_EQ((*results)[i].edges_created, expected_results[i].edges_created)
          << i;
    }
    EXPECT_TRUE((*results)[2].duplicate);
    EXPECT_EQ((*results)[4].replaced, 1);
    const auto expected = Dump(*p.one);
    EXPECT_GT(expected.size(), 60u);
    EXPECT_EQ(Differences(Dump(*p.staged), expected), "");
    // What the store holds in memory (counters, terms) is the new content's.
    EXPECT_EQ(p.staged->counters().nodes, p.one->counters().nodes);
    EXPECT_EQ(p.staged->counters().next_term, p.one->counters().next_term);
    EXPECT_EQ(p.staged->FindTerm("veto"), p.one->FindTerm("veto"));
    ExpectNoStagingLeft(*p.staged);
    // And it stays so when reopened.
    p.staged.reset();
    p.staged = *Store::Open(dir.Sub("staged"), {});
    EXPECT_EQ(Differences(Dump(*p.staged), expected), "");
  }
}

TEST(StagedLoad, StoreWithContentGetsTheSameChangesIncludingDeletions) {
  TempDir dir;
  std::vector<DocumentInput> all = Batch();
  // Stored before: a.txt, b.txt and d.txt's first version; the batch brings
  // the duplicate, the replacement of d.txt (deleting stored keys) and more.
  std::vector<DocumentInput> before = {all[0], all[1], all[3]};
  std::vector<DocumentInput> batch = {
      all[2], all[4], all[5],
      Doc("f.txt", "f1", {Fact("Dahl", {"Person"}, "meet", "Norway", 2)})};
  Pair p = TwoStores(dir, before);
  EXPECT_FALSE(PreferStagedLoad(*p.staged, 10));
  EXPECT_FALSE(PreferStagedLoad(*p.staged, kStagedLoadMinStatements - 1));
  EXPECT_TRUE(PreferStagedLoad(*p.staged, kStagedLoadMinStatements));
  AddInOneTransaction(*p.one, batch);
  StagedLoadOptions options;
  options.chunk_statements = 2;
  auto results = AddDocumentsStaged(*p.staged, batch, options);
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_TRUE((*results)[0].duplicate);
  EXPECT_EQ((*results)[1].replaced, 1);
  EXPECT_EQ(Differences(Dump(*p.staged), Dump(*p.one)), "");
  ExpectNoStagingLeft(*p.staged);
  p.staged.reset();
  p.staged = *Store::Open(dir.Sub("staged"), {});
  EXPECT_EQ(Differences(Dump(*p.staged), Dump(*p.one)), "");
}

TEST(StagedLoad, AFailingDocumentAfterCommittedChunksLeavesTheStoreAsItWas) {
  TempDir dir;
  std::vector<DocumentInput> all = Batch();
  auto store = *Store::Open(dir.Sub("g"), {});
  AddInOneTransaction(*store, {all[0]});
  const auto before = Dump(*store);
  const Counters counters = store->counters();
  // Chunks of one statement: the first documents are committed to the
  // staging store before the bad one fails.
  std::vector<DocumentInput> batch = {all[1], all[3], all[5]};
  batch.push_back(Doc("bad.txt", "x",
                      {Fact("Oslo", {}, std::string(300, 'r'), "Bergen", 1)}));
  StagedLoadOptions options;
  options.chunk_statements = 1;
  auto results = AddDocumentsStaged(*store, batch, options);
  ASSERT_FALSE(results.ok());
  EXPECT_EQ(results.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(results.status().message().find(
                "document bad.txt: triple 1: relationship type is "
                "too long"),
            std::string::npos)
      << results.status();
  EXPECT_EQ(Differences(Dump(*store), before), "");
  EXPECT_EQ(store->counters().nodes, counters.nodes);
  EXPECT_EQ(store->counters().docs, counters.docs);
  EXPECT_FALSE(store->FindTerm("veto"));
  ExpectNoStagingLeft(*store);
  // The store takes the same batch without the bad document afterwards.
  batch.pop_back();
  ASSERT_TRUE(AddDocumentsStaged(*store, batch, options).ok());
  EXPECT_EQ(store->counters().docs, counters.docs + 3);
}

TEST(StagedLoad, AStagingDirectoryLeftByAKilledLoadIsRemoved) {
  TempDir dir;
  auto store = *Store::Open(dir.Sub("g"), {});
  fs::create_directories(dir.Sub("g/bulk-load.staging/db"));
  testing::WriteFile(dir.Sub("g/bulk-load.staging/db/CURRENT"),
                     "MANIFEST-000009\n");
  auto results = AddDocumentsStaged(*store, Batch());
  ASSERT_TRUE(results.ok()) << results.status();
  EXPECT_EQ(store->counters().docs, 4);
  ExpectNoStagingLeft(*store);
}

TEST(StagedLoad, NotForAnInMemoryStore) {
  Options options;
  options.in_memory = true;
  auto store = *Store::Open("/quiver-staged-load-test", options);
  EXPECT_FALSE(PreferStagedLoad(*store, kStagedLoadMinStatements));
}

}  // namespace
}  // namespace quiver::graph
