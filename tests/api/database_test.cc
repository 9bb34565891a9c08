#include "quiver/database.h"

#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::TempDir;

DocumentInput Article() {
  DocumentInput doc;
  doc.source = "article.txt";
  doc.title = "Talks cancelled";
  doc.content = "President Hollande cancelled the meeting. Russia vetoed the resolution.";
  Triple cancel = testing::MakeTriple("François Hollande", "cancel", "meeting");
  cancel.subject_labels = {"Person"};
  cancel.subject_aliases = {"President Hollande"};
  cancel.object_labels = {"Concept"};
  cancel.text = "cancelled";
  cancel.sentence = 0;
  cancel.begin = 0;
  cancel.end = 41;
  cancel.sentence_text = "President Hollande cancelled the meeting.";
  Triple veto = testing::MakeTriple("Russia", "veto", "resolution");
  veto.subject_labels = {"Country"};
  veto.sentence = 1;
  veto.sentence_text = "Russia vetoed the resolution.";
  doc.triples = {cancel, veto};
  return doc;
}

// A database in `dir` holding one document that states `triples`; null
// (with the error reported) when that fails.
std::unique_ptr<Database> OpenWith(const TempDir& dir, std::vector<Triple> triples) {
  auto db = Database::Open(dir.Sub("g"));
  EXPECT_TRUE(db.ok()) << db.status();
  if (!db.ok()) return nullptr;
  DocumentInput doc;
  doc.content = "c";
  doc.triples = std::move(triples);
  auto added = (*db)->AddDocument(doc);
  EXPECT_TRUE(added.ok()) << added.status();
  return added.ok() ? std::move(*db) : nullptr;
}

TEST(Database, RoundTripThroughCloseAndReopen) {
  TempDir dir;
  EdgeId edge;
  {
    auto db = Database::Open(dir.Sub("g"));
    ASSERT_TRUE(db.ok()) << db.status();
    auto added = (*db)->AddDocument(Article());
    ASSERT_TRUE(added.ok()) << added.status();
    EXPECT_EQ(added->nodes_created, 4);
    EXPECT_EQ(added->edges_created, 2);
    auto hollande = (*db)->FindNodes("Hollande, President");
    EXPECT_TRUE(hollande->empty());
    auto nodes = (*db)->FindNodes("president hollande");
    ASSERT_EQ(nodes->size(), 1u);
    auto out = (*db)->Neighbors((*nodes)[0].id, Direction::kOutgoing);
    ASSERT_EQ(out->size(), 1u);
    edge = (*out)[0].edge.id;
  }
  auto db = Database::Open(dir.Sub("g"));
  ASSERT_TRUE(db.ok()) << db.status();
  auto nodes = (*db)->FindNodes("FRANCOIS  HOLLANDE");
  ASSERT_EQ(nodes->size(), 1u);
  const Node& h = (*nodes)[0];
  EXPECT_EQ(h.name, "François Hollande");
  EXPECT_EQ(h.labels, std::vector<std::string>{"Person"});
  EXPECT_EQ(h.aliases, (std::vector<std::string>{"François Hollande", "President Hollande"}));
  auto e = (*db)->GetEdge(edge);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->type, "cancel");
  EXPECT_EQ(e->properties.at("text"), Value("cancelled"));
  auto evidence = (*db)->EvidenceFor(edge);
  ASSERT_EQ(evidence->size(), 1u);
  EXPECT_EQ((*evidence)[0].text, "President Hollande cancelled the meeting.");
  EXPECT_EQ((*evidence)[0].end, 41u);
  auto doc = (*db)->GetDocument((*evidence)[0].doc);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->title, "Talks cancelled");
  EXPECT_EQ(doc->content_hash.size(), 32u);
}

