// Store-side acronyms (graph/acronym_resolver.h) through graph::AddDocument:
// an acronym and the organisation whose initials it is are one node in any
// order; two organisations with the same initials are never merged with it.
// Every store built here must pass the store checker (ResolutionTest).

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "graph/acronym_resolver.h"
#include "graph/curation.h"
#include "tests/graph/resolution_fixture.h"

namespace quiver::graph {
namespace {

const Side kCouncil{"the Northern Rivers Council", {"Organization"}, {}, ""};
const Side kRoads{"Northern Roads Commission", {"Organization"}, {}, ""};
const Side kNrc{"NRC", {"Organization"}, {}, ""};
const Side kKari{"Kari Holm", {"Person"}, {"Holm"}, ""};
const Side kTromso{"Tromso", {"City"}, {}, ""};
const Side kSyrian{"the Syrian National Council", {"Organization"}, {}, ""};
const Side kSomali{"the Somali National Congress", {"Organization"}, {}, ""};
const Side kSnc{"SNC", {"Organization"}, {}, ""};
const Side kPlan{"the plan", {}, {}, ""};
const Side kGeneva{"Geneva", {"City"}, {}, ""};
const Side kMogadishu{"Mogadishu", {"City"}, {}, ""};

class AcronymResolution : public ResolutionTest {
 protected:
  std::string Ambiguous(const std::string& name, NodeId first, const std::string& first_name,
                        NodeId second, const std::string& second_name) {
    return absl::StrCat("ambiguous acronym \"", name,
                        "\": 2 stored organisations have those initials (node ", first, " \"",
                        first_name, "\", node ", second, " \"", second_name,
                        "\"), so it was merged with none of them");
  }
};

// Issue 11 §3's acronyms: "The Syrian National Council met in Geneva.",
// "SNC rejected the plan.", "The Somali National Congress met in
// Mogadishu.".
const std::vector<std::vector<Triple>> kSncs = {
    {Stated(kSyrian, "meet in", kGeneva, 0)},
    {Stated(kSnc, "reject", kPlan, 0)},
    {Stated(kSomali, "meet in", kMogadishu, 0)},
};
const ShortNameCase kNrcCase{{{Stated(kCouncil, "fund", kTromso, 0)},
                              {Stated(kNrc, "criticise", kKari, 0)},
                              {Stated(kRoads, "fund", kTromso, 0)}},
                             "the Northern Rivers Council",
                             "NRC",
                             "criticise",
                             "Kari Holm",
                             "Northern Roads Commission"};
const ShortNameCase kSncCase{kSncs, "the Syrian National Council", "SNC", "reject", "the plan",
                             "the Somali National Congress"};

TEST(InitialsTest, LeaveOutTheOfAndAndNeedTwoWords) {
  EXPECT_EQ(Initials("the Syrian National Council"), "SNC");
  EXPECT_EQ(Initials("Bank of Norway and Sweden"), "BNS");
  EXPECT_EQ(Initials("Council"), "");
  EXPECT_EQ(Initials("The Council"), "");  // One initial is no acronym.
  EXPECT_TRUE(IsAcronym("SNC"));
  EXPECT_FALSE(IsAcronym("Snc"));
  EXPECT_FALSE(IsAcronym("S"));
}

TEST_F(AcronymResolution, AnyOrderOfTheDocumentsGivesTheSameGraph) {
  const std::vector<std::vector<Triple>> docs = {
      {Stated(kCouncil, "fund", kTromso, 0)},
      {Stated(kKari, "lead", kNrc, 0)},
      {Stated(kNrc, "criticise", kKari, 0)},
  };
  const std::string first = SameGraphInEveryOrder(docs);
  EXPECT_EQ(Nodes().size(), 3u) << first;  // Council, Kari Holm, Tromso.
  EXPECT_NE(first.find("node the Northern Rivers Council [Organization] {NRC,the Northern "
                       "Rivers Council} mentions 3"),
            std::string::npos)
      << first;
}

TEST_F(AcronymResolution, AcronymAfterTheNameSaysWhichOrganisation) {
  Add("a", {Stated(kCouncil, "fund", kTromso, 0)});
  DocId b = Add("b", {Stated(kKari, "lead", kNrc, 0)});
  NodeId council = Only("the Northern Rivers Council");
  EXPECT_EQ(Facts(Only("Kari Holm"), "lead", council).size(), 1u);
  auto reasons = StoreReasons(b, council);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].rfind(absl::StrCat("acronym of the Northern Rivers Council (node ",
                                          council,
                                          "), the one stored organisation with those initials; "),
                             0),
            0u)
      << reasons[0];
}

