#include "tests/tck/runner.h"

#include <map>

#include "gtest/gtest.h"
#include "tests/tck/isolation.h"
#include "tests/tck/value_notation.h"

namespace quiver::tck {
namespace {

// Answers queries from a script; a query starting "CREATE" adds a node.
// What a FakeEngine saw; outlives the engine, which the runner destroys.
struct Log {
  std::vector<std::string> seen;
  ValueMap last_params;
};

class FakeEngine : public Engine {
 public:
  explicit FakeEngine(Log* log) : log_(log) {}
  std::map<std::string, absl::StatusOr<ResultTable>> answers;
  bool procedures = true;

  absl::StatusOr<ResultTable> Execute(std::string_view query, const ValueMap& params) override {
    log_->seen.emplace_back(query);
    log_->last_params = params;
    if (query.rfind("CREATE", 0) == 0) state_.nodes.insert(state_.nodes.size() + 1);
    auto it = answers.find(std::string(query));
    if (it == answers.end()) return ResultTable{};
    return it->second;
  }
  absl::Status AddProcedure(const ProcedureSpec& spec) override {
    return procedures ? absl::OkStatus() : absl::UnimplementedError("no procedures");
  }
  absl::StatusOr<GraphState> State() override { return state_; }

 private:
  Log* log_;
  GraphState state_;
};

Scenario Parse(const std::string& body) {
  auto f = ParseFeature("Feature: f\n" + body, "t.feature");
  EXPECT_TRUE(f.ok()) << f.status();
  auto s = ExpandFeature(*f);
  EXPECT_TRUE(s.ok() && s->size() == 1);
  return s->front();
}

struct Harness {
  Log log;
  std::function<void(FakeEngine&)> setup;
  RunnerConfig config;
  Outcome Run(const Scenario& s) {
    EngineFactory factory = [this]() -> absl::StatusOr<std::unique_ptr<Engine>> {
      auto e = std::make_unique<FakeEngine>(&log);
      if (setup) setup(*e);
      return std::unique_ptr<Engine>(std::move(e));
    };
    return RunScenario(s, factory, config);
  }
};

constexpr char kReturn[] = R"(
 Scenario: s
  Given an empty graph
  And parameters are:
   | p | [1, 2] |
  When executing query:
   """
   RETURN $p AS x
   """
  Then the result should be, in any order:
   | x      |
   | [1, 2] |
  And no side effects
)";

TEST(Runner, PassesWhenRowsAndSideEffectsMatch) {
  Harness h;
  h.setup = [](FakeEngine& e) {
    e.answers["RETURN $p AS x"] =
        ResultTable{{"x"}, {{Value(ValueList{Value(1), Value(2)})}}};
  };
  Outcome o = h.Run(Parse(kReturn));
  EXPECT_EQ(o.verdict, Verdict::kPass) << o.reason;
}

TEST(Runner, ParametersReachTheEngineAsValues) {
  Harness h;
  h.Run(Parse(kReturn));
  EXPECT_EQ(h.log.last_params.at("p"), Value(ValueList{Value(1), Value(2)}));
}

TEST(Runner, FailsWithTheDifferenceWhenRowsDiffer) {
  Harness h;
  h.setup = [](FakeEngine& e) { e.answers["RETURN $p AS x"] = ResultTable{{"x"}, {{Value(3)}}}; };
  Outcome o = h.Run(Parse(kReturn));
  EXPECT_EQ(o.verdict, Verdict::kFail);
  EXPECT_NE(o.reason.find("missing"), std::string::npos) << o.reason;
}

TEST(Runner, UnexpectedErrorsFail) {
  Harness h;
  h.setup = [](FakeEngine& e) {
    e.answers["RETURN $p AS x"] = absl::InvalidArgumentError("SyntaxError (compile time): no");
  };
  Outcome o = h.Run(Parse(kReturn));
  EXPECT_EQ(o.verdict, Verdict::kFail);
  EXPECT_NE(o.reason.find("unexpected error"), std::string::npos) << o.reason;
}

constexpr char kCreate[] = R"(
 Scenario: c
  Given an empty graph
  And having executed:
   """
   CREATE (:Setup)
   """
  When executing query:
   """
   CREATE (:X)
   """
  Then the result should be empty
  And the side effects should be:
   | +nodes | 1 |
)";

TEST(Runner, SideEffectsCountOnlyTheQueryUnderTest) {
  Harness h;
  Outcome o = h.Run(Parse(kCreate));
  EXPECT_EQ(o.verdict, Verdict::kPass) << o.reason;
  EXPECT_EQ(h.log.seen, (std::vector<std::string>{"CREATE (:Setup)", "CREATE (:X)"}));
}

