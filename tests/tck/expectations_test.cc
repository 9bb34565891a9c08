#include "tests/tck/expectations.h"

#include "gtest/gtest.h"

namespace quiver::tck {
namespace {

TEST(Expectations, ParsesErrorSteps) {
  auto e = ParseErrorExpectation("a SyntaxError should be raised at compile time: UnknownThing");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->type, "SyntaxError");
  EXPECT_EQ(e->phase, "compile time");
  EXPECT_EQ(e->detail, "UnknownThing");
  auto any = ParseErrorExpectation("an ArgumentError should be raised at any time");
  ASSERT_TRUE(any.has_value());
  EXPECT_EQ(any->phase, "any time");
  EXPECT_EQ(any->detail, "");
  auto star = ParseErrorExpectation("a TypeError should be raised at runtime: *");
  ASSERT_TRUE(star.has_value());
  EXPECT_EQ(star->detail, "");  // Any detail.
  EXPECT_FALSE(ParseErrorExpectation("the result should be empty").has_value());
}

TEST(Expectations, ReadsTypeAndPhaseFromEngineErrors) {
  EngineError e = ParseEngineError(absl::InvalidArgumentError(
      "SyntaxError (compile time): line 1, column 8: UndefinedVariable: x is not defined"));
  EXPECT_EQ(e.type, "SyntaxError");
  EXPECT_EQ(e.phase, "compile time");
  EngineError r = ParseEngineError(absl::InvalidArgumentError("TypeError (runtime): bad"));
  EXPECT_EQ(r.phase, "runtime");
  EngineError bare = ParseEngineError(absl::InternalError("something broke"));
  EXPECT_EQ(bare.type, "");
}

TEST(Expectations, MatchesTypeAndPhaseLeniencyOnDetail) {
  ErrorExpectation want{"TypeError", "runtime", "InvalidArgumentType"};
  auto m = MatchError(want, ParseEngineError(absl::InvalidArgumentError(
                                "TypeError (runtime): expected a number")));
  EXPECT_TRUE(m.ok);
  EXPECT_FALSE(m.detail_seen);
  auto wrong_phase = MatchError(want, ParseEngineError(absl::InvalidArgumentError(
                                          "TypeError (compile time): InvalidArgumentType")));
  EXPECT_FALSE(wrong_phase.ok);
  EXPECT_TRUE(wrong_phase.detail_seen);
  auto wrong_type = MatchError(want, ParseEngineError(absl::InvalidArgumentError(
                                         "SyntaxError (runtime): x")));
  EXPECT_FALSE(wrong_type.ok);
  ErrorExpectation anytime{"TypeError", "any time", ""};
  EXPECT_TRUE(MatchError(anytime, ParseEngineError(absl::InvalidArgumentError(
                                      "TypeError (compile time): x")))
                  .ok);
}

TEST(Expectations, ParsesProcedureSignatureAndTable) {
  Table table = {{"in", "out"}, {"1", "'one'"}, {"2", "'two'"}};
  auto spec = ParseProcedureSpec(
      "there exists a procedure my.ns.proc(in :: INTEGER?) :: (out :: STRING?):", table);
  ASSERT_TRUE(spec.ok()) << spec.status();
  EXPECT_EQ(spec->name, "my.ns.proc");
  ASSERT_EQ(spec->inputs.size(), 1u);
  EXPECT_EQ(spec->inputs[0], (std::pair<std::string, std::string>{"in", "INTEGER?"}));
  ASSERT_EQ(spec->outputs.size(), 1u);
  EXPECT_EQ(spec->outputs[0].first, "out");
  ASSERT_EQ(spec->rows.size(), 2u);
  EXPECT_EQ(spec->rows[1][1], Value("two"));

  auto empty = ParseProcedureSpec("there exists a procedure p.none() :: ():", Table{{}});
  ASSERT_TRUE(empty.ok()) << empty.status();
  EXPECT_TRUE(empty->inputs.empty());
  EXPECT_TRUE(empty->rows.empty());

  EXPECT_FALSE(ParseProcedureSpec("there exists a procedure p.x(a :: INTEGER?) :: ():",
                                  Table{{"b"}})
                   .ok());
  EXPECT_FALSE(ParseProcedureSpec("there exists a procedure broken", Table{}).ok());
}

}  // namespace
}  // namespace quiver::tck
