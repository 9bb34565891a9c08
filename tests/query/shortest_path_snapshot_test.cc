// shortestPath answers the same through the CSR snapshot (read-only
// statements on a small graph, query/exec/snapshot_paths.h) as through the
// store's breadth-first search (updating statements, and allShortestPaths,
// which always search the store).

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "quiver/database.h"
#include "tests/query/example_graph.h"

namespace quiver {
namespace {

using testing::OpenQueryTestDb;

constexpr int kNodes = 24;

// Length of the first row's path, -1 without rows, -2 on error; `first` and
// `last` get the path's end names.
int64_t LengthOf(Database& db, const std::string& q, const ValueMap& params,
                 std::string* first = nullptr, std::string* last = nullptr) {
  auto r = db.Query(q, params);
  EXPECT_TRUE(r.ok()) << q << ": " << r.status();
  if (!r.ok()) return -2;
  if (r->empty()) return -1;
  const ValueList& row = r->row(0);
  if (first && row.size() >= 3) {
    *first = row[1].AsString();
    *last = row[2].AsString();
  }
  return row[0].AsInt();
}

TEST(ShortestPathSnapshot, SameLengthsAsTheStoreSearch) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Query(absl::StrCat("UNWIND range(0, ", kNodes - 1,
                                     ") AS i CREATE (:N {name: 'n' + toString(i)})"))
                  .ok());
  // A sparse random digraph with two relationship types: some pairs are
  // unreachable one way, several have ties between shortest paths.
  testing::TestRandom random(12345);
  for (int e = 0; e < 40; ++e) {
    int a = random.Next() % kNodes, b = random.Next() % kNodes;
    std::string type = random.Next() % 3 == 0 ? "B" : "A";
    auto r = db->Query(absl::StrCat("MATCH (a {name: $a}), (b {name: $b}) CREATE (a)-[:", type,
                                    "]->(b)"),
                       {{"a", Value("n" + std::to_string(a))},
                        {"b", Value("n" + std::to_string(b))}});
    ASSERT_TRUE(r.ok()) << r.status();
  }

  int compared = 0, found = 0;
  for (const std::string arrow_l : {"-", "<-"}) {
    for (const std::string arrow_r : {"->", "-"}) {
      if (arrow_l == "<-" && arrow_r == "->") continue;
      for (const std::string types : {"", ":A", ":B|A", ":Missing"}) {
        std::string pattern = absl::StrCat("(a {name: $s})", arrow_l, "[", types, "*..8]",
                                           arrow_r, "(b {name: $t})");
        std::string read = absl::StrCat("MATCH p = shortestPath(", pattern,
                                        ") RETURN length(p), nodes(p)[0].name, "
                                        "nodes(p)[-1].name");
        std::string all = absl::StrCat("MATCH p = allShortestPaths(", pattern,
                                       ") RETURN length(p)");
        // SET makes the statement an updating one: the store search.
        std::string write = absl::StrCat("MATCH (x {name: $s}) SET x.seen = true WITH x ",
                                         "MATCH p = shortestPath(", pattern,
                                         ") RETURN length(p)");
        for (int s = 0; s < 8; ++s) {
          for (int t = 0; t < 8; ++t) {
            if (s == t) continue;
            ValueMap params{{"s", Value("n" + std::to_string(s))},
                            {"t", Value("n" + std::to_string(t))}};
            std::string first, last;
            int64_t snap = LengthOf(*db, read, params, &first, &last);
            int64_t store = LengthOf(*db, write, params);
            int64_t every = LengthOf(*db, all, params);
            SCOPED_TRACE(pattern + " n" + std::to_string(s) + " n" + std::to_string(t));
            EXPECT_EQ(snap, store);
            EXPECT_EQ(snap, every);
            if (snap > 0) {
              ++found;
              EXPECT_EQ(first, "n" + std::to_string(s));
              EXPECT_EQ(last, "n" + std::to_string(t));
            }
            ++compared;
          }
        }
      }
    }
  }
  EXPECT_EQ(compared, 3 * 4 * 56);
  EXPECT_GT(found, 50);  // The comparison says something.
}

// Once a snapshot of the store's state is cached (a shortestPath on a small
// graph builds one), read-only expansions read adjacency from it; updating
// statements still scan the store. Both must see the same relationships.
TEST(ShortestPathSnapshot, ExpansionsFromTheSnapshotMatchTheStore) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Query("CREATE (a:N {name: 'a'}), (b:N {name: 'b'}), (c:N {name: 'c'}), "
                        "(a)-[:A {w: 1}]->(b), (b)-[:B {w: 2}]->(c), (c)-[:A {w: 3}]->(a), "
                        "(a)-[:B {w: 4}]->(a), (b)-[:A {w: 5}]->(a)")
                  .ok());
  // Builds and caches the snapshot of this state.
  ASSERT_TRUE(db->Query("MATCH p = shortestPath((x {name: 'a'})-[*..3]->(y {name: 'c'})) "
                        "RETURN p")
                  .ok());
  for (const std::string pattern :
       {"(x)-[r]->(y)", "(x)<-[r]-(y)", "(x)-[r]-(y)", "(x)-[r:A]->(y)", "(x)-[r:B|A]-(y)",
        "(x {name: 'a'})-[r]-(y)", "(x {name: 'a'})-[r]-(y)-[s]->(z)",
        "(x {name: 'a'})-[r:Missing]-(y)"}) {
    std::string tail = " RETURN x.name, type(r), r.w, y.name ORDER BY x.name, r.w, y.name";
    auto read = db->Query("MATCH " + pattern + tail);
    auto write = db->Query("MATCH (t {name: 'a'}) SET t.seen = true WITH t MATCH " + pattern +
                           tail);
    ASSERT_TRUE(read.ok()) << read.status();
    ASSERT_TRUE(write.ok()) << write.status();
    EXPECT_EQ(testing::FormatResult(*read), testing::FormatResult(*write)) << pattern;
  }
  auto loops = db->Query("MATCH (x)-[r]-(x) RETURN count(r)");
  ASSERT_TRUE(loops.ok());
  EXPECT_EQ(testing::FormatResult(*loops), "count(r)\n1");  // Listed once, not per end.
}

}  // namespace
}  // namespace quiver
