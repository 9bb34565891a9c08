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

using AcronymResolution = ResolutionTest;

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
            absl::StrCat("ambiguous acronym \"NRC\": 2 stored organisations have those initials "
                         "(node ", council, " \"the Northern Rivers Council\", node ", roads,
                         " \"Northern Roads Commission\"), so it was merged with none of them; "
                         "new node"));
}

}  // namespace
}  // namespace quiver::graph
