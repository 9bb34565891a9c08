// Removing a document after kg.merge or kg.split still undoes exactly what
// the document stated: the moves keep the documents' provenance in step.

#include "graph/document_remover.h"
#include "graph/node_merger.h"
#include "graph/node_splitter.h"
#include "tests/graph/curation_fixture.h"

namespace quiver::graph {
namespace {

using CurationRemoval = CurationTest;

TEST_F(CurationRemoval, RemovingADocumentAfterAMergeTakesOutOnlyItsStatements) {
  Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0)});
  Add("two", {Fact("E. Dahl", "meet", "Marta Lind", 0), Fact("E. Dahl", "visit", "Oslo", 1)});
  NodeId dahl = Only("Erik Dahl"), lind = Only("Marta Lind");
  ASSERT_TRUE(Merge(dahl, Only("E. Dahl")));
  ASSERT_EQ(Facts(dahl, "meet", lind)[0].count(), 2);
  auto removed = RemoveSource(*store_, "two.txt");
  ASSERT_TRUE(removed.ok()) << removed.status();
  auto meets = Facts(dahl, "meet", lind);
  ASSERT_EQ(meets.size(), 1u);
  EXPECT_EQ(meets[0].count(), 1);
  EXPECT_EQ(Degree(dahl), 1);  // visit went with its only document.
  EXPECT_EQ(store_->counters().edges, 1);
  EXPECT_EQ(store_->counters().evidence, 1);
  // The kept node stays, and keeps the alias the user's merge gave it.
  auto node = store_->NewReader()->GetNode(dahl);
  ASSERT_TRUE(node.ok() && node->has_value());
  EXPECT_EQ(*store_->NewReader()->FindNodesByName("E. Dahl"), std::vector<NodeId>{dahl});
  EXPECT_TRUE(store_->NewReader()->FindNodesByName("Oslo")->empty());
}

TEST_F(CurationRemoval, RemovingADocumentAfterASplitTakesOutTheMovedStatementsToo) {
  Triple short_form = Fact("Erik Dahl", "visit", "Oslo", 1, "Dahl");
  short_form.subject_aliases = {"Dahl"};
  Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0), short_form});
  Add("two", {Fact("Marta Lind", "visit", "Oslo", 0)});
  NodeId dahl = Only("Erik Dahl");
  NodeId other = Split(dahl, "Dahl");
  ASSERT_NE(other, 0u);
  ASSERT_EQ(Degree(other), 1);
  auto removed = RemoveSource(*store_, "one.txt");
  ASSERT_TRUE(removed.ok()) << removed.status();
  EXPECT_EQ(Degree(other), 0);
  EXPECT_EQ(store_->counters().edges, 1);
  EXPECT_EQ(store_->counters().evidence, 1);
  // The split-off node was the user's doing, not the document's: it stays,
  // without the mentions the document gave it. Erik Dahl went with the only
  // document that named him.
  auto node = store_->NewReader()->GetNode(other);
  ASSERT_TRUE(node.ok() && node->has_value());
  EXPECT_EQ((*node)->mentions, 0);
  EXPECT_FALSE(store_->NewReader()->GetNode(dahl)->has_value());
}

TEST_F(CurationRemoval, RemovingEveryDocumentAfterAMergeAndASplitLeavesNoStatement) {
  Triple short_form = Fact("Erik Dahl", "visit", "Oslo", 1, "Dahl");
  short_form.subject_aliases = {"Dahl"};
  Add("one", {Fact("Erik Dahl", "meet", "Marta Lind", 0), short_form});
  // One sentence under both names: the merge keeps it once.
  Add("two", {Fact("E. Dahl", "meet", "Marta Lind", 0), Fact("Erik Dahl", "meet", "Marta Lind", 0)});
  NodeId dahl = Only("Erik Dahl");
  ASSERT_TRUE(Merge(dahl, Only("E. Dahl")));
  ASSERT_EQ(store_->counters().evidence, 3);
  ASSERT_NE(Split(dahl, "Dahl"), 0u);
  ASSERT_EQ(store_->counters().evidence, 3);
  ASSERT_TRUE(RemoveSource(*store_, "one.txt").ok());
  ASSERT_TRUE(RemoveSource(*store_, "two.txt").ok());
  // Merging, splitting and removing added and took statements through one
  // mechanism: the evidence, its provenance mirror and the counter agree.
  EXPECT_EQ(store_->counters().evidence, 0);
  EXPECT_EQ(store_->counters().edges, 0);
  EXPECT_EQ(KeysIn(*store_, Cf::kEvidence), 0u);
  EXPECT_EQ(KeysIn(*store_, Cf::kProvenance), 0u);
  EXPECT_EQ(store_->counters().nodes, 1);  // The node the user split off.
}

}  // namespace
}  // namespace quiver::graph
