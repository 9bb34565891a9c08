// Pattern elements nothing reads are bound to id-only stubs (the binder-slot
// use analysis of query/planner/use_analysis.h); every way a later clause
// can read one must still see the stored node or relationship.

#include <gtest/gtest.h>

#include <string>

#include "quiver/database.h"
#include "tests/query/example_graph.h"

namespace quiver {
namespace {

using testing::FormatResult;
using testing::OpenQueryTestDb;

class UseAnalysis : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenQueryTestDb(false);
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(db_->Query("CREATE (a:P {name: 'a', v: 1})-[:T {w: 5}]->(b:Q {name: 'b', v: 2}), "
                           "(b)-[:T {w: 7}]->(c:P {name: 'c', v: 3})")
                    .ok());
  }
  std::string Run(const std::string& q) {
    auto r = db_->Query(q);
    if (!r.ok()) return "ERROR " + std::string(r.status().message());
    return FormatResult(*r);
  }
  std::unique_ptr<Database> db_;
};

TEST_F(UseAnalysis, LaterClausesSeeStoredValues) {
  // Read by the projection, by ORDER BY, by WITH ... WHERE, by a later MATCH.
  EXPECT_EQ(Run("MATCH ({name: 'a'})-->(m) RETURN m.v"), "m.v\n2");
  EXPECT_EQ(Run("MATCH (x)-[r]->(y) RETURN x.name ORDER BY r.w DESC"), "x.name\n'b'\n'a'");
  EXPECT_EQ(Run("MATCH (x)-[r]->(y) WITH x WHERE x.v > 1 RETURN x.name"), "x.name\n'b'");
  EXPECT_EQ(Run("MATCH (x)-->(y) WITH x, y ORDER BY y.v RETURN x.name"), "x.name\n'a'\n'b'");
  EXPECT_EQ(Run("MATCH (x {name: 'a'})-->(y) MATCH (y)-->(z:P) RETURN z.name"), "z.name\n'c'");
  EXPECT_EQ(Run("MATCH (x {name: 'a'})-->(y) MATCH (y:Q) RETURN count(*)"), "count(*)\n1");
  EXPECT_EQ(Run("MATCH (x {name: 'a'})-->(y) WHERE (y)-->(:P {v: 3}) RETURN y.name"),
            "y.name\n'b'");
  EXPECT_EQ(Run("MATCH (x {name: 'a'})-[r]->() RETURN [k IN [1] | r.w] AS w"), "w\n[5]");
}

TEST_F(UseAnalysis, StarProjectionsReadEverything) {
  EXPECT_EQ(Run("MATCH ({name: 'a'})-->(m) RETURN *"),
            "m\n(:Q {name: 'b', v: 2})");
  EXPECT_EQ(Run("MATCH ({name: 'a'})-[r]->(m) WITH * RETURN r.w, m.name"), "r.w | m.name\n5 | 'b'");
}

TEST_F(UseAnalysis, NamesInCommentsOrOtherPartsDoNotConfuseIt) {
  // The old check searched the statement's text; slots cannot be fooled.
  EXPECT_EQ(Run("MATCH (x {name: 'a'})-->(y) /* y */ RETURN count(*) + 0 AS n"), "n\n1");
  EXPECT_EQ(Run("MATCH (x {name: 'a'})-->(y) WITH count(*) AS y RETURN y"), "y\n1");
  EXPECT_EQ(Run("MATCH (x {name: 'a'})-->(y) WITH x AS y RETURN y.name"), "y.name\n'a'");
}

TEST_F(UseAnalysis, UpdatesReadWhatTheyChange) {
  EXPECT_EQ(Run("MATCH ({name: 'a'})-->(m) SET m.v = m.v + 10 RETURN m.v"), "m.v\n12");
  EXPECT_EQ(Run("MATCH ({name: 'b'})-[r]->() DELETE r RETURN count(*)"), "count(*)\n1");
  EXPECT_EQ(Run("MATCH ()-[r]->() RETURN count(r)"), "count(r)\n1");
}

TEST_F(UseAnalysis, ExistencePatternsStillCheckLabelsAndProperties) {
  EXPECT_EQ(Run("MATCH (x {name: 'a'}) WHERE (x)-->()-->(:P) RETURN x.name"), "x.name\n'a'");
  EXPECT_EQ(Run("MATCH (x {name: 'a'}) WHERE (x)-->()-->(:Q) RETURN x.name"), "x.name");
  EXPECT_EQ(Run("MATCH (x {name: 'a'}) WHERE (x)-[{w: 5}]->({v: 2}) RETURN x.name"),
            "x.name\n'a'");
  EXPECT_EQ(Run("MATCH (x {name: 'a'}) WHERE (x)-[{w: 7}]->() RETURN x.name"), "x.name");
}

}  // namespace
}  // namespace quiver
