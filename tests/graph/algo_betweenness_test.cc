#include "graph/algo/betweenness.h"

#include <random>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/betweenness_centrality.hpp>

#include "gtest/gtest.h"
#include "tests/graph/algo_test_graph.h"

namespace quiver::graph::algo {
namespace {

using testing::Fact;
using testing::TestGraph;

TEST(Betweenness, DirectedPathCountsTheMiddle) {
  TestGraph g({{"A", "x", "B"}, {"B", "x", "C"}});
  auto bc = Betweenness(g.snap(), {});
  EXPECT_DOUBLE_EQ(bc[g.V("A")], 0);
  EXPECT_DOUBLE_EQ(bc[g.V("B")], 1);
  EXPECT_DOUBLE_EQ(bc[g.V("C")], 0);
}

TEST(Betweenness, ParallelEdgesAndSelfLoopsAddNoPaths) {
  TestGraph g({{"A", "x", "B"}, {"A", "y", "B"}, {"B", "x", "B"}, {"B", "x", "C"}});
  auto bc = Betweenness(g.snap(), {});
  EXPECT_DOUBLE_EQ(bc[g.V("B")], 1);
}

TEST(Betweenness, TwoShortestPathsShareTheCredit) {
  // A -> B -> D and A -> C -> D: B and C each carry half of (A, D).
  TestGraph g({{"A", "x", "B"}, {"A", "x", "C"}, {"B", "x", "D"}, {"C", "x", "D"}});
  auto bc = Betweenness(g.snap(), {});
  EXPECT_DOUBLE_EQ(bc[g.V("B")], 0.5);
  EXPECT_DOUBLE_EQ(bc[g.V("C")], 0.5);
}

TEST(Betweenness, UndirectedStarCountsEachPairOnce) {
  TestGraph g({{"S", "x", "L1"}, {"S", "x", "L2"}, {"S", "x", "L3"}}, {"Lonely"});
  BetweennessOptions o;
  EXPECT_DOUBLE_EQ(Betweenness(g.snap(), o)[g.V("S")], 0);  // Directed: no path through.
  o.filter.direction = Direction::kBoth;
  auto bc = Betweenness(g.snap(), o);
  EXPECT_DOUBLE_EQ(bc[g.V("S")], 3);  // {L1,L2}, {L1,L3}, {L2,L3}
  EXPECT_DOUBLE_EQ(bc[g.V("Lonely")], 0);
  o.normalized = true;  // n = 5: 3 / ((4 * 3) / 2)
  EXPECT_DOUBLE_EQ(Betweenness(g.snap(), o)[g.V("S")], 0.5);
}

TEST(Betweenness, TypeFilterCutsPaths) {
  TestGraph g({{"A", "x", "B"}, {"B", "y", "C"}});
  BetweennessOptions o;
  o.filter.types = TypeSet({g.T("x")});
  EXPECT_DOUBLE_EQ(Betweenness(g.snap(), o)[g.V("B")], 0);
}

// A second implementation as reference: Boost's brandes_betweenness_centrality
// on an adjacency_list of the same simple directed graph.
TEST(Betweenness, MatchesBoostOnARandomSimpleGraph) {
  std::mt19937 rng(7);
  std::set<std::pair<int, int>> pairs;
  while (pairs.size() < 120) {
    int a = rng() % 40, b = rng() % 40;
    if (a != b) pairs.emplace(a, b);
  }
  std::vector<Fact> facts;
  for (auto [a, b] : pairs) facts.emplace_back("n" + std::to_string(a), "r", "n" + std::to_string(b));
  TestGraph g(facts);
  const Snapshot& s = g.snap();
  using AdjList = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  AdjList ref(s.num_vertices());
  for (auto [a, b] : pairs) {
    boost::add_edge(g.V("n" + std::to_string(a)), g.V("n" + std::to_string(b)), ref);
  }
  std::vector<double> want(s.num_vertices());
  boost::brandes_betweenness_centrality(
      ref, boost::make_iterator_property_map(want.begin(), boost::get(boost::vertex_index, ref)));
  auto got = Betweenness(s, {});
  for (Vertex v = 0; v < s.num_vertices(); ++v) EXPECT_NEAR(got[v], want[v], 1e-9) << v;

  BetweennessOptions all;
  all.sample = s.num_vertices();  // Sampling every source is the exact answer.
  EXPECT_EQ(Betweenness(s, all), got);
  BetweennessOptions some;
  some.sample = 10;
  auto sampled = Betweenness(s, some);
  EXPECT_EQ(Betweenness(s, some), sampled);  // Same seed, same answer.
  EXPECT_NE(sampled, got);
}

}  // namespace
}  // namespace quiver::graph::algo
