#include "graph/algo/pagerank.h"

#include <numeric>

#include "gtest/gtest.h"
#include "tests/graph/algo_test_graph.h"

namespace quiver::graph::algo {
namespace {

using testing::TestGraph;

double Sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(PageRank, CycleIsUniform) {
  TestGraph g({{"A", "x", "B"}, {"B", "x", "C"}, {"C", "x", "A"}});
  auto pr = PageRank(g.snap(), {});
  for (double p : pr) EXPECT_NEAR(p, 1.0 / 3, 1e-12);
}

TEST(PageRank, DanglingMassIsSpreadAndConvergesToHandSolution) {
  // A -> B, B dangling. Stationary: pA = 0.15/2 + 0.85 pB/2,
  // pA + pB = 1  =>  pA = 0.5 / 1.425.
  TestGraph g({{"A", "x", "B"}});
  PageRankOptions o;
  o.iterations = 200;
  auto pr = PageRank(g.snap(), o);
  EXPECT_NEAR(pr[g.V("A")], 0.5 / 1.425, 1e-9);
  EXPECT_NEAR(pr[g.V("B")], 1 - 0.5 / 1.425, 1e-9);
  EXPECT_NEAR(Sum(pr), 1.0, 1e-12);
}

TEST(PageRank, OneIterationCountsParallelEdgesAndIsolatedNodes) {
  // A has three out-edges: two to B (types x, y), one to C. D is isolated.
  TestGraph g({{"A", "x", "B"}, {"A", "y", "B"}, {"A", "x", "C"}}, {"D"});
  PageRankOptions o;
  o.iterations = 1;
  auto pr = PageRank(g.snap(), o);
  const double d = 0.85, n = 4, start = 0.25;
  const double base = (1 - d) / n + d * (3 * start) / n;  // B, C, D dangling.
  EXPECT_NEAR(pr[g.V("A")], base, 1e-12);
  EXPECT_NEAR(pr[g.V("B")], base + d * start * 2 / 3, 1e-12);
  EXPECT_NEAR(pr[g.V("C")], base + d * start / 3, 1e-12);
  EXPECT_NEAR(pr[g.V("D")], base, 1e-12);
  EXPECT_NEAR(Sum(pr), 1.0, 1e-12);
}

TEST(PageRank, TypeFilterIgnoresOtherEdges) {
  TestGraph g({{"A", "x", "B"}, {"A", "y", "C"}});
  PageRankOptions o;
  o.iterations = 1;
  o.filter.types = TypeSet({g.T("x")});
  auto pr = PageRank(g.snap(), o);
  EXPECT_GT(pr[g.V("B")], pr[g.V("C")]);
  EXPECT_NEAR(pr[g.V("C")], pr[g.V("A")], 1e-12);  // Both get only the base.
}

TEST(PageRank, SelfLoopKeepsItsOwnRank) {
  // A -> A and A -> B: half of A's rank returns to A.
  TestGraph g({{"A", "x", "A"}, {"A", "x", "B"}});
  PageRankOptions o;
  o.iterations = 1;
  auto pr = PageRank(g.snap(), o);
  const double d = 0.85, base = (1 - d) / 2 + d * 0.5 / 2;  // B dangling.
  EXPECT_NEAR(pr[g.V("A")], base + d * 0.5 / 2, 1e-12);
  EXPECT_NEAR(pr[g.V("B")], base + d * 0.5 / 2, 1e-12);
}

TEST(PageRank, UndirectedViewIsSymmetricOnAPath) {
  TestGraph g({{"A", "x", "B"}, {"C", "x", "B"}});
  PageRankOptions o;
  o.filter.direction = Direction::kBoth;
  auto pr = PageRank(g.snap(), o);
  EXPECT_NEAR(pr[g.V("A")], pr[g.V("C")], 1e-12);
  EXPECT_GT(pr[g.V("B")], pr[g.V("A")]);
}

TEST(PageRank, EmptyGraph) { EXPECT_TRUE(PageRank(TestGraph({}).snap(), {}).empty()); }

}  // namespace
}  // namespace quiver::graph::algo