TEST_F(AcronymResolution, NameAfterTheAcronymAbsorbsItWithALoggedReason) {
  Add("b", {Stated(kKari, "lead", kNrc, 0)});
  NodeId nrc = Only("NRC");
  Add("a", {Stated(kCouncil, "fund", kTromso, 0)});
  NodeId council = Only("the Northern Rivers Council");
  EXPECT_EQ(Only("NRC"), council);
  auto log = CurationLog(*store_->NewReader());
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);
  EXPECT_EQ((*log)[0].other, nrc);
  EXPECT_EQ((*log)[0].reason,
            absl::StrCat("ingest: \"NRC\" (node ", nrc,
                         ") is the acronym of the Northern Rivers Council (node ", council,
                         "), the one stored organisation with those initials"));
  // kg.split takes it back, and a later acronym stays with the split-off node.
  NodeId split = Split(council, "NRC");
  ASSERT_NE(split, 0u);
  Add("c", {Stated(kNrc, "criticise", kKari, 0)});
  EXPECT_EQ(Facts(split, "criticise", Only("Kari Holm")).size(), 1u);
  EXPECT_TRUE(Facts(council, "criticise", Only("Kari Holm")).empty());
}

TEST_F(AcronymResolution, TwoOrganisationsWithTheInitialsAreNeverMerged) {
  Add("a", {Stated(kCouncil, "fund", kTromso, 0)});
  Add("r", {Stated(kRoads, "fund", kTromso, 0)});
  DocId b = Add("b", {Stated(kKari, "lead", kNrc, 0)});
  NodeId council = Only("the Northern Rivers Council"), roads = Only("Northern Roads Commission");
  NodeId nrc = Only("NRC");
  EXPECT_NE(nrc, council);
  EXPECT_NE(nrc, roads);
  auto reasons = StoreReasons(b, nrc);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0],
            Ambiguous("NRC", roads, "Northern Roads Commission", council,
                      "the Northern Rivers Council") +
                "; new node");  // By name, not in the order they were stored.
}

TEST_F(AcronymResolution, ASecondOrganisationWithTheInitialsMakesThemAmbiguousInEveryOrder) {
  // A, B, C put "SNC" on the Syrian council first (the one organisation
  // then), B, A, C had the council absorb it: the Somali congress undoes
  // both, as A, C, B never merged it.
  const std::string first = SameGraphInEveryOrder(kSncs, Compare::kGraphAndMentions);
  EXPECT_EQ(Nodes().size(), 6u) << first;
  EXPECT_NE(first.find("edge SNC -reject-> the plan count 1: doc1.txt#0 '' ''"),
            std::string::npos)
      << first;
  EXPECT_NE(first.find("node SNC [Organization] {SNC} mentions 1"), std::string::npos) << first;
  EXPECT_NE(first.find("node the Syrian National Council [Organization] {the Syrian National "
                       "Council} mentions 1"),
            std::string::npos)
      << first;
  EXPECT_EQ(first.find("the Syrian National Council -reject->"), std::string::npos) << first;
  EXPECT_NE(first.find("mention doc1.txt SNC x1 created {SNC} [Organization] added {SNC} "
                       "[Organization] (SNC | SNC |  | ambiguous acronym \"SNC\": 2 stored "
                       "organisations have those initials (node <the Somali National Congress> "
                       "\"the Somali National Congress\", node <the Syrian National Council> "
                       "\"the Syrian National Council\"), so it was merged with none of them; "
                       "new node | 1)"),
            std::string::npos)
      << first;
}

TEST_F(AcronymResolution, AMovedAcronymIsRecordedAsAmbiguousWithBothCandidates) {
  ExpectCMovesTheMentionApart(kSncCase, [&](NodeId somali, NodeId syrian) {
    return Ambiguous("SNC", somali, "the Somali National Congress", syrian,
                     "the Syrian National Council");
  });
}

