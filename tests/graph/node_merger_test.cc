#include "graph/node_merger.h"

#include "graph/curation.h"
#include "tests/graph/curation_fixture.h"

namespace quiver::graph {
namespace {

using NodeMerger = CurationTest;

TEST_F(NodeMerger, CollidingFactsCombineCountsAndEvidence) {
  Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0), Fact("Erik Dahl", "meet", "Marta Lind", 1),
              Fact("E. Dahl", "meet", "Marta Lind", 2), Fact("E. Dahl", "visit", "Oslo", 3)});
  NodeId dahl = Only("Erik Dahl"), short_dahl = Only("E. Dahl"), lind = Only("Marta Lind");
  ASSERT_NE(dahl, short_dahl);
  auto txn = Begin();
  auto merged = MergeNodes(*txn, dahl, short_dahl, "user: test");
  ASSERT_TRUE(merged.ok()) << merged.status();
  EXPECT_EQ(merged->edges_moved, 2);
  EXPECT_EQ(merged->facts_combined, 1);
  ASSERT_TRUE(txn->Commit().ok());

  auto meets = Facts(dahl, "meet", lind);
  ASSERT_EQ(meets.size(), 1u);
  EXPECT_EQ(meets[0].count(), 3);
  auto evidence = store_->NewReader()->EvidenceFor(meets[0].id);
  ASSERT_TRUE(evidence.ok());
  ASSERT_EQ(evidence->size(), 3u);
  // The statement that named "E. Dahl" keeps that name as its mention.
  EXPECT_EQ((*evidence)[2].sentence, 2u);
  EXPECT_EQ((*evidence)[2].subject_mention, "E. Dahl");
  EXPECT_EQ((*evidence)[0].subject_mention, "");
  EXPECT_EQ(Facts(dahl, "visit", Only("Oslo")).size(), 1u);
  EXPECT_EQ(store_->counters().edges, 2);
  EXPECT_EQ(store_->counters().evidence, 4);
  EXPECT_EQ(store_->counters().nodes, 3);
}

TEST_F(NodeMerger, SameSentenceStatedTwiceCountsOnce) {
  Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0), Fact("E. Dahl", "meet", "Marta Lind", 0)});
  NodeId dahl = Only("Erik Dahl");
  ASSERT_TRUE(Merge(dahl, Only("E. Dahl")));
  auto meets = Facts(dahl, "meet", Only("Marta Lind"));
  ASSERT_EQ(meets.size(), 1u);
  EXPECT_EQ(meets[0].count(), 1);
  EXPECT_EQ(store_->counters().evidence, 1);
}

TEST_F(NodeMerger, NegatedFactsStayApartFromAssertedOnes) {
  Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0)});
  Triple denied = Fact("E. Dahl", "meet", "Marta Lind", 1);
  denied.negated = true;
  Add("two", {denied});
  NodeId dahl = Only("Erik Dahl");
  auto txn = Begin();
  auto merged = MergeNodes(*txn, dahl, Only("E. Dahl"), "user: test");
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->facts_combined, 0);
  ASSERT_TRUE(txn->Commit().ok());
  auto meets = Facts(dahl, "meet", Only("Marta Lind"));
  ASSERT_EQ(meets.size(), 2u);
  EXPECT_NE(meets[0].negated(), meets[1].negated());
}

TEST_F(NodeMerger, NamesBecomeAliasesLabelsUniteAndTheOtherNodeIsGone) {
  Triple a = Fact("Erik Dahl", "meet", "Marta Lind", 0);
  a.subject_labels = {"Person"};
  Triple b = Fact("Dahl", "lead", "Norvik Bank", 1);
  b.subject_aliases = {"Mr Dahl"};
  b.subject_labels = {"Politician"};
  Add("one", {a, b});
  NodeId dahl = Only("Erik Dahl"), other = Only("Dahl");
  ASSERT_TRUE(Merge(dahl, other));
  auto reader = store_->NewReader();
  EXPECT_FALSE(reader->GetNode(other)->has_value());
  for (const char* name : {"dahl", "MR DAHL", "Erik Dahl"}) {
    auto ids = reader->FindNodesByName(name);
    ASSERT_TRUE(ids.ok());
    EXPECT_EQ(*ids, std::vector<NodeId>{dahl}) << name;
  }
  auto node = **reader->GetNode(dahl);
  EXPECT_EQ(node.name, "Erik Dahl");
  EXPECT_EQ(node.labels, (std::vector<std::string>{"Person", "Politician"}));
  EXPECT_EQ(node.mentions, 2);
  EXPECT_EQ(Facts(dahl, "lead", Only("Norvik Bank")).size(), 1u);
}

TEST_F(NodeMerger, EdgesBetweenTheTwoBecomeSelfLoops) {
  Add("one", {Fact("Erik Dahl", "praise", "E. Dahl", 0), Fact("E. Dahl", "praise", "E. Dahl", 1)});
  NodeId dahl = Only("Erik Dahl");
  auto txn = Begin();
  auto merged = MergeNodes(*txn, dahl, Only("E. Dahl"), "user: test");
  ASSERT_TRUE(merged.ok()) << merged.status();
  ASSERT_TRUE(txn->Commit().ok());
  auto loops = Facts(dahl, "praise", dahl);
  ASSERT_EQ(loops.size(), 1u);
  EXPECT_EQ(loops[0].count(), 2);
  EXPECT_EQ(Degree(dahl), 2);  // One self-loop: once out, once in.
}

TEST_F(NodeMerger, IsLoggedWithItsReason) {
  Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0), Fact("E. Dahl", "visit", "Oslo", 1)});
  NodeId dahl = Only("Erik Dahl"), other = Only("E. Dahl");
  auto txn = Begin();
  ASSERT_TRUE(MergeNodes(*txn, dahl, other, "user: kg.merge").ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto log = CurationLog(*store_->NewReader());
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  const CurationRecord& r = (*log)[0];
  EXPECT_EQ(r.seq, 1u);
  EXPECT_EQ(r.kind, CurationKind::kMerge);
  EXPECT_EQ(r.node, dahl);
  EXPECT_EQ(r.other, other);
  EXPECT_EQ(r.names, std::vector<std::string>{"E. Dahl"});
  EXPECT_EQ(r.reason, "user: kg.merge");
  EXPECT_EQ(r.edges, 1);
  EXPECT_GT(r.time_micros, 1600000000LL * 1000000);
}

TEST_F(NodeMerger, LaterDocumentsNamingTheMergedNodeLandOnTheKeptOne) {
  Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0), Fact("E. Dahl", "visit", "Oslo", 1)});
  NodeId dahl = Only("Erik Dahl");
  ASSERT_TRUE(Merge(dahl, Only("E. Dahl")));
  Add("two", {Fact("E. Dahl", "visit", "Bergen", 0)});
  EXPECT_EQ(Facts(dahl, "visit", Only("Bergen")).size(), 1u);
  EXPECT_EQ(store_->counters().nodes, 4);
}

TEST_F(NodeMerger, RefusesANodeWithItselfAndMissingNodes) {
  Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0)});
  NodeId dahl = Only("Erik Dahl");
  auto txn = Begin();
  EXPECT_EQ(MergeNodes(*txn, dahl, dahl, "x").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(MergeNodes(*txn, dahl, 999, "x").status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace quiver::graph
