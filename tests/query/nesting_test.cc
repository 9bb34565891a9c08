// Deeply nested statements get a typed error, never a stack overflow, and
// statements just inside the limits still run (query/parser/nesting.h).

#include <pthread.h>

#include <functional>
#include <string>

#include <gtest/gtest.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "query/parser/nesting.h"
#include "quiver/database.h"
#include "tests/query/example_graph.h"

namespace quiver {
namespace {

using testing::OpenQueryTestDb;

std::string Repeat(std::string_view s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Runs `body` on a thread with a stack of `bytes`: the limits must keep
// the recursion well inside what an embedding program's threads have.
void OnThreadWithStack(size_t bytes, const std::function<void()>& body) {
  pthread_attr_t attr;
  ASSERT_EQ(pthread_attr_init(&attr), 0);
  ASSERT_EQ(pthread_attr_setstacksize(&attr, bytes), 0);
  pthread_t thread;
  auto run = [](void* arg) -> void* {
    (*static_cast<const std::function<void()>*>(arg))();
    return nullptr;
  };
  ASSERT_EQ(pthread_create(&thread, &attr, run, const_cast<std::function<void()>*>(&body)), 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

class Nesting : public ::testing::Test {
 protected:
  void SetUp() override { db_ = OpenQueryTestDb(false); }

  // The statement must fail with LimitExceeded at compile time.
  void ExpectTooDeep(const std::string& statement) {
    absl::StatusOr<Result> r = db_->Query(statement);
    ASSERT_FALSE(r.ok()) << statement.substr(0, 80);
    EXPECT_TRUE(absl::StartsWith(r.status().message(), "LimitExceeded (compile time)"))
        << r.status().message().substr(0, 300);
  }

  // The statement must run and its single value print as `expected`.
  void ExpectValue(const std::string& statement, const std::string& expected) {
    absl::StatusOr<Result> r = db_->Query(statement);
    ASSERT_TRUE(r.ok()) << r.status().message().substr(0, 300);
    ValueList row;
    ASSERT_TRUE(r->Next(&row)) << r->status();
    ASSERT_EQ(row.size(), 1u);
    EXPECT_EQ(row[0].ToString(), expected);
  }

  std::unique_ptr<Database> db_;
};

TEST_F(Nesting, DeepBracketsAreALimitError) {
  for (int n : {3000, 30000}) {
    ExpectTooDeep("RETURN " + Repeat("[", n) + Repeat("]", n));
    ExpectTooDeep("RETURN " + Repeat("(", n) + "1" + Repeat(")", n));
    ExpectTooDeep("RETURN " + Repeat("{a: ", n) + "1" + Repeat("}", n));
    ExpectTooDeep("RETURN " + Repeat("size(", n) + "[]" + Repeat(")", n));
    ExpectTooDeep("RETURN " + Repeat("CASE WHEN true THEN ", n) + "1" + Repeat(" END", n));
  }
}

TEST_F(Nesting, LongOperatorChainsAreALimitError) {
  // The 100,000 ANDs once overflowed the stack; 20,000 of the rest
  // are as far past the limit and keep the test quick.
  ExpectTooDeep("RETURN true" + Repeat(" AND true", 100000));
  const int n = 20000;
  ExpectTooDeep("RETURN 1" + Repeat(" + 1", n));
  ExpectTooDeep("RETURN false" + Repeat(" OR false", n));
  ExpectTooDeep("RETURN " + Repeat("NOT ", n) + "true");
  ExpectTooDeep("WITH 1 AS x RETURN " + Repeat("- ", n) + "x");
  ExpectTooDeep("RETURN [1]" + Repeat("[0]", n));
  ExpectTooDeep("WITH {a: 1} AS m RETURN m" + Repeat(".a", n));
  ExpectTooDeep("RETURN 1" + Repeat(" < 2", n) + " IS NULL" + Repeat(" IS NULL", n));
}

TEST_F(Nesting, DeepSubqueriesAreALimitError) {
  // Each EXISTS/COUNT { MATCH … WHERE … } level recurses through the
  // parser, the binder and the evaluator like a bracket does.
  for (int n : {1000, 10000}) {
    ExpectTooDeep("RETURN " + Repeat("EXISTS { MATCH (a) WHERE ", n) + "true" + Repeat(" }", n));
    ExpectTooDeep("RETURN " + Repeat("COUNT { (a) WHERE 0 < ", n) + "1" + Repeat(" }", n));
  }
}

TEST_F(Nesting, TheErrorNamesWhere) {
  absl::StatusOr<Result> r = db_->Query("RETURN\n  " + Repeat("[", 5000) + Repeat("]", 5000));
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(absl::StrContains(r.status().message(), "line 2, column ")) << r.status();
  EXPECT_TRUE(absl::StrContains(r.status().message(), "nests too deeply")) << r.status();
}

TEST_F(Nesting, StatementsInsideTheLimitsRun) {
  ExpectValue("RETURN size(" + Repeat("[", 150) + Repeat("]", 150) + ")", "1");
  ExpectValue("RETURN " + Repeat("(", 150) + "7" + Repeat(")", 150), "7");
  ExpectValue("RETURN 0" + Repeat(" + 1", 400), "400");
  ExpectValue("RETURN " + Repeat("NOT ", 400) + "true", "true");
  // A run of signs before a number literal folds into the literal.
  ExpectValue("RETURN " + Repeat("- ", 20000) + "1", "1");
  ExpectValue("RETURN false" + Repeat(" OR false", 300) + " OR true", "true");
  ASSERT_TRUE(db_->Query("CREATE (:N)").ok());
  ExpectValue("RETURN " + Repeat("EXISTS { MATCH (a) WHERE ", 40) + "true" + Repeat(" }", 40),
              "true");
}

TEST_F(Nesting, TheLimitsFitAFourMebibyteStack) {
  // The deepest statements the limits admit, parsed, bound and evaluated
  // on a thread whose stack is half of Linux's default.
  const int brackets = query::kMaxParseRuleDepth / 16;
  const int chain = query::kMaxExpressionDepth - 2;
  std::string a = "RETURN size(" + Repeat("[", brackets) + Repeat("]", brackets) + ")";
  std::string b = "RETURN 0" + Repeat(" + 1", chain);
  std::string c = "RETURN " + Repeat("CASE WHEN true THEN ", brackets / 2) + "1" +
                  Repeat(" END", brackets / 2);
  OnThreadWithStack(size_t(4) << 20, [&] {
    ExpectValue(a, "1");
    ExpectValue(b, std::to_string(chain));
    ExpectValue(c, "1");
  });
}

TEST_F(Nesting, TheDeepestSubqueriesFitAFourMebibyteStack) {
  // Each level of EXISTS { MATCH (a) WHERE … } matches and evaluates
  // inside the level around it: find the deepest nesting the limits admit,
  // then parse and bind it on half of Linux's default stack and run it
  // (with a node to match) on the statement's worker thread's stack.
  auto nested = [](int n) {
    return "RETURN " + Repeat("EXISTS { MATCH (a) WHERE ", n) + "true" + Repeat(" }", n);
  };
  int lo = 1, hi = 2000;  // nested(lo) is admitted, nested(hi) is not
  while (hi - lo > 1) {
    int mid = (lo + hi) / 2;
    absl::StatusOr<Result> r = db_->Query(nested(mid));
    bool too_deep = !r.ok() && absl::StartsWith(r.status().message(), "LimitExceeded");
    (too_deep ? hi : lo) = mid;
  }
  EXPECT_GT(lo, 20);
  ASSERT_TRUE(db_->Query("CREATE (:N)").ok());
  std::string deepest = nested(lo);
  OnThreadWithStack(size_t(4) << 20, [&] { ExpectValue(deepest, "true"); });
}

}  // namespace
}  // namespace quiver
