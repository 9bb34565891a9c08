#include "graph/node_splitter.h"

#include "graph/curation.h"
#include "graph/node_merger.h"
#include "tests/graph/curation_fixture.h"

namespace quiver::graph {
namespace {

using NodeSplitter = CurationTest;

TEST_F(NodeSplitter, MovesTheStatementsThatNamedTheAlias) {
  Triple full = Fact("Erik Dahl", "meet", "Marta Lind", 0);
  full.subject_aliases = {"Dahl"};
  Add("one", {full, Fact("Erik Dahl", "meet", "Marta Lind", 1, "Dahl"),
              Fact("Erik Dahl", "visit", "Oslo", 2, "Dahl"),
              Fact("Marta Lind", "praise", "Erik Dahl", 3, "", "Dahl"),
              Fact("Marta Lind", "praise", "Erik Dahl", 4)});
  NodeId dahl = Only("Erik Dahl"), lind = Only("Marta Lind"), oslo = Only("Oslo");
  auto txn = Begin();
  auto split = SplitNode(*txn, dahl, "DAHL", "user: test");
  ASSERT_TRUE(split.ok()) << split.status();
  EXPECT_EQ(split->edges_moved, 3);
  EXPECT_EQ(split->statements_moved, 3);
  ASSERT_TRUE(txn->Commit().ok());
  NodeId other = split->node;

  auto reader = store_->NewReader();
  auto node = **reader->GetNode(other);
  EXPECT_EQ(node.name, "Dahl");
  EXPECT_EQ(node.mentions, 3);
  EXPECT_EQ(*reader->FindNodesByName("dahl"), std::vector<NodeId>{other});
  auto kept = **reader->GetNode(dahl);
  EXPECT_EQ(std::find(kept.aliases.begin(), kept.aliases.end(), "Dahl"), kept.aliases.end());

  // meet: divided by mention, counts follow the statements.
  auto meets = Facts(dahl, "meet", lind);
  ASSERT_EQ(meets.size(), 1u);
  EXPECT_EQ(meets[0].count(), 1);
  auto moved = Facts(other, "meet", lind);
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0].count(), 1);
  EXPECT_EQ((*reader->EvidenceFor(moved[0].id))[0].sentence, 1u);
  // visit: every statement named "Dahl", so the edge moved whole.
  EXPECT_TRUE(Facts(dahl, "visit", oslo).empty());
  EXPECT_EQ(Facts(other, "visit", oslo).size(), 1u);
  // praise: the object side follows its own mention.
  EXPECT_EQ(Facts(lind, "praise", dahl).size(), 1u);
  EXPECT_EQ(Facts(lind, "praise", other).size(), 1u);
  EXPECT_EQ(store_->counters().evidence, 5);
  EXPECT_EQ(store_->counters().edges, 5);
}

TEST_F(NodeSplitter, LaterDocumentsNamingTheAliasLandOnTheNewNode) {
  Triple short_form = Fact("Erik Dahl", "visit", "Oslo", 1, "Dahl");
  short_form.subject_aliases = {"Dahl"};  // As ingest gives a short form.
  Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0), short_form});
  NodeId dahl = Only("Erik Dahl");
  NodeId other = Split(dahl, "Dahl");
  ASSERT_NE(other, 0u);
  // The same short form, and the full name offering it as an alias again:
  // neither brings "Dahl" back to Erik Dahl.
  Triple again = Fact("Erik Dahl", "visit", "Bergen", 0);
  again.subject_aliases = {"Dahl"};
  Add("two", {Fact("Dahl", "visit", "Bergen", 1), again});
  EXPECT_EQ(Facts(other, "visit", Only("Bergen")).size(), 1u);
  EXPECT_EQ(Facts(dahl, "visit", Only("Bergen")).size(), 1u);
  EXPECT_EQ(*store_->NewReader()->FindNodesByName("Dahl"), std::vector<NodeId>{other});
}

TEST_F(NodeSplitter, UndoesAMerge) {
  Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0), Fact("Dahl", "meet", "Marta Lind", 1),
              Fact("Dahl", "visit", "Oslo", 2)});
  NodeId dahl = Only("Erik Dahl"), lind = Only("Marta Lind");
  ASSERT_TRUE(Merge(dahl, Only("Dahl")));
  ASSERT_EQ(Facts(dahl, "meet", lind)[0].count(), 2);
  auto txn = Begin();
  auto split = SplitNode(*txn, dahl, "Dahl", "user: test");
  ASSERT_TRUE(split.ok()) << split.status();
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(Facts(dahl, "meet", lind)[0].count(), 1);
  EXPECT_EQ(Facts(split->node, "meet", lind)[0].count(), 1);
  EXPECT_EQ(Facts(split->node, "visit", Only("Oslo")).size(), 1u);
  EXPECT_EQ(Degree(dahl), 1);

  auto log = CurationLog(*store_->NewReader());
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 2u);
  EXPECT_EQ((*log)[1].seq, 2u);
  EXPECT_EQ((*log)[1].kind, CurationKind::kSplit);
  EXPECT_EQ((*log)[1].node, dahl);
  EXPECT_EQ((*log)[1].other, split->node);
  EXPECT_EQ((*log)[1].names, std::vector<std::string>{"Dahl"});
  EXPECT_EQ((*log)[1].edges, 2);
}

TEST_F(NodeSplitter, RefusesUnknownAliasesAndTheNodesOwnName) {
  Triple t = Fact("Erik Dahl", "meet", "Marta Lind", 0);
  t.subject_aliases = {"Dahl"};
  Add("one", {t});
  NodeId dahl = Only("Erik Dahl");
  auto txn = Begin();
  auto unknown = SplitNode(*txn, dahl, "Lind", "x");
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.status().message().find("has no alias \"Lind\""), std::string::npos)
      << unknown.status();
  EXPECT_EQ(SplitNode(*txn, dahl, "erik  DAHL", "x").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(SplitNode(*txn, 999, "Dahl", "x").status().code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace quiver::graph
