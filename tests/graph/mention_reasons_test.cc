// Every automatic merge is recorded with its reason: the extractor's reason
// travels with the mention into the evidence, and each document's mention
// record says how it wrote each node and why the store put it there.

#include <string>
#include <vector>

#include "graph/document_remover.h"
#include "graph/document_writer.h"
#include "graph/node_merger.h"
#include "graph/node_splitter.h"
#include "graph/reader.h"
#include "graph/write_txn.h"
#include "gtest/gtest.h"
#include "tests/graph/store_fixture.h"

namespace quiver::graph {
namespace {

DocumentInput Doc(const std::string& source, std::vector<Triple> triples) {
  return graph::Doc(source, "content of " + source, std::move(triples));
}

class MentionReasons : public ::testing::Test {
 protected:
  void SetUp() override { store_ = OpenInMemory("/mention-reasons"); }

  DocId Add(const DocumentInput& d) {
    auto r = AddDocument(*store_, d);
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? r->doc : 0;
  }

  NodeId Node(const std::string& name) {
    auto ids = store_->NewReader()->FindNodesByName(name);
    EXPECT_TRUE(ids.ok() && ids->size() == 1u) << name;
    return ids.ok() && ids->size() == 1u ? ids->front() : 0;
  }

  std::vector<MentionResolution> Resolutions(DocId doc, NodeId node) {
    auto m = store_->NewReader()->GetMention(doc, node);
    EXPECT_TRUE(m.ok()) << m.status();
    return m.ok() && *m ? (*m)->resolutions : std::vector<MentionResolution>();
  }

  std::vector<Evidence> EvidenceOf(NodeId src) {
    auto reader = store_->NewReader();
    std::vector<Evidence> out;
    auto edges = reader->EdgesAt(src);
    EXPECT_TRUE(edges.ok());
    for (EdgeId e : *edges) {
      auto ev = reader->EvidenceFor(e);
      EXPECT_TRUE(ev.ok());
      out.insert(out.end(), ev->begin(), ev->end());
    }
    return out;
  }

  // "François Hollande" named in full, then by a short form the extractor
  // resolved in the same document.
  DocumentInput first_ = [] {
    Triple full = T("François Hollande", "visit", "Moscow", 0);
    full.subject_labels = {"Person"};
    full.subject_reason = "proper name";
    Triple short_form = T("François Hollande", "meet", "Vladimir Putin", 1);
    short_form.subject_labels = {"Person"};
    short_form.subject_mention = "Hollande";
    short_form.subject_aliases = {"Hollande"};
    short_form.subject_reason = "short form of François Hollande (same document)";
    return Doc("a.txt", {full, short_form});
  }();
  std::unique_ptr<Store> store_;
};

TEST_F(MentionReasons, TheExtractorsReasonStaysBesideTheMentionInTheEvidence) {
  Add(first_);
  NodeId hollande = Node("François Hollande");
  bool saw_short = false, saw_full = false;
  for (const Evidence& ev : EvidenceOf(hollande)) {
    if (ev.sentence == 1) {
      saw_short = true;
      EXPECT_EQ(ev.subject_mention, "Hollande");
      EXPECT_EQ(ev.subject_reason, "short form of François Hollande (same document)");
    } else {
      saw_full = true;
      // Named by its own name: neither mention nor reason is repeated.
      EXPECT_EQ(ev.subject_mention, "");
      EXPECT_EQ(ev.subject_reason, "");
    }
  }
  EXPECT_TRUE(saw_short);
  EXPECT_TRUE(saw_full);
}

TEST_F(MentionReasons, TheDocumentsMentionRecordSaysHowEachMentionResolved) {
  DocId a = Add(first_);
  auto r = Resolutions(a, Node("François Hollande"));
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].mention, "François Hollande");
  EXPECT_EQ(r[0].name, "François Hollande");
  EXPECT_EQ(r[0].reason, "proper name");
  EXPECT_EQ(r[0].store, "new node");
  EXPECT_EQ(r[0].count, 1);
  EXPECT_EQ(r[1].mention, "Hollande");
  EXPECT_EQ(r[1].reason, "short form of François Hollande (same document)");
  // The second statement found the node the first one created.
  EXPECT_NE(r[1].store.find("same normalised name as node"), std::string::npos) << r[1].store;
  EXPECT_NE(r[1].store.find("created by this document"), std::string::npos) << r[1].store;
}