TEST_F(AcronymResolution, AMovedAcronymTakesTheAliasesAndLabelsOnlyItGave) {
  // "the SNC" (unlabelled, written so) and a labelled "SNC" in two
  // documents: on the Syrian council while it is the one SNC (the second
  // finds it by the alias the first gave), on the acronym's node after the
  // Somali congress, in every one of the 24 orders; the council keeps
  // neither. (The mention records differ, as they do for surnames: which
  // document created the acronym's node follows the order.)
  const std::string first = SameGraphInEveryOrder(
      {
          kSncs[0],
          kSncs[1],
          {Stated(kKari, "meet", {"SNC", {}, {"the SNC"}, "the SNC"}, 0)},
          kSncs[2],
      });
  EXPECT_NE(first.find("node SNC [Organization] {SNC,the SNC} mentions 2"), std::string::npos)
      << first;
  EXPECT_NE(first.find("node the Syrian National Council [Organization] {the Syrian National "
                       "Council} mentions 1"),
            std::string::npos)
      << first;
  EXPECT_NE(first.find("edge Kari Holm -meet-> SNC count 1: doc2.txt#0 '' 'the SNC'"),
            std::string::npos)
      << first;
}

TEST_F(AcronymResolution, OnlyAnOrganisationItsOwnDocumentCallsSoKeepsTheAcronym) {
  // "The Syrian National Council (SNC)": the council's own document gives
  // it the acronym, so "SNC" finds it by that alias whether the Somali
  // congress came before (A, C, B) or after (A, B, C), and stays. Without
  // that alias, "SNC" is apart in both orders.
  const std::vector<Triple> named_so = {
      Stated({"the Syrian National Council", {"Organization"}, {"SNC"}, ""}, "meet in", kGeneva,
             0)};
  for (bool own_alias : {false, true}) {
    for (bool somali_first : {false, true}) {
      SCOPED_TRACE(
          absl::StrCat(own_alias ? "named so, " : "", somali_first ? "A, C, B" : "A, B, C"));
      store_ = OpenInMemory(absl::StrCat("/own-", own_alias, "-", somali_first));
      ASSERT_TRUE(store_);
      Add("a", own_alias ? named_so : kSncs[0]);
      if (somali_first) Add("c", kSncs[2]);
      DocId b = Add("b", kSncs[1]);
      if (!somali_first) Add("c", kSncs[2]);
      NodeId syrian = Only("the Syrian National Council");
      EXPECT_EQ(Facts(syrian, "reject", Only("the plan")).size(), own_alias ? 1u : 0u);
      EXPECT_EQ(HasMention(b, syrian), own_alias);
      EXPECT_EQ(NamedExactly("SNC") != 0, !own_alias);
      ExpectStoreChecks();
    }
  }
}

TEST_F(AcronymResolution, ADocumentNamingTheCouncilBothWaysKeepsOnlyItsOwnAcronym) {
  // E names the council in full and, in another statement, "SNC" (placed
  // by the acronym rule): E's mentions stay, as for surnames; it gives the
  // council no acronym of its own, so B's "SNC" still moves.
  Add("a", kSncs[0]);
  DocId e = Add("e", {Stated(kSyrian, "meet in", kMogadishu, 0),
                      Stated(kSnc, "criticise", kKari, 1)});
  DocId b = Add("b", kSncs[1]);
  Add("c", kSncs[2]);
  NodeId syrian = Only("the Syrian National Council"), snc = NamedExactly("SNC");
  ASSERT_NE(snc, 0u);
  EXPECT_TRUE(HasMention(e, syrian));
  EXPECT_EQ(Facts(syrian, "criticise", Only("Kari Holm")).size(), 1u);
  EXPECT_FALSE(HasMention(b, syrian));
  EXPECT_EQ(Facts(snc, "reject", Only("the plan")).size(), 1u);
}

TEST_F(AcronymResolution, AUsersMergeOrSplitOfTheAcronymStillWins) {
  // SNC split off the Syrian council (and, the second time, merged back):
  // the user's word stands; NRC, which only the rule put on the Northern
  // Rivers Council, is ambiguous after the Northern Roads Commission.
  for (bool merged_back : {false, true}) {
    SCOPED_TRACE(merged_back ? "split, then merged back" : "split");
    store_ = OpenInMemory(merged_back ? "/ruled-merged" : "/ruled-split");
    ASSERT_TRUE(store_);
    ExpectAUsersRulingStands(kSncCase, kNrcCase, merged_back);
  }
}

TEST_F(AcronymResolution, RemovingTheSecondOrganisationLeavesTheAcronymApart) {
  // As for surnames; "SNC" alone would find the acronym's node by its name,
  // so the document that takes it back names the council.
  ExpectRemovingCLeavesTheMentionApart(kSncCase, "ambiguous acronym \"SNC\"",
                                       {Stated(kSyrian, "meet in", kMogadishu, 0)});
}

}  // namespace
}  // namespace quiver::graph
