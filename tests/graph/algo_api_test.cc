// The public quiver::algo calls, through a Database.

#include "quiver/algorithms.h"

#include "gtest/gtest.h"
#include "quiver/database.h"

namespace quiver {
namespace {

std::unique_ptr<Database> OpenWith(const std::vector<std::array<std::string, 3>>& facts) {
  Options options;
  options.in_memory = true;
  auto db = Database::Open("/algo-api-test", options);
  EXPECT_TRUE(db.ok()) << db.status();
  DocumentInput doc;
  doc.content = "facts";
  for (const auto& [s, t, o] : facts) {
    Triple triple;
    triple.subject = s;
    triple.relation = t;
    triple.object = o;
    doc.triples.push_back(triple);
  }
  EXPECT_TRUE((*db)->AddDocument(doc).ok());
  return std::move(*db);
}

NodeId Id(Database& db, const std::string& name) {
  auto nodes = db.FindNodes(name);
  EXPECT_TRUE(nodes.ok() && nodes->size() == 1);
  return nodes->at(0).id;
}

TEST(AlgoApi, PageRankCoversEveryNodeByIdAndSeesLaterWrites) {
  auto db = OpenWith({{"Paris", "capital_of", "France"}, {"Lyon", "city_of", "France"}});
  auto pr = algo::PageRank(*db);
  ASSERT_TRUE(pr.ok()) << pr.status();
  ASSERT_EQ(pr->size(), 3u);
  EXPECT_LT(pr->at(0).node, pr->at(1).node);
  double france = 0, total = 0;
  for (const auto& s : *pr) {
    total += s.score;
    if (s.node == Id(*db, "France")) france = s.score;
  }
  EXPECT_NEAR(total, 1.0, 1e-12);
  for (const auto& s : *pr) EXPECT_LE(s.score, france);

  DocumentInput more;
  more.content = "more";
  Triple t;
  t.subject = "Nice";
  t.relation = "city_of";
  t.object = "France";
  more.triples.push_back(t);
  ASSERT_TRUE(db->AddDocument(more).ok());
  auto after = algo::PageRank(*db);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->size(), 4u);
}

TEST(AlgoApi, FiltersByTypeNameAndUnknownTypeMatchesNothing) {
  auto db = OpenWith({{"A", "x", "B"}, {"B", "y", "C"}});
  AlgoFilter f;
  f.types = {"x"};
  auto deg = algo::Degrees(*db, f);
  ASSERT_TRUE(deg.ok());
  int64_t total = 0;
  for (auto d : *deg) total += d.degree;
  EXPECT_EQ(total, 1);
  f.types = {"no_such_type"};
  deg = algo::Degrees(*db, f);
  ASSERT_TRUE(deg.ok());
  for (auto d : *deg) EXPECT_EQ(d.degree, 0);
  auto wcc = algo::WeaklyConnectedComponents(*db, {"no_such_type"});
  ASSERT_TRUE(wcc.ok());
  EXPECT_EQ(wcc->back().component, 2);  // Three singletons.
}

TEST(AlgoApi, PathNeighbourhoodAndErrors) {
  auto db = OpenWith({{"A", "x", "B"}, {"B", "x", "C"}});
  NodeId a = Id(*db, "A"), c = Id(*db, "C");
  auto path = algo::ShortestPath(*db, a, c);
  ASSERT_TRUE(path.ok() && path->has_value());
  EXPECT_EQ((*path)->nodes.size(), 3u);
  EXPECT_EQ((*path)->nodes.front(), a);
  EXPECT_EQ((*path)->nodes.back(), c);
  auto back = algo::ShortestPath(*db, c, a);
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->has_value());
  auto hood = algo::Neighbourhood(*db, a, 1);
  ASSERT_TRUE(hood.ok());
  EXPECT_EQ(hood->size(), 2u);
  EXPECT_EQ(algo::Neighbourhood(*db, 424242, 1).status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(algo::Neighbourhood(*db, a, -1).status().code(),
            absl::StatusCode::kInvalidArgument);
  PageRankOptions bad;
  bad.damping = 2;
  EXPECT_EQ(algo::PageRank(*db, bad).status().code(), absl::StatusCode::kInvalidArgument);
  auto scc = algo::StronglyConnectedComponents(*db);
  ASSERT_TRUE(scc.ok());
  EXPECT_EQ(scc->size(), 3u);
  auto bc = algo::Betweenness(*db);
  ASSERT_TRUE(bc.ok());
  for (auto s : *bc) EXPECT_DOUBLE_EQ(s.score, s.node == Id(*db, "B") ? 1.0 : 0.0);
}

}  // namespace
}  // namespace quiver
