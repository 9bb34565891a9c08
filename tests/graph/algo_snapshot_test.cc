#include "graph/snapshot.h"

#include <memory>
#include <set>

#include "gtest/gtest.h"
#include "tests/graph/algo_test_graph.h"

namespace quiver::graph {
namespace {

using testing::TestGraph;

std::multiset<std::tuple<Vertex, Vertex, TermId>> Edges(const Snapshot& s, Direction d) {
  std::multiset<std::tuple<Vertex, Vertex, TermId>> out;
  for (Vertex v = 0; v < s.num_vertices(); ++v) {
    for (uint32_t i = s.row_start(d)[v]; i < s.row_start(d)[v + 1]; ++i) {
      out.emplace(v, s.column(d)[i], s.edge(d, i).type);
    }
  }
  return out;
}

TEST(Snapshot, KeepsEveryEdgeWithTypeIncludingParallelAndSelfLoops) {
  TestGraph g({{"A", "x", "B"}, {"A", "y", "B"}, {"B", "x", "B"}, {"C", "x", "A"}}, {"D"});
  const Snapshot& s = g.snap();
  EXPECT_EQ(s.num_vertices(), 4u);
  EXPECT_EQ(s.num_edges(), 4u);
  Vertex a = g.V("A"), b = g.V("B"), c = g.V("C");
  std::multiset<std::tuple<Vertex, Vertex, TermId>> want = {
      {a, b, g.T("x")}, {a, b, g.T("y")}, {b, b, g.T("x")}, {c, a, g.T("x")}};
  EXPECT_EQ(Edges(s, Direction::kOutgoing), want);
  std::multiset<std::tuple<Vertex, Vertex, TermId>> reversed;
  for (auto [u, v, t] : want) reversed.emplace(v, u, t);
  EXPECT_EQ(Edges(s, Direction::kIncoming), reversed);
  EXPECT_EQ(boost::num_edges(s.out()), 4u);
  EXPECT_EQ(boost::out_degree(a, s.out()), 2u);
  EXPECT_EQ(boost::out_degree(g.V("D"), s.out()), 0u);
}

TEST(Snapshot, VerticesFollowNodeIdOrderAndMapBothWays) {
  TestGraph g({{"A", "x", "B"}, {"C", "x", "D"}});
  const Snapshot& s = g.snap();
  for (Vertex v = 0; v < s.num_vertices(); ++v) {
    EXPECT_EQ(s.vertex(s.node_id(v)), v);
    if (v > 0) {
      EXPECT_LT(s.node_id(v - 1), s.node_id(v));
    }
  }
  EXPECT_EQ(s.vertex(999999), std::nullopt);
}

TEST(Snapshot, EdgeIdsMatchTheStore) {
  TestGraph g({{"A", "x", "B"}});
  const Snapshot& s = g.snap();
  EdgeId id = s.edge(Direction::kOutgoing, 0).id;
  auto edge = g.store().NewReader()->GetEdge(id);
  ASSERT_TRUE(edge.ok() && edge->has_value());
  EXPECT_EQ(s.vertex((*edge)->src), g.V("A"));
  EXPECT_EQ(s.vertex((*edge)->dst), g.V("B"));
}

TEST(Snapshot, EmptyStoreGivesEmptySnapshot) {
  TestGraph g({});
  EXPECT_EQ(g.snap().num_vertices(), 0u);
  EXPECT_EQ(g.snap().num_edges(), 0u);
}

TEST(SnapshotCache, SharesOneBuildUntilTheStoreChanges) {
  TestGraph g({{"A", "x", "B"}});
  int builds = g.cache().builds();
  auto first = g.cache().Current(g.store());
  auto second = g.cache().Current(g.store());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->get(), second->get());
  EXPECT_EQ(g.cache().builds(), builds);

  g.Add({{"B", "x", "C"}});  // A commit: the next Get rebuilds.
  EXPECT_EQ(g.cache().builds(), builds + 1);
  auto third = g.cache().Current(g.store());
  ASSERT_TRUE(third.ok());
  EXPECT_NE(third->get(), first->get());
  EXPECT_EQ((*third)->num_edges(), 2u);
  EXPECT_EQ((*first)->num_edges(), 1u);  // An old snapshot stays as it was.
}

}  // namespace
}  // namespace quiver::graph

namespace quiver::graph {
namespace {

TEST(SnapshotForReader, SharesABuildPerStateAndSeesOpenWrites) {
  testing::TestGraph g({{"A", "x", "B"}});
  auto first = Snapshot::ForReader(*g.store().NewReader());
  auto second = Snapshot::ForReader(*g.store().NewReader());
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->get(), second->get());

  auto txn = g.store().BeginWrite();
  ASSERT_TRUE(txn.ok());
  auto ids = (*txn)->FindNodesByName("A");
  ASSERT_TRUE(ids.ok() && ids->size() == 1);
  ASSERT_TRUE((*txn)->CreateEdge(ids->at(0), "y", ids->at(0), {}).ok());
  auto inside = Snapshot::ForReader(**txn);  // Sees the uncommitted edge.
  ASSERT_TRUE(inside.ok());
  EXPECT_EQ((*inside)->num_edges(), 2u);
  EXPECT_EQ((*Snapshot::ForReader(*g.store().NewReader()))->num_edges(), 1u);
  ASSERT_TRUE((*txn)->Commit().ok());

