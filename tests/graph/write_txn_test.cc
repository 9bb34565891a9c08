#include "graph/write_txn.h"

#include "graph/document_writer.h"
#include "graph/reader.h"
#include "gtest/gtest.h"
#include "tests/graph/store_fixture.h"
#include "tests/test_support.h"

namespace quiver::graph {
namespace {

class WriteTxnTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenInMemory("/write-txn-test");
    ASSERT_TRUE(store_);
  }

  std::unique_ptr<WriteTxn> Begin() {
    auto txn = store_->BeginWrite();
    EXPECT_TRUE(txn.ok());
    return std::move(*txn);
  }

  Evidence At(DocId doc, uint32_t sentence, std::string text = "") {
    Evidence e;
    e.doc = doc;
    e.sentence = sentence;
    e.text = std::move(text);
    return e;
  }

  std::unique_ptr<Store> store_;
};

TEST_F(WriteTxnTest, ReadsItsOwnUncommittedWrites) {
  auto txn = Begin();
  auto id = txn->FindOrCreateNamedNode("Laurent Fabius", {"Person"}, {});
  ASSERT_TRUE(id.ok());
  EXPECT_TRUE(id->second);
  EXPECT_EQ(txn->FindNodesByName("LAURENT FABIUS")->size(), 1u);
  // Not yet visible outside.
  EXPECT_TRUE(store_->NewReader()->FindNodesByName("laurent fabius")->empty());
  ASSERT_TRUE(txn->Commit().ok());
  EXPECT_EQ(store_->NewReader()->FindNodesByName("laurent fabius")->size(), 1u);
}

TEST_F(WriteTxnTest, APropertyValueOverTheLimitIsRefused) {
  auto txn = Begin();
  ValueMap fits{{"text", Value(std::string(1000, 'a'))}};
  EXPECT_TRUE(txn->CreateNode({}, fits, {}).ok());
  ValueMap big{{"text", Value(std::string(kMaxPropertyBytes + 1, 'a'))}};
  absl::StatusOr<NodeId> id = txn->CreateNode({}, big, {});
  ASSERT_FALSE(id.ok());
  EXPECT_NE(id.status().message().find("property text is too large"), std::string::npos)
      << id.status();
}

TEST_F(WriteTxnTest, SecondTransactionInTheSameThreadIsRefusedNotDeadlocked) {
  auto txn = Begin();
  auto second = store_->BeginWrite();
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  txn.reset();
  EXPECT_TRUE(store_->BeginWrite().ok());
}

TEST_F(WriteTxnTest, UncommittedTransactionLeavesNothing) {
  {
    auto txn = Begin();
    ASSERT_TRUE(txn->FindOrCreateNamedNode("Ghost", {}, {}).ok());
  }
  EXPECT_TRUE(store_->NewReader()->FindNodesByName("ghost")->empty());
  EXPECT_EQ(store_->counters().nodes, 0);
  EXPECT_FALSE(store_->FindTerm("anything"));
}

TEST_F(WriteTxnTest, FactsMergeAndCountDistinctSentences) {
  auto txn = Begin();
  NodeId russia = txn->FindOrCreateNamedNode("Russia", {}, {})->first;
  NodeId res = txn->FindOrCreateNamedNode("resolution", {}, {})->first;
  FactProperties fact;
  fact.text = "vetoed";
  auto e1 = txn->AddFact(russia, "veto", res, fact, At(1, 0, "Russia vetoed it."));
  auto e2 = txn->AddFact(russia, "veto", res, fact, At(1, 4, "Again, Russia vetoed."));
  auto e3 = txn->AddFact(russia, "veto", res, fact, At(1, 4, "Again, Russia vetoed."));
  ASSERT_TRUE(e1.ok() && e2.ok() && e3.ok());
  EXPECT_TRUE(e1->second);
  EXPECT_FALSE(e2->second);
  EXPECT_EQ(e1->first, e2->first);
  ASSERT_TRUE(txn->Commit().ok());
  auto reader = store_->NewReader();
  auto edge = reader->GetEdge(e1->first);
  ASSERT_TRUE(edge.ok() && edge->has_value());
  EXPECT_EQ((*edge)->type, "veto");
  EXPECT_EQ((*edge)->count(), 2);  // the repeated sentence is one statement
  auto evidence = reader->EvidenceFor(e1->first);
  ASSERT_EQ(evidence->size(), 2u);
  EXPECT_EQ((*evidence)[1].text, "Again, Russia vetoed.");
  EXPECT_EQ(store_->counters().edges, 1);
  EXPECT_EQ(store_->counters().evidence, 2);
}

