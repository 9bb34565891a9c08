// graph::CheckStore: a store written by the real write paths (ingest's
// AddDocument, the bulk loader, kg.merge, kg.split, removal) is clean, and
// each kind of damage written underneath through raw RocksDB is reported
// with the key that shows it.

#include "graph/store_checker.h"

#include <string>

#include "absl/strings/escaping.h"
#include "graph/bulk_loader.h"
#include "graph/coding.h"
#include "graph/curation.h"
#include "graph/document_remover.h"
#include "graph/records.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/graph/curation_fixture.h"

namespace quiver::graph {
namespace {

std::string U64(uint64_t v) {
  std::string s;
  PutFixed64BE(&s, v);
  return s;
}

class StoreCheckerTest : public CurationTest {
 protected:
  void SetUp() override {
    CurationTest::SetUp();
    Triple hosted = Fact("Erik Dahl", "host", "summit", 0);
    hosted.subject_labels = {"Person"};
    hosted.subject_aliases = {"Dahl"};
    hosted.object_aliases = {"the summit"};
    hosted.qualifiers["in"] = Value(std::string("Bergen"));
    Add("a", {hosted, Fact("Erik Dahl", "meet_with", "Anna Sigurdsdottir", 1, "Dahl"),
              Fact("Anna Sigurdsdottir", "reject", "cut", 2, "She")});
    Add("b", {Fact("Erik Dahl", "host", "summit", 0, "Dahl"),
              Fact("Dahl", "expect", "deal", 1)});
    Add("c", {Fact("Nordic Council", "prepare", "agreement", 0)});
  }

  CheckReport Check() {
    auto report = CheckStore(*store_->NewReader(), 100);
    EXPECT_TRUE(report.ok()) << report.status();
    return report.ok() ? *report : CheckReport();
  }

  void Delete(Cf cf, const std::string& key) {
    ASSERT_TRUE(store_->db()->Delete(rocksdb::WriteOptions(), store_->handle(cf), key).ok());
  }
  void Put(Cf cf, const std::string& key, const std::string& value) {
    ASSERT_TRUE(store_->db()->Put(rocksdb::WriteOptions(), store_->handle(cf), key, value).ok());
  }

  // The first key of `cf` (under `prefix`), read past the store's API.
  std::string FirstKey(Cf cf, const std::string& prefix = "") {
    std::unique_ptr<rocksdb::Iterator> it(
        store_->db()->NewIterator(rocksdb::ReadOptions(), store_->handle(cf)));
    it->Seek(prefix);
    EXPECT_TRUE(it->Valid() && it->key().starts_with(prefix)) << CfName(cf);
    return it->Valid() ? it->key().ToString() : std::string();
  }
  std::string ValueOf(Cf cf, const std::string& key) {
    std::string v;
    EXPECT_TRUE(store_->db()->Get(rocksdb::ReadOptions(), store_->handle(cf), key, &v).ok());
    return v;
  }

  // Whether the report names `key` of `cf` with a message containing `what`.
  static bool Names(const CheckReport& report, Cf cf, const std::string& key,
                    const std::string& what) {
    const std::string hex = absl::BytesToHexString(key);
    for (const auto& p : report.problems) {
      if (p.family == CfName(cf) && p.key_hex == hex &&
          p.message.find(what) != std::string::npos)
        return true;
    }
    return false;
  }

  static std::string Dump(const CheckReport& report) {
    std::string out;
    for (const auto& p : report.problems)
      out += p.family + ": " + p.key + " [" + p.key_hex + "]: " + p.message + "\n";
    return out;
  }

