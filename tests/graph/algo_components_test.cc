#include "graph/algo/components.h"

#include "gtest/gtest.h"
#include "graph/algo/degree.h"
#include "tests/graph/algo_test_graph.h"

namespace quiver::graph::algo {
namespace {

using testing::TestGraph;

TEST(Components, WeakComponentsIgnoreDirectionAndNumberBySmallestNode) {
  TestGraph g({{"A", "x", "B"}, {"C", "x", "B"}, {"D", "x", "E"}, {"F", "x", "F"}}, {"G"});
  auto wcc = WeaklyConnectedComponents(g.snap(), {});
  EXPECT_EQ(wcc[g.V("A")], wcc[g.V("B")]);
  EXPECT_EQ(wcc[g.V("A")], wcc[g.V("C")]);
  EXPECT_EQ(wcc[g.V("D")], wcc[g.V("E")]);
  EXPECT_NE(wcc[g.V("A")], wcc[g.V("D")]);
  EXPECT_NE(wcc[g.V("F")], wcc[g.V("G")]);
  EXPECT_EQ(wcc[0], 0u);  // The component of the smallest node id is 0.
  std::set<uint32_t> distinct(wcc.begin(), wcc.end());
  EXPECT_EQ(distinct, (std::set<uint32_t>{0, 1, 2, 3}));
  for (Vertex v = 1; v < wcc.size(); ++v) {  // First appearances ascend.
    uint32_t max_before = 0;
    for (Vertex u = 0; u < v; ++u) max_before = std::max(max_before, wcc[u]);
    EXPECT_LE(wcc[v], max_before + 1);
  }
}

TEST(Components, StrongComponentsFollowDirection) {
  TestGraph g({{"A", "x", "B"}, {"B", "x", "C"}, {"C", "x", "A"}, {"D", "x", "A"}, {"C", "x", "C"}});
  auto scc = StronglyConnectedComponents(g.snap(), {});
  EXPECT_EQ(scc[g.V("A")], scc[g.V("B")]);
  EXPECT_EQ(scc[g.V("A")], scc[g.V("C")]);
  EXPECT_NE(scc[g.V("A")], scc[g.V("D")]);
  EXPECT_EQ(scc[0], 0u);
  auto wcc = WeaklyConnectedComponents(g.snap(), {});
  EXPECT_EQ(wcc[g.V("D")], wcc[g.V("A")]);
}

TEST(Components, TypeFilterBreaksCycleAndBridge) {
  TestGraph g({{"A", "x", "B"}, {"B", "y", "A"}, {"B", "y", "C"}});
  TypeSet only_x({g.T("x")});
  auto scc = StronglyConnectedComponents(g.snap(), only_x);
  EXPECT_NE(scc[g.V("A")], scc[g.V("B")]);
  auto wcc = WeaklyConnectedComponents(g.snap(), only_x);
  EXPECT_EQ(wcc[g.V("A")], wcc[g.V("B")]);
  EXPECT_NE(wcc[g.V("B")], wcc[g.V("C")]);
  auto all = StronglyConnectedComponents(g.snap(), {});
  EXPECT_EQ(all[g.V("A")], all[g.V("B")]);
}

TEST(Degree, CountsByDirectionWithParallelEdgesAndSelfLoops) {
  TestGraph g({{"A", "x", "B"}, {"A", "y", "B"}, {"B", "x", "B"}}, {"C"});
  EdgeFilter out, in, both, out_x;
  in.direction = Direction::kIncoming;
  both.direction = Direction::kBoth;
  out_x.types = TypeSet({g.T("x")});
  Vertex a = g.V("A"), b = g.V("B"), c = g.V("C");
  auto d_out = Degrees(g.snap(), out), d_in = Degrees(g.snap(), in),
       d_both = Degrees(g.snap(), both), d_x = Degrees(g.snap(), out_x);
  EXPECT_EQ(d_out[a], 2u);
  EXPECT_EQ(d_out[b], 1u);
  EXPECT_EQ(d_in[b], 3u);
  EXPECT_EQ(d_both[b], 4u);  // Two from A, the self-loop twice.
  EXPECT_EQ(d_both[c], 0u);
  EXPECT_EQ(d_x[a], 1u);
}

}  // namespace
}  // namespace quiver::graph::algo
