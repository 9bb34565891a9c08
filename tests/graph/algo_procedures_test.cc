// The algo.* procedures through Database::Query.

#include "gtest/gtest.h"
#include "quiver/database.h"
#include "quiver/result.h"

namespace quiver {
namespace {

class AlgoProcedures : public ::testing::Test {
 protected:
  void SetUp() override {
    Options options;
    options.in_memory = true;
    auto db = Database::Open("/algo-procedures-test", options);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    DocumentInput doc;
    doc.content = "facts";
    for (auto [s, t, o] : std::vector<std::array<const char*, 3>>{
             {"A", "x", "B"}, {"B", "x", "C"}, {"C", "y", "A"}, {"D", "x", "E"}}) {
      Triple triple;
      triple.subject = s;
      triple.relation = t;
      triple.object = o;
      doc.triples.push_back(triple);
    }
    ASSERT_TRUE(db_->AddDocument(doc).ok());
  }
  std::vector<ValueList> Rows(const std::string& q) {
    auto r = db_->Query(q);
    EXPECT_TRUE(r.ok()) << q << ": " << r.status();
    return r.ok() ? r->rows() : std::vector<ValueList>();
  }
  std::unique_ptr<Database> db_;
};

TEST_F(AlgoProcedures, PagerankScoresSumToOneInNodeOrder) {
  auto rows = Rows("CALL algo.pagerank({iterations: 30, damping: 0.85}) YIELD node, score "
                   "RETURN node.name, score");
  ASSERT_EQ(rows.size(), 5u);
  double total = 0;
  for (const auto& r : rows) total += r[1].AsDouble();
  EXPECT_NEAR(total, 1.0, 1e-9);
  EXPECT_EQ(rows[0][0].AsString(), "A");
  // The A -> B -> C -> A cycle holds rank; D only gives.
  EXPECT_GT(rows[0][1].AsDouble(), rows[3][1].AsDouble());
}

TEST_F(AlgoProcedures, ComponentsFollowTypesAndDirection) {
  auto wcc = Rows("CALL algo.wcc({}) YIELD node, component RETURN node.name, component");
  ASSERT_EQ(wcc.size(), 5u);
  EXPECT_EQ(wcc[0][1].AsInt(), 0);  // A
  EXPECT_EQ(wcc[2][1].AsInt(), 0);  // C
  EXPECT_EQ(wcc[3][1].AsInt(), 1);  // D
  auto scc = Rows("CALL algo.scc({types: ['x']}) YIELD node, component "
                  "RETURN count(DISTINCT component)");
  ASSERT_EQ(scc.size(), 1u);
  EXPECT_EQ(scc[0][0].AsInt(), 5);  // Without y, no cycle.
  auto deg = Rows("CALL algo.degree({direction: 'BOTH'}) YIELD node, degree "
                  "WHERE node.name = 'B' RETURN degree");
  ASSERT_EQ(deg.size(), 1u);
  EXPECT_EQ(deg[0][0].AsInt(), 2);
}

TEST_F(AlgoProcedures, NeighbourhoodAndBetweenness) {
  auto hood = Rows("MATCH (a {name: 'A'}) CALL algo.neighbourhood(a, 1) YIELD node, depth "
                   "RETURN node.name, depth");
  ASSERT_EQ(hood.size(), 3u);
  EXPECT_EQ(hood[0][0].AsString(), "A");
  EXPECT_EQ(hood[0][1].AsInt(), 0);
  auto bc = Rows("CALL algo.betweenness({}) YIELD node, score WHERE node.name = 'B' RETURN score");
  ASSERT_EQ(bc.size(), 1u);
  EXPECT_DOUBLE_EQ(bc[0][0].AsDouble(), 1.0);  // Only A -> C passes B.
}

TEST_F(AlgoProcedures, SeesTheLatestWrite) {
  ASSERT_EQ(Rows("CALL algo.wcc({}) YIELD node RETURN count(*)")[0][0].AsInt(), 5);
  Rows("CREATE (:Extra {name: 'F'})");
  EXPECT_EQ(Rows("CALL algo.wcc({}) YIELD node RETURN count(*)")[0][0].AsInt(), 6);
}

TEST_F(AlgoProcedures, TheConfigurationMayBeLeftOut) {
  const auto with_config = Rows("CALL algo.pagerank({}) YIELD node, score RETURN node.name, score");
  ASSERT_EQ(with_config.size(), 5u);
  EXPECT_EQ(Rows("CALL algo.pagerank() YIELD node, score RETURN node.name, score"), with_config);
  EXPECT_EQ(Rows("CALL algo.pagerank YIELD node, score RETURN node.name, score"), with_config);
  EXPECT_EQ(Rows("CALL algo.pagerank()"), Rows("CALL algo.pagerank({})"));
  EXPECT_EQ(Rows("CALL algo.pagerank"), Rows("CALL algo.pagerank({})"));
  EXPECT_EQ(Rows("CALL algo.wcc() YIELD node RETURN count(*)")[0][0].AsInt(), 5);
  auto r = db_->Query("CALL algo.pagerank({}, 1) YIELD node RETURN node");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("takes between 0 and 1 argument(s), not 2"),
            std::string::npos)
      << r.status();
}

TEST_F(AlgoProcedures, BadConfigIsAProcedureError) {
  auto r = db_->Query("CALL algo.pagerank({damping: 3}) YIELD node RETURN node");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("damping must be a number from 0 to 1"),
            std::string::npos) << r.status();
  r = db_->Query("CALL algo.wcc({colour: 'red'}) YIELD node RETURN node");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("unknown config key 'colour'"), std::string::npos);
}

}  // namespace
}  // namespace quiver