  AdjEntry FirstEdge() {
    auto record = store_->NewReader()->GetEdgeRecord(1);
    EXPECT_TRUE(record.ok() && record->has_value());
    return {(*record)->src, (*record)->type, (*record)->dst, 1};
  }
};

TEST_F(StoreCheckerTest, StoreWrittenByIngestIsClean) {
  CheckReport report = Check();
  EXPECT_TRUE(report.ok()) << Dump(report);
  EXPECT_EQ(report.documents, 3);
  EXPECT_EQ(report.edges, 5);
  EXPECT_EQ(report.evidence, 6);
  EXPECT_GT(report.nodes, 5);
}

TEST_F(StoreCheckerTest, StoreAfterMergeSplitAndRemovalIsClean) {
  ASSERT_TRUE(Merge(Only("Erik Dahl"), Only("Nordic Council")));
  ASSERT_NE(Split(Only("Erik Dahl"), "Dahl"), 0u);
  CheckReport report = Check();
  EXPECT_TRUE(report.ok()) << Dump(report);
  ASSERT_TRUE(RemoveSource(*store_, "b.txt").ok());
  report = Check();
  EXPECT_TRUE(report.ok()) << Dump(report);
}

TEST_F(StoreCheckerTest, StoreWrittenByTheBulkLoaderIsClean) {
  auto store = OpenInMemory("/bulk-check");
  BulkLoader loader(store.get());
  Document doc;
  doc.source = "triples.tsv";
  loader.SetDocument(doc, "content");
  ASSERT_TRUE(loader.AddStatement("a", "knows", "b", 1).ok());
  ASSERT_TRUE(loader.AddStatement("b", "knows", "c", 2).ok());
  ASSERT_TRUE(loader.AddStatement("A", "knows", "b", 3).ok());
  ASSERT_TRUE(loader.Finish().ok());
  auto report = CheckStore(*store->NewReader(), 100);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->ok()) << Dump(*report);
  EXPECT_EQ(report->evidence, 3);
}

TEST_F(StoreCheckerTest, MissingAdjacencyEntriesAreReportedWithTheirKeys) {
  const AdjEntry e = FirstEdge();
  Delete(Cf::kOut, OutKey(e));
  Delete(Cf::kIn, InKey(e));
  Delete(Cf::kByType, ByTypeKey(e));
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 3) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kOut, OutKey(e), "missing")) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kIn, InKey(e), "missing")) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kByType, ByTypeKey(e), "missing")) << Dump(report);
}

TEST_F(StoreCheckerTest, IndexEntriesWithoutTheirEdgeRecordAreReported) {
  const AdjEntry e = FirstEdge();
  Delete(Cf::kEdges, IdKey(1));
  CheckReport report = Check();
  EXPECT_TRUE(Names(report, Cf::kOut, OutKey(e), "no edge record 1")) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kIn, InKey(e), "no edge record 1")) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kByType, ByTypeKey(e), "no edge record 1")) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kEvidence, FirstKey(Cf::kEvidence, IdKey(1)), "orphan"))
      << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kMeta, std::string(meta::kEdgeCount), "says 5")) << Dump(report);
}

TEST_F(StoreCheckerTest, AnIndexEntryPointingAtOtherEndsIsReported) {
  AdjEntry e = FirstEdge();
  e.dst += 100;
  Put(Cf::kOut, OutKey(e), "");
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 1) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kOut, OutKey(e), "record says")) << Dump(report);
}

TEST_F(StoreCheckerTest, NamesAndAliasesMustAgree) {
  const NodeId dahl = Only("Erik Dahl");
  Delete(Cf::kNames, NameKey("dahl", dahl));
  Put(Cf::kNames, NameKey("nobody", dahl), "");
  Put(Cf::kNames, NameKey("ghost", 777), "");
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 3) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kNames, NameKey("dahl", dahl), "missing")) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kNames, NameKey("nobody", dahl), "no name or alias"))
      << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kNames, NameKey("ghost", 777), "no node 777")) << Dump(report);
}

TEST_F(StoreCheckerTest, LabelEntriesMustMatchNodeLabels) {
  const NodeId dahl = Only("Erik Dahl");
  const TermId person = *store_->FindTerm("Person");
  Delete(Cf::kLabels, LabelKey(person, dahl));
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 1) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kLabels, LabelKey(person, dahl), "missing")) << Dump(report);
}

TEST_F(StoreCheckerTest, ACounterThatDisagreesIsReported) {
  Put(Cf::kMeta, std::string(meta::kNodeCount), U64(store_->counters().nodes + 1));
  Put(Cf::kMeta, std::string(meta::kNextEdgeId), U64(2));
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 2) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kMeta, std::string(meta::kNodeCount), "the store holds"))
      << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kMeta, std::string(meta::kNextEdgeId), "not above"))
      << Dump(report);
}

TEST_F(StoreCheckerTest, OrphanEvidenceIsReported) {
  Evidence ev;
  ev.text = "a sentence";
  const std::string key = EvidenceKey(99, 1, 7);
  Put(Cf::kEvidence, key, EncodeEvidence(ev));
  Put(Cf::kMeta, std::string(meta::kEvidenceCount), U64(store_->counters().evidence + 1));
  CheckReport report = Check();
  EXPECT_TRUE(Names(report, Cf::kEvidence, key, "orphan: no edge record 99")) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kProvenance, DocEvidenceKey(1, 99, 7), "missing"))
      << Dump(report);
}

TEST_F(StoreCheckerTest, AStatementWithoutItsProvenanceMirrorIsReported) {
  const std::string mirror = FirstKey(Cf::kProvenance, "e");
  Delete(Cf::kProvenance, mirror);
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 1) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kProvenance, mirror, "missing")) << Dump(report);
}