TEST(Runner, WrongSideEffectsFail) {
  std::string body = kCreate;
  body.replace(body.find("| +nodes | 1 |"), 14, "| +nodes | 2 |");
  Harness h;
  Outcome o = h.Run(Parse(body));
  EXPECT_EQ(o.verdict, Verdict::kFail);
  EXPECT_NE(o.reason.find("expected +nodes 2, got +nodes 1"), std::string::npos) << o.reason;
}

constexpr char kError[] = R"(
 Scenario: e
  Given any graph
  When executing query:
   """
   RETURN nope
   """
  Then a SyntaxError should be raised at compile time: UndefinedVariable
)";

TEST(Runner, ExpectedErrorsMatchByTypeAndPhase) {
  Harness h;
  h.setup = [](FakeEngine& e) {
    e.answers["RETURN nope"] =
        absl::InvalidArgumentError("SyntaxError (compile time): line 1, column 8: not defined");
  };
  Outcome o = h.Run(Parse(kError));
  EXPECT_EQ(o.verdict, Verdict::kPass) << o.reason;
  EXPECT_TRUE(o.detail_missed);

  Harness runtime;
  runtime.setup = [](FakeEngine& e) {
    e.answers["RETURN nope"] = absl::InvalidArgumentError("SyntaxError (runtime): x");
  };
  EXPECT_EQ(runtime.Run(Parse(kError)).verdict, Verdict::kFail);

  Harness none;  // The query succeeds.
  Outcome n = none.Run(Parse(kError));
  EXPECT_EQ(n.verdict, Verdict::kFail);
  EXPECT_NE(n.reason.find("returned 0 rows"), std::string::npos) << n.reason;
}

TEST(Runner, RunsTaggedScenariosWhenAsked) {
  Harness h;
  h.config.run_tagged = true;
  h.setup = [](FakeEngine& e) {
    e.answers["RETURN $p AS x"] =
        ResultTable{{"x"}, {{Value(ValueList{Value(1), Value(2)})}}};
  };
  for (const char* tag : {"@ignore", "@skip", "@fails"}) {
    Outcome o = h.Run(Parse(std::string(tag) + kReturn));
    EXPECT_EQ(o.verdict, Verdict::kPass) << tag << ": " << o.reason;
  }
}

TEST(Runner, SkipsIgnoredTagsUnknownStepsAndMissingProcedures) {
  Harness h;
  EXPECT_EQ(h.Run(Parse("@ignore\n Scenario: i\n  Given any graph\n")).verdict, Verdict::kSkip);
  Outcome unknown = h.Run(Parse(" Scenario: u\n  Given a teapot\n"));
  EXPECT_EQ(unknown.verdict, Verdict::kSkip);
  EXPECT_NE(unknown.reason.find("a teapot"), std::string::npos);
  Harness noproc;
  noproc.setup = [](FakeEngine& e) { e.procedures = false; };
  Outcome p = noproc.Run(Parse(
      " Scenario: p\n  And there exists a procedure a.b() :: (x :: INTEGER?):\n   | x |\n"));
  EXPECT_EQ(p.verdict, Verdict::kSkip);
}

TEST(Runner, AScenarioWithoutAQueryFails) {
  Harness h;
  EXPECT_EQ(h.Run(Parse(" Scenario: n\n  Given any graph\n")).verdict, Verdict::kFail);
}

TEST(Runner, NoQueryEngineMeansSkip) {
  EngineFactory none = []() -> absl::StatusOr<std::unique_ptr<Engine>> {
    return absl::UnimplementedError("no engine");
  };
  EXPECT_EQ(RunScenario(Parse(kReturn), none, RunnerConfig{}).verdict, Verdict::kSkip);
}

TEST(Isolation, ReportsTheChildsVerdict) {
  Outcome o = RunIsolated([] { return Outcome{Verdict::kSkip, "because", true}; }, 10);
  EXPECT_EQ(o.verdict, Verdict::kSkip);
  EXPECT_EQ(o.reason, "because");
  EXPECT_TRUE(o.detail_missed);
}

TEST(Isolation, ACrashFailsTheScenarioOnly) {
  Outcome o = RunIsolated(
      []() -> Outcome {
        raise(SIGSEGV);
        return {};
      },
      10);
  EXPECT_EQ(o.verdict, Verdict::kFail);
  // Under AddressSanitizer the child reports the signal itself and exits
  // instead of dying of it: a failed scenario either way.
  EXPECT_TRUE(o.reason.find("crashed") != std::string::npos ||
              o.reason.find("ended without a verdict") != std::string::npos)
      << o.reason;
}

TEST(Isolation, AHangIsKilledAtTheTimeLimit) {
  Outcome o = RunIsolated(
      []() -> Outcome {
        for (;;) pause();
      },
      0.2);
  EXPECT_EQ(o.verdict, Verdict::kFail);
  EXPECT_NE(o.reason.find("timed out"), std::string::npos) << o.reason;
}

}  // namespace
}  // namespace quiver::tck