  auto after = Snapshot::ForReader(*g.store().NewReader());
  ASSERT_TRUE(after.ok());
  EXPECT_NE(after->get(), first->get());
  EXPECT_EQ((*after)->num_edges(), 2u);

  // Another store with the same shape is not mistaken for this one.
  testing::TestGraph other({{"P", "z", "Q"}});
  auto theirs = Snapshot::ForReader(*other.store().NewReader());
  ASSERT_TRUE(theirs.ok());
  EXPECT_EQ((*theirs)->num_edges(), 1u);
  EXPECT_NE(theirs->get(), first->get());
}

}  // namespace
}  // namespace quiver::graph

namespace quiver::graph {
namespace {

// A self-loop on A, committed without building a snapshot (TestGraph::Add
// builds one).
void AddLoopQuietly(testing::TestGraph& g) {
  auto txn = g.store().BeginWrite();
  ASSERT_TRUE(txn.ok());
  auto ids = (*txn)->FindNodesByName("A");
  ASSERT_TRUE(ids.ok() && ids->size() == 1);
  ASSERT_TRUE((*txn)->CreateEdge(ids->at(0), "y", ids->at(0), {}).ok());
  ASSERT_TRUE((*txn)->Commit().ok());
}

TEST(SnapshotCache, ServesAReaderHeldOpenItsOwnStateBesideTheCurrentOne) {
  testing::TestGraph g({{"A", "x", "B"}});  // Builds and caches this state.
  auto old_reader = g.store().NewReader();
  AddLoopQuietly(g);
  const int builds = g.cache().builds();

  auto current = g.cache().Current(g.store());
  ASSERT_TRUE(current.ok()) << current.status();
  EXPECT_EQ((*current)->num_edges(), 2u);
  EXPECT_EQ(g.cache().builds(), builds + 1);

  auto old_snap = g.cache().Get(*old_reader);
  ASSERT_TRUE(old_snap.ok()) << old_snap.status();
  EXPECT_EQ((*old_snap)->num_edges(), 1u);  // The reader's state, not the current one.
  // Both states stay cached: asking again builds nothing.
  EXPECT_EQ(g.cache().Get(*g.store().NewReader())->get(), current->get());
  EXPECT_EQ(g.cache().Get(*old_reader)->get(), old_snap->get());
  EXPECT_EQ(g.cache().builds(), builds + 1);
}

TEST(SnapshotCache, APropertyWriteKeepsTheSnapshot) {
  testing::TestGraph g({{"A", "x", "B"}});
  auto before = g.cache().Current(g.store());
  const int builds = g.cache().builds();
  {
    auto txn = g.store().BeginWrite();
    ASSERT_TRUE(txn.ok());
    auto ids = (*txn)->FindNodesByName("A");
    ASSERT_TRUE(ids.ok() && ids->size() == 1);
    auto node = (*txn)->GetNode(ids->at(0));
    ASSERT_TRUE(node.ok() && node->has_value());
    (**node).properties["born"] = Value(int64_t{1815});
    ASSERT_TRUE((*txn)->UpdateNode(**node).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  auto after = g.cache().Current(g.store());  // A commit, but the same topology.
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->get(), before->get());
  EXPECT_EQ(g.cache().builds(), builds);
}

TEST(SnapshotCache, CurrentKeepsNoEvictedGraphAlive) {
  testing::TestGraph g({{"A", "x", "B"}});  // Holds its own snapshot of this state.
  AddLoopQuietly(g);
  std::weak_ptr<const Snapshot> answered;
  {
    auto current = g.cache().Current(g.store());
    ASSERT_TRUE(current.ok()) << current.status();
    answered = *current;
  }
  // Two newer states push the answered one out of the cache.
  for (int i = 0; i < 2; ++i) {
    AddLoopQuietly(g);
    ASSERT_TRUE(g.cache().Get(*g.store().NewReader()).ok());
  }
  EXPECT_TRUE(answered.expired());
  auto current = g.cache().Current(g.store());
  ASSERT_TRUE(current.ok()) << current.status();
  EXPECT_EQ((*current)->num_edges(), 4u);
}

TEST(SnapshotCache, CachedNeverBuilds) {
  testing::TestGraph g({{"A", "x", "B"}});  // Builds and caches this state.
  auto old_reader = g.store().NewReader();
  AddLoopQuietly(g);
  const int builds = g.cache().builds();
  auto none = g.cache().Cached(*g.store().NewReader());
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, nullptr);
  auto hit = g.cache().Cached(*old_reader);
  ASSERT_TRUE(hit.ok());
  ASSERT_NE(*hit, nullptr);
  EXPECT_EQ((*hit)->num_edges(), 1u);
  EXPECT_EQ(g.cache().builds(), builds);
}

}  // namespace
}  // namespace quiver::graph
