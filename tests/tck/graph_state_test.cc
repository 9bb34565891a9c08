#include "tests/tck/graph_state.h"

#include "gtest/gtest.h"
#include "quiver/database.h"

namespace quiver::tck {
namespace {

TEST(GraphState, ReadsNodesEdgesLabelsAndPropertiesFromTheStore) {
  Options options;
  options.in_memory = true;
  auto db = Database::Open("/tck-graph-state-test", options);
  ASSERT_TRUE(db.ok()) << db.status();
  auto empty = ReadGraphState(**db);
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_TRUE(empty->nodes.empty());

  DocumentInput doc;
  doc.content = "x";
  Triple t;
  t.subject = "Alice";
  t.relation = "knows";
  t.object = "Bob";
  t.subject_labels = {"Person"};
  doc.triples.push_back(t);
  ASSERT_TRUE((*db)->AddDocument(doc).ok());

  auto after = ReadGraphState(**db);
  ASSERT_TRUE(after.ok()) << after.status();
  EXPECT_EQ(after->nodes.size(), 2u);
  EXPECT_EQ(after->relationships.size(), 1u);
  EXPECT_EQ(after->labels, std::set<std::string>{"Person"});
  SideEffects e = Diff(*empty, *after);
  EXPECT_EQ(e.nodes_created, 2);
  EXPECT_EQ(e.relationships_created, 1);
  EXPECT_EQ(e.labels_added, 1);
  EXPECT_GT(e.properties_set, 0);  // At least the nodes' names.
  EXPECT_EQ(e.nodes_deleted, 0);
}

TEST(GraphState, DiffCountsDistinctLabelsAndChangedPropertiesBothWays) {
  GraphState before, after;
  before.nodes = {1, 2};
  after.nodes = {2, 3, 4};
  before.labels = {"A", "B"};
  after.labels = {"B", "C"};
  before.properties = {{'n', 1, "k", "1"}, {'n', 2, "k", "1"}};
  after.properties = {{'n', 2, "k", "2"}};
  before.relationships = {7};
  SideEffects e = Diff(before, after);
  EXPECT_EQ(e.nodes_created, 2);
  EXPECT_EQ(e.nodes_deleted, 1);
  EXPECT_EQ(e.labels_added, 1);
  EXPECT_EQ(e.labels_removed, 1);
  EXPECT_EQ(e.properties_set, 1);      // Node 2's k changed to 2...
  EXPECT_EQ(e.properties_removed, 2);  // ...after its old value and node 1's went.
  EXPECT_EQ(e.relationships_deleted, 1);
  EXPECT_EQ(ToString(e),
            "+nodes 2, -nodes 1, -relationships 1, +labels 1, -labels 1, +properties 1, "
            "-properties 2");
}

TEST(GraphState, ParsesSideEffectTables) {
  auto e = ParseSideEffects({{"+nodes", "2"}, {"-properties", "1"}});
  ASSERT_TRUE(e.ok()) << e.status();
  SideEffects want;
  want.nodes_created = 2;
  want.properties_removed = 1;
  EXPECT_TRUE(*e == want);
  EXPECT_EQ(ToString(SideEffects{}), "none");
  EXPECT_FALSE(ParseSideEffects({{"+widgets", "1"}}).ok());
  EXPECT_FALSE(ParseSideEffects({{"+nodes", "many"}}).ok());
  EXPECT_FALSE(ParseSideEffects({{"+nodes"}}).ok());
}

}  // namespace
}  // namespace quiver::tck
