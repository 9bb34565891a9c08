// quiver-tck's adapter over the real engine, end to end on small scenarios
// of our own: results, side effects read from the store, procedures
// registered per store, and typed errors.

#include "gtest/gtest.h"
#include "tests/tck/engine.h"
#include "tests/tck/gherkin.h"
#include "tests/tck/runner.h"

namespace quiver::tck {
namespace {

Outcome RunFeature(const std::string& body) {
  auto f = ParseFeature("Feature: adapter\n" + body, "adapter.feature");
  EXPECT_TRUE(f.ok()) << f.status();
  auto s = ExpandFeature(*f);
  EXPECT_TRUE(s.ok() && s->size() == 1);
  static int n = 1000;
  int id = ++n;
  return RunScenario(s->front(), [id] { return OpenQuiverEngine(id); }, RunnerConfig{});
}

TEST(QuiverEngine, IsPresentInThisBuild) { EXPECT_TRUE(HaveQueryEngine()); }

TEST(QuiverEngine, CreateThenMatchWithSideEffects) {
  Outcome o = RunFeature(R"(
 Scenario: create and read back
  Given an empty graph
  When executing query:
   """
   CREATE (:Left {k: 1})-[:LINKS {w: 2}]->(:Right)
   """
  Then the result should be empty
  And the side effects should be:
   | +nodes         | 2 |
   | +relationships | 1 |
   | +labels        | 2 |
   | +properties    | 2 |
  When executing control query:
   """
   MATCH (a)-[r]->(b) RETURN a, r, b
   """
  Then the result should be, in any order:
   | a                | r                 | b        |
   | (:Left {k: 1})   | [:LINKS {w: 2}]   | (:Right) |
  And no side effects
)");
  EXPECT_EQ(o.verdict, Verdict::kPass) << o.reason;
}

TEST(QuiverEngine, AWrongExpectationFails) {
  Outcome o = RunFeature(R"(
 Scenario: wrong
  Given an empty graph
  When executing query:
   """
   RETURN 1 + 1 AS two
   """
  Then the result should be, in any order:
   | two |
   | 3   |
)");
  EXPECT_EQ(o.verdict, Verdict::kFail);
}

TEST(QuiverEngine, ParametersAndProceduresReachTheEngine) {
  Outcome o = RunFeature(R"(
 Scenario: procedure
  Given an empty graph
  And there exists a procedure adapter.name(x :: INTEGER?) :: (y :: STRING?):
   | x | y     |
   | 1 | 'one' |
   | 2 | 'two' |
  And parameters are:
   | n | 2 |
  When executing query:
   """
   CALL adapter.name($n) YIELD y RETURN y
   """
  Then the result should be, in order:
   | y     |
   | 'two' |
  And no side effects
)");
  EXPECT_EQ(o.verdict, Verdict::kPass) << o.reason;
}

TEST(QuiverEngine, SyntaxErrorsAreTypedAtCompileTime) {
  Outcome o = RunFeature(R"(
 Scenario: bad syntax
  Given any graph
  When executing query:
   """
   RETURN (
   """
  Then a SyntaxError should be raised at compile time: *
)");
  EXPECT_EQ(o.verdict, Verdict::kPass) << o.reason;
}

}  // namespace
}  // namespace quiver::tck
