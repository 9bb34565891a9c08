// Store-side surname resolution (graph/surname_resolver.h) through
// graph::AddDocument: a full name and a surname alone in different documents
// are one node in any order; two people sharing a surname are never merged;
// kg.split undoes a surname merge and later documents respect it; a second
// person of the surname makes the mentions the first took by the surname
// alone ambiguous again, so the order of the documents does not matter.
// Every store built here must pass the store checker.

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/curation.h"
#include "graph/surname_resolver.h"
#include "tests/graph/resolution_fixture.h"

namespace quiver::graph {
namespace {

const Side kErik{"Erik Dahl", {"Person"}, {"Dahl"}, ""};
const Side kAnna{"Anna Dahl", {"Person"}, {"Dahl"}, ""};
const Side kMarta{"Marta Lind", {"Person"}, {"Lind"}, ""};
const Side kDahl{"Dahl", {}, {}, ""};
const Side kMinisterDahl{"Dahl", {"Person"}, {"Minister Dahl"}, "Minister Dahl"};
const Side kLind{"Lind", {}, {}, ""};
const Side kNordlys{"Nordlys", {"Organization"}, {}, ""};
const Side kBergen{"Bergen", {"City"}, {}, ""};
const Side kPlan{"the plan", {}, {}, ""};
const Side kNorway{"Norway", {"Country"}, {}, ""};
const Side kKarin{"Karin Lind", {"Person"}, {"Lind"}, ""};

class SurnameResolution : public ResolutionTest {
 protected:
  std::string Ambiguous(const std::string& name, NodeId first, const std::string& first_name,
                        NodeId second, const std::string& second_name) {
    return absl::StrCat("ambiguous surname \"", name, "\": 2 stored people have it (node ",
                        first, " \"", first_name, "\", node ", second, " \"", second_name,
                        "\"), so it was merged with none of them");
  }
};

// Issue 11 §3's three documents: "Erik Dahl praised the plan.", "Dahl
// praised Norway.", "Anna Dahl visited Bergen.".
const std::vector<std::vector<Triple>> kDahls = {
    {Stated(kErik, "praise", kPlan, 0)},
    {Stated(kDahl, "praise", kNorway, 0)},
    {Stated(kAnna, "visit", kBergen, 0)},
};
const ShortNameCase kDahlCase{kDahls, "Erik Dahl", "Dahl", "praise", "Norway", "Anna Dahl"};
const ShortNameCase kLindCase{{{Stated(kMarta, "meet", kBergen, 0)},
                               {Stated(kLind, "praise", kNordlys, 0)},
                               {Stated(kKarin, "visit", kBergen, 0)}},
                              "Marta Lind",
                              "Lind",
                              "praise",
                              "Nordlys",
                              "Karin Lind"};

TEST(SurnameKeyTest, IsTheNormalisedLastWordOfAFullName) {
  EXPECT_EQ(SurnameKey("Vladimir  PUTIN"), "putin");
  EXPECT_EQ(SurnameKey("Bashar al-Assad"), "al-assad");
  EXPECT_EQ(SurnameKey("Putin"), "");
}

TEST_F(SurnameResolution, AnyOrderOfTheDocumentsGivesTheSameGraph) {
  const std::vector<std::vector<Triple>> docs = {
      {Stated(kErik, "found", kNordlys, 0)},
      {Stated(kDahl, "visit", kBergen, 0), Stated(kLind, "praise", kNordlys, 1)},
      {Stated(kMarta, "meet", kMinisterDahl, 0)},
      {Stated(kLind, "criticise", kDahl, 0)},
  };
  const std::string first = SameGraphInEveryOrder(docs);
  // Erik Dahl, Marta Lind, Nordlys, Bergen: the surnames joined their people.
  EXPECT_EQ(Nodes().size(), 4u) << first;
  EXPECT_NE(first.find("node Erik Dahl [Person] {Dahl,Erik Dahl,Minister Dahl} mentions 4"),
            std::string::npos)
      << first;
  EXPECT_NE(first.find("edge Marta Lind -criticise-> Erik Dahl count 1: doc3.txt#0 'Lind' 'Dahl'"),
            std::string::npos)
      << first;
}

TEST_F(SurnameResolution, SurnameAfterFullNameSaysWhoItIs) {
  Add("a", {Stated(kErik, "found", kNordlys, 0)});
  DocId b = Add("b", {Stated(kDahl, "visit", kBergen, 0)});
  NodeId erik = Only("Erik Dahl");
  EXPECT_EQ(Facts(erik, "visit", Only("Bergen")).size(), 1u);
  auto reasons = StoreReasons(b, erik);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0], absl::StrCat("surname of Erik Dahl (node ", erik,
                                     "), the one stored person so named; alias \"Dahl\" of node ",
                                     erik, " \"Erik Dahl\" (created by a.txt); labels agree: "
                                     "the mention has none"));
}