TEST_F(WriteTxnTest, NegatedFactIsAnEdgeOfItsOwn) {
  auto txn = Begin();
  NodeId a = txn->FindOrCreateNamedNode("Hollande", {}, {})->first;
  NodeId b = txn->FindOrCreateNamedNode("meeting", {}, {})->first;
  FactProperties yes, no;
  no.negated = true;
  auto e1 = txn->AddFact(a, "cancel", b, yes, At(1, 0));
  auto e2 = txn->AddFact(a, "cancel", b, no, At(1, 1));
  ASSERT_TRUE(e1.ok() && e2.ok());
  EXPECT_NE(e1->first, e2->first);
}

TEST_F(WriteTxnTest, CreateEdgeMakesParallelRelationships) {
  auto txn = Begin();
  NodeId a = *txn->CreateNode({}, {});
  NodeId b = *txn->CreateNode({"Thing"}, {{"weight", Value(2.5)}});
  auto r1 = txn->CreateEdge(a, "KNOWS", b, {});
  auto r2 = txn->CreateEdge(a, "KNOWS", b, {{"since", Value(2020)}});
  ASSERT_TRUE(r1.ok() && r2.ok());
  EXPECT_NE(*r1, *r2);
  ASSERT_TRUE(txn->Commit().ok());
  std::vector<EdgeId> seen;
  ASSERT_TRUE(store_->NewReader()
                  ->ScanAdjacent(a, Direction::kOutgoing, std::nullopt, std::nullopt,
                                 [&](const AdjEntry& e) {
                                   seen.push_back(e.edge);
                                   return true;
                                 })
                  .ok());
  EXPECT_EQ(seen.size(), 2u);
  auto node = store_->NewReader()->GetNode(b);
  EXPECT_EQ((*node)->properties.at("weight"), Value(2.5));
  EXPECT_TRUE((*node)->name.empty());  // nodes need no name
}

TEST_F(WriteTxnTest, ConflictingLabelsKeepNamesakesApart) {
  auto txn = Begin();
  auto bank1 = txn->FindOrCreateNamedNode("Union Bank", {"Organization"}, {});
  auto river = txn->FindOrCreateNamedNode("Union Bank", {"Place"}, {});
  auto again = txn->FindOrCreateNamedNode("union bank", {"Organization"}, {});
  auto unlabeled = txn->FindOrCreateNamedNode("Union Bank", {}, {});
  EXPECT_NE(bank1->first, river->first);
  EXPECT_EQ(bank1->first, again->first);
  EXPECT_EQ(bank1->first, unlabeled->first);  // no labels: agrees with the first
}