TEST_F(StoreCheckerTest, FactCountMustEqualItsStatements) {
  auto record = store_->NewReader()->GetEdgeRecord(1);
  ASSERT_TRUE(record.ok() && record->has_value());
  (*record)->properties["count"] = Value(int64_t{9});
  Put(Cf::kEdges, IdKey(1), EncodeEdge(**record));
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 1) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kEdges, IdKey(1), "count 9, but 2 statements")) << Dump(report);
}

TEST_F(StoreCheckerTest, MentionEntriesMustComeInPairs) {
  const std::string n = FirstKey(Cf::kProvenance, "n");
  uint64_t doc = 0, node = 0;
  ASSERT_TRUE(DecodeIdPairKey(n, &doc, &node));
  Delete(Cf::kProvenance, NodeDocKey(node, doc));
  Put(Cf::kProvenance, NodeDocKey(node, 55), "");
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 2) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kProvenance, n, "'m' entry is missing")) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kProvenance, NodeDocKey(node, 55), "no 'n' entry"))
      << Dump(report);
}

TEST_F(StoreCheckerTest, ADeletedDocumentLeavesItsEntriesReported) {
  const std::string hash = FirstKey(Cf::kHashes);
  const uint64_t doc = DecodeIdKey(ValueOf(Cf::kHashes, hash));
  Delete(Cf::kDocs, IdKey(doc));
  CheckReport report = Check();
  EXPECT_TRUE(Names(report, Cf::kHashes, hash, "no document")) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kMeta, std::string(meta::kDocCount), "says 3")) << Dump(report);
  const std::string mention = FirstKey(Cf::kProvenance, DocNodePrefix(doc));
  EXPECT_TRUE(Names(report, Cf::kProvenance, mention, "no document")) << Dump(report);
}

TEST_F(StoreCheckerTest, AMissingHashEntryIsReported) {
  const std::string hash = FirstKey(Cf::kHashes);
  Delete(Cf::kHashes, hash);
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 1) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kHashes, hash, "missing")) << Dump(report);
}

TEST_F(StoreCheckerTest, ARecordThatDoesNotDecodeIsAProblemNotAnError) {
  Put(Cf::kNodes, IdKey(1), "\x07garbage");
  CheckReport report = Check();
  EXPECT_TRUE(Names(report, Cf::kNodes, IdKey(1), "does not decode")) << Dump(report);
}

TEST_F(StoreCheckerTest, TermsMustAgreeBothWays) {
  const TermId host = *store_->FindTerm("host");
  Delete(Cf::kTerms, TermByIdKey(host));
  CheckReport report = Check();
  EXPECT_TRUE(Names(report, Cf::kTerms, TermByNameKey("host"), "no 'i' entry")) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kEdges, IdKey(1), "is no term")) << Dump(report);
}

TEST_F(StoreCheckerTest, TheCurationLogMustHaveNoGaps) {
  ASSERT_TRUE(Merge(Only("Erik Dahl"), Only("Nordic Council")));
  ASSERT_NE(Split(Only("Erik Dahl"), "Dahl"), 0u);
  ASSERT_TRUE(Check().ok());
  Delete(Cf::kCuration, CurationLogKey(1));
  Put(Cf::kCuration, "x-unknown", "");
  CheckReport report = Check();
  EXPECT_EQ(report.problem_count, 2) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kCuration, CurationLogKey(2), "gap")) << Dump(report);
  EXPECT_TRUE(Names(report, Cf::kCuration, "x-unknown", "no known kind")) << Dump(report);
}

TEST_F(StoreCheckerTest, ProblemsBeyondTheLimitAreCountedNotKept) {
  for (uint64_t n = 1000; n < 1010; ++n) Put(Cf::kNames, NameKey("ghost", n), "");
  auto report = CheckStore(*store_->NewReader(), 4);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->problem_count, 10);
  EXPECT_EQ(report->problems.size(), 4u);
}

TEST(KeyDescriber, KeysReadAsTheirFields) {
  EXPECT_EQ(DescribeKey(Cf::kOut, OutKey({3, 2, 5, 7})), "src 3, type 2, dst 5, edge 7");
  EXPECT_EQ(DescribeKey(Cf::kIn, InKey({3, 2, 5, 7})), "src 3, type 2, dst 5, edge 7");
  EXPECT_EQ(DescribeKey(Cf::kNames, NameKey("erik dahl", 4)), "\"erik dahl\" node 4");
  EXPECT_EQ(DescribeKey(Cf::kProvenance, DocNodeKey(4, 9)), "'n' doc 4, node 9");
  EXPECT_EQ(DescribeKey(Cf::kEvidence, "abc"), "malformed: 3 bytes");
  EXPECT_EQ(DescribeKey(Cf::kMeta, "count_nodes"), "\"count_nodes\"");
}

}  // namespace
}  // namespace quiver::graph