TEST_F(SurnameResolution, FullNameAfterSurnameAbsorbsItWithALoggedReason) {
  Add("b", {Stated(kDahl, "visit", kBergen, 0)});
  NodeId dahl = Only("Dahl");
  Add("a", {Stated(kErik, "found", kNordlys, 0)});
  NodeId erik = Only("Erik Dahl");
  EXPECT_FALSE(store_->NewReader()->GetNode(dahl)->has_value());
  EXPECT_EQ(Facts(erik, "visit", Only("Bergen")).size(), 1u);
  auto log = CurationLog(*store_->NewReader());
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].kind, CurationKind::kMerge);
  EXPECT_EQ((*log)[0].node, erik);
  EXPECT_EQ((*log)[0].other, dahl);
  EXPECT_EQ((*log)[0].reason,
            absl::StrCat("ingest: \"Dahl\" (node ", dahl, ") is the surname of Erik Dahl (node ",
                         erik, "), the one stored person so named"));
}

TEST_F(SurnameResolution, ASurnameAndItsFullNameInOneDocumentBecomeOneNode) {
  // The document's own resolver missed it: the store still joins them, and
  // the statement written before the full name follows the merge.
  DocId doc = Add("one", {Stated(kDahl, "visit", kBergen, 0), Stated(kDahl, "meet", kErik, 1),
                          Stated(kErik, "found", kNordlys, 2)});
  NodeId erik = Only("Erik Dahl");
  EXPECT_EQ(Nodes().size(), 3u);
  EXPECT_EQ(Facts(erik, "visit", Only("Bergen")).size(), 1u);
  EXPECT_EQ(Facts(erik, "meet", erik).size(), 1u);
  auto mention = store_->NewReader()->GetMention(doc, erik);
  ASSERT_TRUE(mention.ok() && mention->has_value());
  EXPECT_EQ((*mention)->mentions, 4);
}

TEST_F(SurnameResolution, TwoPeopleSharingASurnameAreNeverMerged) {
  Add("a", {Stated(kErik, "found", kNordlys, 0)});
  Add("e", {Stated(kAnna, "visit", kNordlys, 0)});
  DocId b = Add("b", {Stated(kDahl, "visit", kBergen, 0)});
  DocId c = Add("c", {Stated(kDahl, "praise", kNordlys, 0)});
  NodeId erik = Only("Erik Dahl"), anna = Only("Anna Dahl");
  auto ids = store_->NewReader()->FindNodesByName("Dahl");
  ASSERT_TRUE(ids.ok());
  // Erik and Anna by their alias, and the surname alone, apart.
  ASSERT_EQ(ids->size(), 3u);
  NodeId dahl = 0;
  for (NodeId id : *ids)
    if (id != erik && id != anna) dahl = id;
  EXPECT_TRUE(Facts(erik, "visit", Only("Bergen")).empty());
  EXPECT_TRUE(Facts(anna, "visit", Only("Bergen")).empty());
  EXPECT_EQ(Facts(dahl, "visit", Only("Bergen")).size(), 1u);
  EXPECT_EQ(Facts(dahl, "praise", Only("Nordlys")).size(), 1u);  // The same ambiguous node.
  const std::string ambiguous = absl::StrCat(
      "ambiguous surname \"Dahl\": 2 stored people have it (node ", anna, " \"Anna Dahl\", node ",
      erik, " \"Erik Dahl\"), so it was merged with none of them; ");
  auto first = StoreReasons(b, dahl);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0], ambiguous + "new node");
  auto second = StoreReasons(c, dahl);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].rfind(ambiguous + "same normalised name as node", 0), 0u) << second[0];
  EXPECT_TRUE(CurationLog(*store_->NewReader())->empty());
}

