// MATCH ... RETURN count(*) folded into a counting match (CountMatchOp,
// query/planner/use_analysis.h) must count exactly the rows the general path
// builds: relationship uniqueness, self-loops, parallel edges, directions,
// type filters, several parts, WHERE, from the store and from the snapshot.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "quiver/database.h"
#include "tests/query/example_graph.h"

namespace quiver {
namespace {

using testing::OpenQueryTestDb;

constexpr int kNodes = 10;

// A small multigraph: random A/B edges, plus self-loops and parallel edges
// on purpose (n0 has a loop of each type, n1->n2 three times).
std::unique_ptr<Database> MultiGraph() {
  auto db = OpenQueryTestDb(false);
  if (!db) return nullptr;
  EXPECT_TRUE(db->Query(absl::StrCat("UNWIND range(0, ", kNodes - 1,
                                     ") AS i CREATE (:N {name: 'n' + toString(i), i: i})"))
                  .ok());
  testing::TestRandom random(99);
  struct Edge {
    int from, to;
    const char* type;
  };
  std::vector<Edge> edges;
  for (int e = 0; e < 30; ++e) {
    int from = random.Next() % kNodes;
    int to = random.Next() % kNodes;
    edges.push_back({from, to, random.Next() % 3 ? "A" : "B"});
  }
  edges.insert(edges.end(), {{0, 0, "A"}, {0, 0, "B"}, {1, 2, "A"}, {1, 2, "A"}, {1, 2, "B"},
                             {2, 1, "A"}, {3, 3, "A"}});
  for (const Edge& e : edges) {
    auto r = db->Query(absl::StrCat("MATCH (a {i: ", e.from, "}), (b {i: ", e.to, "}) CREATE (a)-[:",
                                    e.type, "]->(b)"));
    EXPECT_TRUE(r.ok()) << r.status();
  }
  return db;
}

// count(*) of `q`, or -1 (test failure) on error.
int64_t Count(Database& db, const std::string& q, const QueryOptions& options = {}) {
  auto r = db.Query(q, {}, options);
  EXPECT_TRUE(r.ok()) << q << ": " << r.status();
  if (!r.ok() || r->size() != 1 || !r->row(0)[0].is_int()) return -1;
  return r->row(0)[0].AsInt();
}

const char* const kPatterns[] = {
    "MATCH (a {name: 'n1'})-->()-->() ",
    "MATCH (a {name: 'n0'})-->()-->() ",
    "MATCH (a {name: 'n0'})--()--() ",
    "MATCH (a {name: 'n2'})<--()--() ",
    "MATCH (a {name: 'n1'})-->(m)<--(c) ",
    "MATCH (a {name: 'n1'})-[:A]->()-[:B|A]-() ",
    "MATCH (a {name: 'n1'})-[:A]->()-[:Missing]-() ",
    "MATCH ()-->()-->() ",
    "MATCH ()--()--()--() ",
    "MATCH (x)-[r]-(x) ",
    "MATCH (x)-->(y)-->(x) ",
    "MATCH ()-->(a {name: 'n2'})-->() ",
    "MATCH ()<--(a {name: 'n2'})--() ",
    "MATCH ()-[:B]->()-->() ",
    "MATCH ()-[:B]-()-[:A]-()-->() ",
    "MATCH (a)-->(b), (b)-->(c) ",
    "MATCH (a)-->(b), (c)-->(d) ",
    "MATCH (a:N)-->()-->() ",
    "MATCH (a)-->(b:N)-->() ",
    "MATCH (a)-[r]->()-->() WHERE r.missing IS NULL ",
    "MATCH (a)-->(b)-->(c) WHERE a.i < c.i ",
    "MATCH (a {name: 'n1'})-[*1..2]->()-->() ",
    "MATCH p = (a {name: 'n1'})-->()-->() ",
    "UNWIND [1, 2, 3] AS k MATCH (a {i: k})-->()-->() ",
    "MATCH (a) WHERE a.i > 100 MATCH (a)-->()-->() ",
    "MATCH (a {name: 'n1'}) MATCH (a)-->(b)-->(a) ",
    "MATCH (a {name: 'n1'}), (b {name: 'n2'}) MATCH (a)-->()-->(b) ",
};

// Folded (count(*) alone) against the general path (count(*) + 0 is not
// folded: the rows are built and aggregated), on the store's indexes
// (no snapshot for this state, none may be built) and on the snapshot.
TEST(CountFold, CountsWhatTheGeneralPathBuilds) {
  auto db = MultiGraph();
  ASSERT_NE(db, nullptr);
  QueryOptions store_only;
  store_only.build_snapshot = false;
  std::vector<int64_t> from_store;
  int nonzero = 0;
  for (const char* p : kPatterns) {
    int64_t folded = Count(*db, std::string(p) + "RETURN count(*)", store_only);
    int64_t general = Count(*db, std::string(p) + "RETURN count(*) + 0", store_only);
    EXPECT_EQ(folded, general) << p;
    from_store.push_back(general);
    nonzero += general > 0;
  }
  EXPECT_GE(nonzero, 20);  // The comparisons say something.

  // shortestPath builds (and caches) the snapshot of this state; expansions
  // and counts then read it.
  ASSERT_GE(Count(*db, "MATCH p = shortestPath((a {name: 'n1'})-[*]-(b {name: 'n2'})) "
                       "RETURN count(*)"),
            0);
  for (size_t i = 0; i < std::size(kPatterns); ++i) {
    std::string p = kPatterns[i];
    EXPECT_EQ(Count(*db, p + "RETURN count(*)"), from_store[i]) << p << " (snapshot)";
    EXPECT_EQ(Count(*db, p + "RETURN count(*) + 0"), from_store[i]) << p << " (snapshot)";
  }
}

TEST(CountFold, KnownCounts) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  // a -> b twice (parallel), b -> b (loop), b -> c.
  ASSERT_TRUE(db->Query("CREATE (a {name: 'a'}), (b {name: 'b'}), (c {name: 'c'}), "
                        "(a)-[:T]->(b), (a)-[:T]->(b), (b)-[:T]->(b), (b)-[:U]->(c)")
                  .ok());
  // Two ways to b, then b's loop or b->c from each: 2 * 2.
  EXPECT_EQ(Count(*db, "MATCH ({name: 'a'})-->()-->() RETURN count(*)"), 4);
  // The loop cannot be used twice in one path: b-loop-b then b->c only.
  EXPECT_EQ(Count(*db, "MATCH ({name: 'b'})-->()-->() RETURN count(*)"), 1);
  // Undirected from b: a (twice), b (loop once), c; then on from there
  // without reusing the first relationship.
  // via a (x2): a's other a-b edge back to b -> 2 paths
  // via loop to b: b's other edges a,a,c -> 3 paths
  // via c: c has no other edge -> 0
  EXPECT_EQ(Count(*db, "MATCH ({name: 'b'})--()--() RETURN count(*)"), 5);
  EXPECT_EQ(Count(*db, "MATCH ({name: 'a'})-[:U]->()-->() RETURN count(*)"), 0);
  EXPECT_EQ(Count(*db, "MATCH ({name: 'zzz'})-->()-->() RETURN count(*)"), 0);
  EXPECT_EQ(Count(*db, "MATCH ({name: 'a'})-->()-->() WITH count(*) AS n RETURN n * 10"), 40);
}

TEST(CountFold, ExplainShowsTheCountingMatch) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  auto r = db->Query("EXPLAIN MATCH (a {name: 'x'})-->()-->(c) RETURN count(*)");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_NE(r->plan().find("MatchCount"), std::string::npos) << r->plan();
  EXPECT_EQ(r->plan().find("Aggregation"), std::string::npos) << r->plan();
  // Not folded: another item, an OPTIONAL MATCH, DISTINCT.
  for (const std::string q : {"MATCH (a)-->(b) RETURN count(*), 1",
                              "OPTIONAL MATCH (a)-->(b) RETURN count(*)",
                              "MATCH (a)-->(b) RETURN count(DISTINCT b)"}) {
    r = db->Query("EXPLAIN " + q);
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->plan().find("MatchCount"), std::string::npos) << q << "\n" << r->plan();
  }
}

}  // namespace
}  // namespace quiver
