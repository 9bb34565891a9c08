#include "graph/algo/traversal.h"

#include <random>
#include <set>

#include "gtest/gtest.h"
#include "tests/graph/algo_test_graph.h"

namespace quiver::graph::algo {
namespace {

using testing::Fact;
using testing::TestGraph;

TEST(Neighbourhood, StopsAtDepthAndFollowsDirection) {
  TestGraph g({{"A", "x", "B"}, {"B", "x", "C"}, {"C", "x", "D"}, {"E", "x", "A"}});
  EdgeFilter out;
  auto hood = Neighbourhood(g.snap(), g.V("A"), 2, out);
  ASSERT_EQ(hood.size(), 3u);
  EXPECT_EQ(hood[0].vertex, g.V("A"));
  EXPECT_EQ(hood[0].depth, 0u);
  EXPECT_EQ(hood[1].vertex, g.V("B"));
  EXPECT_EQ(hood[2].vertex, g.V("C"));
  EXPECT_EQ(hood[2].depth, 2u);
  EdgeFilter both;
  both.direction = Direction::kBoth;
  auto wide = Neighbourhood(g.snap(), g.V("A"), 1, both);
  std::set<Vertex> got;
  for (auto r : wide) got.insert(r.vertex);
  EXPECT_EQ(got, (std::set<Vertex>{g.V("A"), g.V("B"), g.V("E")}));
  EXPECT_EQ(Neighbourhood(g.snap(), g.V("A"), 0, both).size(), 1u);
}

TEST(ShortestPath, FindsTheShortcutWithEdgeIds) {
  TestGraph g({{"A", "x", "B"}, {"B", "x", "C"}, {"C", "x", "D"}, {"A", "y", "C"}});
  auto path = ShortestPath(g.snap(), g.V("A"), g.V("D"), {});
  ASSERT_TRUE(path.has_value());
  EXPECT_EQ(path->vertices, (std::vector<Vertex>{g.V("A"), g.V("C"), g.V("D")}));
  ASSERT_EQ(path->edges.size(), 2u);
  auto first = g.store().NewReader()->GetEdge(path->edges[0]);
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->type, "y");
}

TEST(ShortestPath, RespectsDirectionTypesAndHopLimit) {
  TestGraph g({{"A", "x", "B"}, {"B", "x", "C"}, {"A", "y", "C"}}, {"Z"});
  EXPECT_FALSE(ShortestPath(g.snap(), g.V("C"), g.V("A"), {}).has_value());
  EdgeFilter in;
  in.direction = Direction::kIncoming;
  EXPECT_TRUE(ShortestPath(g.snap(), g.V("C"), g.V("A"), in).has_value());
  EdgeFilter only_x;
  only_x.types = TypeSet({g.T("x")});
  EXPECT_EQ(ShortestPath(g.snap(), g.V("A"), g.V("C"), only_x)->vertices.size(), 3u);
  EXPECT_FALSE(ShortestPath(g.snap(), g.V("A"), g.V("C"), only_x, 1).has_value());
  EXPECT_FALSE(ShortestPath(g.snap(), g.V("A"), g.V("Z"), {}).has_value());
  auto self = ShortestPath(g.snap(), g.V("A"), g.V("A"), {});
  ASSERT_TRUE(self.has_value());
  EXPECT_EQ(self->vertices.size(), 1u);
  EXPECT_TRUE(self->edges.empty());
}

// The bidirectional search against a plain one-sided BFS on every pair.
TEST(ShortestPath, AgreesWithBfsOnEveryPairOfARandomGraph) {
  std::mt19937 rng(11);
  std::vector<Fact> facts;
  for (int i = 0; i < 70; ++i) {
    facts.emplace_back("n" + std::to_string(rng() % 30), rng() % 2 ? "p" : "q",
                       "n" + std::to_string(rng() % 30));
  }
  TestGraph g(facts);
  const Snapshot& s = g.snap();
  for (Direction d : {Direction::kOutgoing, Direction::kIncoming, Direction::kBoth}) {
    EdgeFilter f;
    f.direction = d;
    for (Vertex a = 0; a < s.num_vertices(); ++a) {
      auto dist = BfsDistances(s, a, f);
      for (Vertex b = 0; b < s.num_vertices(); ++b) {
        auto path = ShortestPath(s, a, b, f);
        if (dist[b] < 0) {
          EXPECT_FALSE(path.has_value()) << a << "->" << b;
          continue;
        }
        ASSERT_TRUE(path.has_value()) << a << "->" << b;
        EXPECT_EQ(int(path->edges.size()), dist[b]) << a << "->" << b;
        EXPECT_EQ(path->vertices.front(), a);
        EXPECT_EQ(path->vertices.back(), b);
        for (size_t i = 0; i + 1 < path->vertices.size(); ++i) {  // Real edges.
          auto e = g.store().NewReader()->GetEdge(path->edges[i]);
          ASSERT_TRUE(e.ok() && e->has_value());
          auto src = *s.vertex((*e)->src), dst = *s.vertex((*e)->dst);
          bool forward = src == path->vertices[i] && dst == path->vertices[i + 1];
          bool backward = dst == path->vertices[i] && src == path->vertices[i + 1];
          EXPECT_TRUE(d == Direction::kBoth       ? forward || backward
                      : d == Direction::kOutgoing ? forward
                                                  : backward);
        }
      }
    }
  }
}

}  // namespace
}  // namespace quiver::graph::algo