TEST(Database, NeighborsByDirectionAndType) {
  TempDir dir;
  auto db = OpenWith(dir, {testing::MakeTriple("Fabius", "meet", "Lavrov"),
                           testing::MakeTriple("Lavrov", "criticise", "Fabius"),
                           testing::MakeTriple("Fabius", "minister_of", "France")});
  ASSERT_TRUE(db);
  NodeId fabius = (*db->FindNodes("fabius"))[0].id;
  EXPECT_EQ(db->Neighbors(fabius, Direction::kOutgoing)->size(), 2u);
  EXPECT_EQ(db->Neighbors(fabius, Direction::kIncoming)->size(), 1u);
  auto both = *db->Neighbors(fabius, Direction::kBoth);
  ASSERT_EQ(both.size(), 3u);
  auto meets = *db->Neighbors(fabius, Direction::kBoth, "meet");
  ASSERT_EQ(meets.size(), 1u);
  EXPECT_EQ(db->GetNode(meets[0].other)->name, "Lavrov");
  EXPECT_EQ(meets[0].direction, Direction::kOutgoing);
  auto crit = *db->Neighbors(fabius, Direction::kIncoming, "criticise");
  ASSERT_EQ(crit.size(), 1u);
  EXPECT_EQ(crit[0].direction, Direction::kIncoming);
  EXPECT_TRUE(db->Neighbors(fabius, Direction::kBoth, "no_such_type")->empty());
}

TEST(Database, AdjacentListsWhatNeighborsListsWithoutEdgeRecords) {
  TempDir dir;
  auto db = OpenWith(dir, {testing::MakeTriple("Fabius", "meet", "Lavrov"),
                           testing::MakeTriple("Lavrov", "criticise", "Fabius"),
                           testing::MakeTriple("Fabius", "minister_of", "France"),
                           testing::MakeTriple("Fabius", "praise", "Fabius"),  // a self-loop
                           testing::MakeTriple("Fabius", "meet", "Kerry")});
  ASSERT_TRUE(db);
  NodeId fabius = (*db->FindNodes("fabius"))[0].id;
  for (Direction d : {Direction::kOutgoing, Direction::kIncoming, Direction::kBoth}) {
    for (std::optional<std::string_view> type :
         {std::optional<std::string_view>(), std::optional<std::string_view>("meet"),
          std::optional<std::string_view>("praise"),
          std::optional<std::string_view>("no_such_type")}) {
      auto full = *db->Neighbors(fabius, d, type);
      auto lean = *db->Adjacent(fabius, d, type);
      ASSERT_EQ(lean.size(), full.size()) << int(d);
      for (size_t i = 0; i < full.size(); ++i) {
        EXPECT_EQ(lean[i].edge, full[i].edge.id);
        EXPECT_EQ(lean[i].type, full[i].edge.type);
        EXPECT_EQ(lean[i].other, full[i].other);
        EXPECT_EQ(lean[i].direction, full[i].direction);
      }
    }
  }
  // The self-loop is seen from both ends when both directions are asked for.
  EXPECT_EQ(db->Adjacent(fabius, Direction::kBoth, "praise")->size(), 2u);
  EXPECT_EQ(db->Adjacent(fabius, Direction::kOutgoing)->size(), 4u);
}

TEST(Database, StatsCountEverything) {
  TempDir dir;
  auto db = *Database::Open(dir.Sub("g"));
  ASSERT_TRUE(db->AddDocument(Article()).ok());
  auto stats = db->GetStats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->nodes, 4);
  EXPECT_EQ(stats->edges, 2);
  EXPECT_EQ(stats->documents, 1);
  EXPECT_EQ(stats->evidence, 2);
  EXPECT_EQ(stats->labels.size(), 3u);
  ASSERT_EQ(stats->relation_types.size(), 2u);
  EXPECT_EQ(stats->relation_types[0].first, "cancel");  // ties sort by name
}

TEST(Database, AddAliasMakesTheNodeFindable) {
  TempDir dir;
  auto db = *Database::Open(dir.Sub("g"));
  ASSERT_TRUE(db->AddDocument(Article()).ok());
  NodeId id = (*db->FindNodes("Russia"))[0].id;
  ASSERT_TRUE(db->AddAlias(id, "Russian Federation").ok());
  auto found = db->FindNodes("russian federation");
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].id, id);
  EXPECT_EQ(db->AddAlias(9999, "x").code(), absl::StatusCode::kNotFound);
}

TEST(Database, MissingThingsAreNotFound) {
  TempDir dir;
  auto db = *Database::Open(dir.Sub("g"));
  EXPECT_EQ(db->GetNode(1).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(db->GetEdge(1).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(db->GetDocument(1).status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(db->FindNodes("nobody")->empty());
}

}  // namespace
}  // namespace quiver