TEST_F(MentionReasons, ALaterDocumentsMergeIntoAnExistingNodeSaysWhyAndByWhichName) {
  Add(first_);
  NodeId hollande = Node("François Hollande");
  Triple by_alias = T("Hollande", "call", "Angela Merkel", 0);
  by_alias.subject_labels = {"Person"};
  by_alias.subject_reason = "proper name";
  Triple by_name = T("FRANCOIS HOLLANDE", "call", "Angela Merkel", 1);  // Normalises alike.
  DocId b = Add(Doc("b.txt", {by_alias, by_name}));
  ASSERT_EQ(Node("Hollande"), hollande);

  auto r = Resolutions(b, hollande);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].mention, "Hollande");
  EXPECT_EQ(r[0].reason, "proper name");
  // Hollande is the surname of the one stored person so named.
  EXPECT_EQ(r[0].store, "surname of François Hollande (node " + std::to_string(hollande) +
                            "), the one stored person so named; alias \"Hollande\" of node " +
                            std::to_string(hollande) +
                            " \"François Hollande\" (created by a.txt); labels agree: Person");
  EXPECT_EQ(r[1].mention, "FRANCOIS HOLLANDE");
  EXPECT_EQ(r[1].reason, "");
  EXPECT_EQ(r[1].store, "same normalised name as node " + std::to_string(hollande) +
                            " \"François Hollande\" (created by a.txt); labels agree: the "
                            "mention has none");
  // Merkel is new in b; its second statement found what the first created.
  auto merkel = Resolutions(b, Node("Angela Merkel"));
  ASSERT_EQ(merkel.size(), 2u);
  EXPECT_EQ(merkel[0].store, "new node");
  EXPECT_EQ(merkel[0].count, 1);
  EXPECT_NE(merkel[1].store.find("(created by this document)"), std::string::npos)
      << merkel[1].store;
}

TEST_F(MentionReasons, RemovingADocumentDropsItsMentionRecordsAndKeepsTheOthers) {
  DocId a = Add(first_);
  NodeId hollande = Node("François Hollande");
  Triple later = T("Hollande", "call", "Angela Merkel", 0);
  later.subject_labels = {"Person"};
  later.subject_reason = "proper name";
  DocId b = Add(Doc("b.txt", {later}));
  ASSERT_EQ(Resolutions(b, hollande).size(), 1u);

  auto removed = RemoveSource(*store_, "b.txt");
  ASSERT_TRUE(removed.ok()) << removed.status();
  auto reader = store_->NewReader();
  auto gone = reader->GetMention(b, hollande);
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(*gone);
  auto naming = reader->DocumentsNaming(hollande);
  ASSERT_TRUE(naming.ok());
  EXPECT_EQ(*naming, std::vector<DocId>{a});
  EXPECT_EQ(Resolutions(a, hollande).size(), 2u);

  // Removing the creator too leaves no provenance record at all.
  ASSERT_TRUE(RemoveSource(*store_, "a.txt").ok());
  EXPECT_EQ(KeysIn(*store_, Cf::kProvenance), 0u);
}

TEST_F(MentionReasons, AMergeHandsTheMergedNodesResolutionsToTheKeptNode) {
  DocId a = Add(first_);
  Triple other = T("F. Hollande", "visit", "Berlin", 2);
  other.subject_mention = "F. H.";
  other.subject_reason = "initials";
  DocId b = Add(Doc("b.txt", {other}));
  NodeId kept = Node("François Hollande"), merged = Node("F. Hollande");
  {
    auto txn = store_->BeginWrite();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(MergeNodes(**txn, kept, merged, "user: kg.merge").ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  auto r = Resolutions(b, kept);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].mention, "F. H.");
  EXPECT_EQ(r[0].reason, "initials");
  EXPECT_EQ(Resolutions(a, kept).size(), 2u);
}

TEST_F(MentionReasons, ASplitTakesTheResolutionsWrittenAsTheAliasAlong) {
  DocId a = Add(first_);
  NodeId hollande = Node("François Hollande");
  NodeId split_off = 0;
  {
    auto txn = store_->BeginWrite();
    ASSERT_TRUE(txn.ok());
    auto split = SplitNode(**txn, hollande, "Hollande", "user: kg.split");
    ASSERT_TRUE(split.ok()) << split.status();
    split_off = split->node;
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  auto moved = Resolutions(a, split_off);
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0].mention, "Hollande");
  EXPECT_EQ(moved[0].reason, "short form of François Hollande (same document)");
  auto stayed = Resolutions(a, hollande);
  ASSERT_EQ(stayed.size(), 1u);
  EXPECT_EQ(stayed[0].mention, "François Hollande");
}

TEST_F(MentionReasons, ABadReasonIsRejectedNamingItsTripleAndNothingIsWritten) {
  Triple bad = T("Putin", "cancel", "visit", 0);
  bad.object_reason = std::string("\xff\xfe");
  DocumentInput d = Doc("bad.txt", {T("Russia", "veto", "resolution", 0), bad});
  auto r = AddDocument(*store_, d);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "triple 2: resolution reason is not valid UTF-8 (byte 0)");
  EXPECT_EQ(store_->counters().docs, 0);
  EXPECT_EQ(store_->counters().nodes, 0);
}

}  // namespace
}  // namespace quiver::graph
