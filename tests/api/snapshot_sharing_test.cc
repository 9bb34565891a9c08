// One snapshot cache per store: the query engine's procedures and
// shortestPath and the public algorithm calls share each build. White-box:
// counts builds through api/database_impl.h (the test target may include it).

#include <memory>
#include <string>

#include "api/database_impl.h"
#include "graph/snapshot_cache.h"
#include "gtest/gtest.h"
#include "quiver/algorithms.h"
#include "quiver/database.h"

namespace quiver {
namespace {

class SnapshotSharing : public ::testing::Test {
 protected:
  void SetUp() override {
    Options options;
    options.in_memory = true;
    auto db = Database::Open("/snapshot-sharing-test", options);
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    Add({{"A", "x", "B"}, {"B", "x", "C"}, {"C", "y", "A"}});
  }
  void Add(const std::vector<std::array<const char*, 3>>& facts) {
    DocumentInput doc;
    doc.content = "facts " + std::to_string(++docs_);
    for (const auto& [s, t, o] : facts) {
      Triple triple;
      triple.subject = s;
      triple.relation = t;
      triple.object = o;
      doc.triples.push_back(triple);
    }
    ASSERT_TRUE(db_->AddDocument(doc).ok());
  }
  int Builds() { return internal::DatabaseAccess::Of(*db_).store->snapshots().builds(); }
  void Query(const std::string& text) {
    auto r = db_->Query(text);
    ASSERT_TRUE(r.ok()) << text << ": " << r.status();
    ASSERT_TRUE(r->status().ok()) << r->status();
  }

  std::unique_ptr<Database> db_;
  int docs_ = 0;
};

TEST_F(SnapshotSharing, AProcedureAndAnAlgorithmCallOnOneStateBuildOnce) {
  const int before = Builds();
  Query("CALL algo.pagerank() YIELD node, score RETURN count(*)");
  EXPECT_EQ(Builds(), before + 1);
  ASSERT_TRUE(algo::PageRank(*db_).ok());
  ASSERT_TRUE(algo::Degrees(*db_).ok());
  // shortestPath in a read statement uses the cached snapshot.
  Query("MATCH (a {name: 'A'}), (c {name: 'C'}) MATCH p = shortestPath((a)-[*]->(c)) "
        "RETURN length(p)");
  Query("CALL algo.wcc() YIELD node, component RETURN count(*)");
  EXPECT_EQ(Builds(), before + 1);
}

TEST_F(SnapshotSharing, AnAlgorithmCallFirstServesTheProcedureToo) {
  const int before = Builds();
  ASSERT_TRUE(algo::WeaklyConnectedComponents(*db_).ok());
  EXPECT_EQ(Builds(), before + 1);
  Query("CALL algo.degree() YIELD node, degree RETURN count(*)");
  EXPECT_EQ(Builds(), before + 1);
}

TEST_F(SnapshotSharing, ATopologyChangeBuildsOnceMoreAPropertyWriteDoesNot) {
  ASSERT_TRUE(algo::PageRank(*db_).ok());
  const int before = Builds();
  Query("MATCH (a {name: 'A'}) SET a.born = 1815");
  ASSERT_TRUE(algo::PageRank(*db_).ok());
  Query("CALL algo.pagerank() YIELD node RETURN count(*)");
  EXPECT_EQ(Builds(), before);

  Add({{"C", "x", "D"}});
  Query("CALL algo.pagerank() YIELD node RETURN count(*)");
  auto scores = algo::PageRank(*db_);
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->size(), 4u);  // D is in the new graph.
  EXPECT_EQ(Builds(), before + 1);
}

}  // namespace
}  // namespace quiver