TEST_F(SurnameResolution, AnOrganisationIsNoSurname) {
  Add("a", {Stated(kErik, "found", kNordlys, 0)});
  Add("f", {Stated({"Dahl", {"Organization"}, {}, ""}, "hire", kMarta, 0)});
  NodeId erik = Only("Erik Dahl");
  auto ids = store_->NewReader()->FindNodesByName("Dahl");
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(ids->size(), 2u);
  EXPECT_TRUE(Facts(erik, "hire", Only("Marta Lind")).empty());
}

TEST_F(SurnameResolution, SplitUndoesASurnameMergeAndLaterDocumentsRespectIt) {
  Add("b", {Stated(kDahl, "visit", kBergen, 0)});
  Add("a", {Stated(kErik, "found", kNordlys, 0)});
  NodeId erik = Only("Erik Dahl");
  NodeId dahl = Split(erik, "Dahl");
  ASSERT_NE(dahl, 0u);
  EXPECT_EQ(Facts(dahl, "visit", Only("Bergen")).size(), 1u);
  EXPECT_TRUE(Facts(erik, "visit", Only("Bergen")).empty());
  EXPECT_EQ(Facts(erik, "found", Only("Nordlys")).size(), 1u);

  // A later surname goes to the split-off node, and the full name, stated
  // again, takes it in no more.
  Add("g", {Stated(kDahl, "praise", kNordlys, 0)});
  Add("h", {Stated(kErik, "lead", kNordlys, 0)});
  EXPECT_TRUE(store_->NewReader()->GetNode(dahl)->has_value());
  EXPECT_EQ(Facts(dahl, "praise", Only("Nordlys")).size(), 1u);
  EXPECT_EQ(Facts(erik, "lead", Only("Nordlys")).size(), 1u);
  EXPECT_EQ(CurationLog(*store_->NewReader())->size(), 2u);  // The merge and the split.
}

TEST_F(SurnameResolution, ASecondPersonOfTheSurnameMakesItAmbiguousInEveryOrder) {
  // A, B, C put "Dahl" on Erik first (the one person then), B, A, C had
  // Erik absorb it: Anna's arrival undoes both, as A, C, B never merged it.
  const std::string first = SameGraphInEveryOrder(kDahls, Compare::kGraphAndMentions);
  EXPECT_EQ(Nodes().size(), 6u) << first;
  EXPECT_NE(first.find("edge Dahl -praise-> Norway count 1: doc1.txt#0 '' ''"), std::string::npos)
      << first;
  EXPECT_NE(first.find("node Dahl [] {Dahl} mentions 1"), std::string::npos) << first;
  EXPECT_NE(first.find("node Erik Dahl [Person] {Dahl,Erik Dahl} mentions 1"), std::string::npos)
      << first;
  EXPECT_EQ(first.find("Erik Dahl -praise-> Norway"), std::string::npos) << first;
  EXPECT_NE(first.find("mention doc1.txt Dahl x1 created {Dahl} [] added {Dahl} [] (Dahl | Dahl |  "
                       "| ambiguous surname \"Dahl\": 2 stored people have it (node <Anna Dahl> "
                       "\"Anna Dahl\", node <Erik Dahl> \"Erik Dahl\"), so it was merged with none "
                       "of them; new node | 1)"),
            std::string::npos)
      << first;
}

TEST_F(SurnameResolution, AMovedMentionIsRecordedAsAmbiguousWithBothCandidates) {
  ExpectCMovesTheMentionApart(kDahlCase, [&](NodeId anna, NodeId erik) {
    return Ambiguous("Dahl", anna, "Anna Dahl", erik, "Erik Dahl");
  });
}

TEST_F(SurnameResolution, AMovedMentionTakesTheAliasesAndLabelsOnlyItGave) {
  // "Minister Dahl" (a Person) and an unlabelled "Dahl" in two documents:
  // on Erik while he is the one Dahl, on the surname's node after Anna, in
  // every one of the 24 orders; Erik keeps no "Minister Dahl".
  const std::string first = SameGraphInEveryOrder({
      kDahls[0],
      kDahls[1],
      {Stated(kMarta, "meet", kMinisterDahl, 0)},
      kDahls[2],
  });
  EXPECT_NE(first.find("node Dahl [Person] {Dahl,Minister Dahl} mentions 2"), std::string::npos)
      << first;
  EXPECT_NE(first.find("node Erik Dahl [Person] {Dahl,Erik Dahl} mentions 1"), std::string::npos)
      << first;
  EXPECT_NE(first.find("edge Marta Lind -meet-> Dahl count 1: doc2.txt#0 '' 'Minister Dahl'"),
            std::string::npos)
      << first;
}