TEST_F(WriteTxnTest, AliasesAndLabelsAreIndexedAndUnindexed) {
  auto txn = Begin();
  NodeId id = txn->FindOrCreateNamedNode("François Hollande", {"Person"},
                                         {"President Hollande"})->first;
  ASSERT_TRUE(txn->Commit().ok());
  auto reader = store_->NewReader();
  EXPECT_EQ(*reader->FindNodesByName("president hollande"), std::vector<NodeId>{id});
  txn.reset();
  txn = Begin();
  Node node = **txn->GetNode(id);
  node.aliases = {"François Hollande"};
  node.labels = {"Politician"};
  ASSERT_TRUE(txn->UpdateNode(node).ok());
  ASSERT_TRUE(txn->Commit().ok());
  reader = store_->NewReader();
  EXPECT_TRUE(reader->FindNodesByName("President Hollande")->empty());
  int person = 0, politician = 0;
  ASSERT_TRUE(reader->ScanLabel(*store_->FindTerm("Person"), [&](NodeId) { return ++person, true; }).ok());
  ASSERT_TRUE(reader->ScanLabel(*store_->FindTerm("Politician"), [&](NodeId) { return ++politician, true; }).ok());
  EXPECT_EQ(person, 0);
  EXPECT_EQ(politician, 1);
}

TEST_F(WriteTxnTest, DeleteNodeNeedsDetachWhenItHasEdges) {
  auto txn = Begin();
  NodeId a = *txn->CreateNode({}, {{"name", Value("a")}});
  NodeId b = *txn->CreateNode({}, {});
  EdgeId e = *txn->CreateEdge(a, "R", b, {});
  ASSERT_TRUE(txn->AddFact(a, "R2", b, {}, At(1, 1)).ok());
  EXPECT_EQ(txn->DeleteNode(a, false).code(), absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(txn->DeleteNode(a, true).ok());
  ASSERT_TRUE(txn->Commit().ok());
  auto reader = store_->NewReader();
  EXPECT_FALSE(reader->GetEdge(e)->has_value());
  EXPECT_TRUE(reader->FindNodesByName("a")->empty());
  int in_edges = 0;
  ASSERT_TRUE(reader->ScanAdjacent(b, Direction::kBoth, std::nullopt, std::nullopt,
                                   [&](const AdjEntry&) { return ++in_edges, true; }).ok());
  EXPECT_EQ(in_edges, 0);
  EXPECT_EQ(store_->counters().nodes, 1);
  EXPECT_EQ(store_->counters().edges, 0);
  EXPECT_EQ(store_->counters().evidence, 0);
}

TEST_F(WriteTxnTest, RejectsBadNamesAndUnstorableProperties) {
  auto txn = Begin();
  EXPECT_EQ(txn->FindOrCreateNamedNode("", {}, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(txn->FindOrCreateNamedNode("bad \xFF", {}, {}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(txn->FindOrCreateNamedNode(std::string(kMaxNameBytes + 1, 'x'), {}, {})
                .status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(txn->CreateNode({}, {{"n", Value(NodeValue{})}}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(WriteTxnTest, DocumentIsAllOrNothing) {
  DocumentInput doc;
  doc.content = "text";
  doc.triples = {quiver::testing::MakeTriple("Russia", "veto", "resolution"),
                 quiver::testing::MakeTriple("France", "", "resolution")};
  auto result = AddDocument(*store_, doc);
  ASSERT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(result.status().message().find("triple 2"), absl::string_view::npos);
  EXPECT_EQ(store_->counters().nodes, 0);
  EXPECT_EQ(store_->counters().docs, 0);
  EXPECT_TRUE(store_->NewReader()->FindNodesByName("Russia")->empty());
}

TEST_F(WriteTxnTest, SameContentTwiceChangesNothing) {
  DocumentInput doc;
  doc.content = "Russia vetoed the resolution.";
  doc.triples = {quiver::testing::MakeTriple("Russia", "veto", "resolution")};
  auto first = AddDocument(*store_, doc);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->duplicate);
  Counters before = store_->counters();
  auto second = AddDocument(*store_, doc);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->duplicate);
  EXPECT_EQ(second->doc, first->doc);
  Counters after = store_->counters();
  EXPECT_EQ(after.nodes, before.nodes);
  EXPECT_EQ(after.edges, before.edges);
  EXPECT_EQ(after.evidence, before.evidence);
  EXPECT_EQ(after.docs, 1);
}

}  // namespace
}  // namespace quiver::graph