TEST_F(SurnameResolution, APersonWhoGainsTheSurnameLaterMakesItAmbiguousThen) {
  // Erik is stored first without his surname as an alias (a caller of
  // AddDocument gave none), so he is no candidate; the document that gives
  // it makes "Dahl" ambiguous, as a new person would.
  Add("c", kDahls[2]);
  DocId b = Add("b", kDahls[1]);
  NodeId anna = Only("Anna Dahl");
  Add("e", {Stated({"Erik Dahl", {"Person"}, {}, ""}, "lead", kNordlys, 0)});
  ASSERT_EQ(Facts(anna, "praise", Only("Norway")).size(), 1u);
  Add("a", kDahls[0]);
  NodeId dahl = NamedExactly("Dahl");
  ASSERT_NE(dahl, 0u);
  EXPECT_TRUE(Facts(anna, "praise", Only("Norway")).empty());
  EXPECT_EQ(Facts(dahl, "praise", Only("Norway")).size(), 1u);
  EXPECT_EQ(StoreReasons(b, dahl),
            std::vector<std::string>{Ambiguous("Dahl", anna, "Anna Dahl", Only("Erik Dahl"),
                                               "Erik Dahl") + "; new node"});
}

TEST_F(SurnameResolution, APersonKeepsTheSurnameItsOwnDocumentGaveIt) {
  // Erik's own document says "Dahl" too (the store resolved it there by
  // the surname, as the document named him): that stays his; another
  // document's "Dahl" does not.
  DocId a = Add("a", {Stated(kErik, "found", kNordlys, 0), Stated(kDahl, "visit", kBergen, 1)});
  DocId b = Add("b", kDahls[1]);
  // Later documents that name him in full too, or whose "Dahl" their own
  // resolver gave his full name: theirs as well.
  DocId e = Add("e", {Stated(kErik, "lead", kNordlys, 0), Stated(kDahl, "meet", kMarta, 1)});
  DocId f = Add("f", {Stated({"Erik Dahl", {"Person"}, {"Dahl"}, "Dahl"}, "praise", kBergen, 0)});
  NodeId erik = Only("Erik Dahl");
  ASSERT_EQ(Facts(erik, "visit", Only("Bergen")).size(), 1u);
  Add("c", {Stated(kAnna, "lead", kNordlys, 0)});
  EXPECT_EQ(Facts(erik, "meet", Only("Marta Lind")).size(), 1u);
  EXPECT_EQ(Facts(erik, "praise", Only("Bergen")).size(), 1u);
  EXPECT_TRUE(HasMention(e, erik));
  EXPECT_TRUE(HasMention(f, erik));
  NodeId dahl = NamedExactly("Dahl");
  ASSERT_NE(dahl, 0u);
  EXPECT_EQ(Facts(erik, "visit", Only("Bergen")).size(), 1u);
  EXPECT_EQ(Facts(dahl, "praise", Only("Norway")).size(), 1u);
  EXPECT_TRUE(Facts(erik, "praise", Only("Norway")).empty());
  EXPECT_TRUE(HasMention(a, erik));
  EXPECT_FALSE(HasMention(b, erik));
  EXPECT_EQ((*store_->NewReader()->GetNode(erik))->mentions, 5);
}

TEST_F(SurnameResolution, AUsersMergeOrSplitOfTheSurnameStillWins) {
  // The user split "Dahl" off Erik, then merged it back: Dahl is Erik. Lind,
  // which only the rule put on Marta, is ambiguous after Karin.
  ExpectAUsersRulingStands(kDahlCase, kLindCase, /*merged_back=*/true);
}

TEST_F(SurnameResolution, ASplitRuleKeepsTheSurnameOffItsPersonAfterASecondArrives) {
  ExpectAUsersRulingStands(kDahlCase, kLindCase, /*merged_back=*/false);
}

TEST_F(SurnameResolution, RemovingTheSecondPersonLeavesTheSurnameApart) {
  // Erik, the one Dahl again and named by it, takes the surname's node in
  // as any surname-only node.
  ExpectRemovingCLeavesTheMentionApart(kDahlCase, "ambiguous surname \"Dahl\"",
                                       {Stated(kDahl, "visit", kBergen, 0)});
  EXPECT_EQ(Facts(Only("Erik Dahl"), "visit", Only("Bergen")).size(), 1u);
}

}  // namespace
}  // namespace quiver::graph
