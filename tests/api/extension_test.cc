// Extending the query language from an embedding program
// (quiver/extension.h): a scalar function and a procedure registered on a
// Database, used in statements and EXPLAIN, their names checked, their
// errors (returned or thrown) reported as statement errors, and the
// registration visible to that Database only.

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::TempDir;

std::unique_ptr<Database> Open(const TempDir& dir, const std::string& name = "g") {
  auto db = Database::Open(dir.Sub(name));
  EXPECT_TRUE(db.ok()) << db.status();
  return *std::move(db);
}

// "Ada Lovelace" -> "AL": what an embedder might add.
absl::Status AddInitials(Database& db) {
  FunctionSignature sig;
  sig.name = "my.initials";
  sig.inputs = {{"name", ArgType::kString}, {"separator", ArgType::kString, Value("")}};
  sig.result = ArgType::kString;
  return db.RegisterFunction(sig, [](const ValueList& args) -> absl::StatusOr<Value> {
    if (args[0].is_null()) return Value();
    const std::string& s = args[0].AsString();
    if (s.empty()) return absl::InvalidArgumentError("an empty name has no initials");
    std::string out;
    bool start = true;
    for (char c : s) {
      if (start && c != ' ') {
        if (!out.empty()) out += args[1].AsString();
        out += c;
      }
      start = c == ' ';
    }
    return Value(out);
  });
}

absl::Status AddSquares(Database& db) {
  ProcedureSignature sig;
  sig.name = "my.squares";
  sig.inputs = {{"n", ArgType::kInteger}};
  sig.outputs = {{"i", ArgType::kInteger}, {"square", ArgType::kInteger}};
  return db.RegisterProcedure(sig, [](const ValueList& args)
                                       -> absl::StatusOr<std::vector<ValueList>> {
    if (args[0].AsInt() < 0) return absl::InvalidArgumentError("n must not be negative");
    std::vector<ValueList> rows;
    for (int64_t i = 1; i <= args[0].AsInt(); ++i) rows.push_back({Value(i), Value(i * i)});
    return rows;
  });
}

std::string FirstCell(Database& db, const std::string& text, const ValueMap& params = {}) {
  auto r = db.Query(text, params);
  if (!r.ok()) return "ERROR " + std::string(r.status().message());
  if (r->size() == 0) return "(no rows)";
  const Value& v = r->row(0)[0];
  return v.is_string() ? v.AsString() : v.ToString();
}

TEST(Extension, AFunctionInReturnWhereAndExplain) {
  TempDir dir;
  auto db = Open(dir);
  ASSERT_TRUE(AddInitials(*db).ok());
  ASSERT_TRUE(db->Query("CREATE (:P {name: 'Ada Lovelace'}), (:P {name: 'Alan Turing'})").ok());
  EXPECT_EQ(FirstCell(*db, "RETURN my.initials('Grace Brewster Hopper')"), "GBH");
  // The default of the second argument, and case-insensitive names.
  EXPECT_EQ(FirstCell(*db, "RETURN MY.Initials('Grace Hopper', '.')"), "G.H");
  EXPECT_EQ(FirstCell(*db, "RETURN my.initials(null)"), "null");
  EXPECT_EQ(FirstCell(*db, "MATCH (p:P) WHERE my.initials(p.name) = 'AT' RETURN p.name"),
            "Alan Turing");
  EXPECT_EQ(FirstCell(*db, "MATCH (p:P) RETURN collect(my.initials(p.name)) AS c"),
            "['AL', 'AT']");
  auto explain = db->Query("EXPLAIN MATCH (p:P) WHERE my.initials(p.name) = 'AT' RETURN p");
  ASSERT_TRUE(explain.ok()) << explain.status();
  EXPECT_TRUE(absl::StrContains(explain->plan(), "my.initials(p.name)")) << explain->plan();
}

TEST(Extension, FunctionErrorsAreStatementErrors) {
  TempDir dir;
  auto db = Open(dir);
  ASSERT_TRUE(AddInitials(*db).ok());
  // Arity: at compile time, with the position.
  auto arity = db->Query("RETURN my.initials()");
  ASSERT_FALSE(arity.ok());
  EXPECT_TRUE(absl::StrContains(arity.status().message(), "InvalidNumberOfArguments"))
      << arity.status();
  EXPECT_TRUE(absl::StrContains(arity.status().message(), "takes 1 to 2 argument(s), not 0"));
  // A wrong argument type, before the callable runs.
  auto type = db->Query("RETURN my.initials(42)");
  ASSERT_FALSE(type.ok());
  EXPECT_TRUE(absl::StartsWith(type.status().message(), "TypeError (runtime)")) << type.status();
  // The callable's own error.
  auto failed = db->Query("RETURN my.initials('')");
  ASSERT_FALSE(failed.ok());
  EXPECT_TRUE(absl::StartsWith(failed.status().message(), "ArgumentError (runtime)"))
      << failed.status();
  EXPECT_TRUE(absl::StrContains(failed.status().message(), "an empty name has no initials"));

  // An exception and a result of the wrong type: errors, not crashes.
  FunctionSignature thrower;
  thrower.name = "my.throws";
  ASSERT_TRUE(db->RegisterFunction(thrower, [](const ValueList&) -> absl::StatusOr<Value> {
                  throw std::runtime_error("boom");
                }).ok());
  auto thrown = db->Query("RETURN my.throws()");
  ASSERT_FALSE(thrown.ok());
  EXPECT_TRUE(absl::StrContains(thrown.status().message(), "boom")) << thrown.status();
  FunctionSignature liar;
  liar.name = "my.liar";
  liar.result = ArgType::kInteger;
  ASSERT_TRUE(db->RegisterFunction(liar, [](const ValueList&) -> absl::StatusOr<Value> {
                  return Value("not a number");
                }).ok());
  auto lied = db->Query("RETURN my.liar()");
  ASSERT_FALSE(lied.ok());
  EXPECT_TRUE(absl::StrContains(lied.status().message(), "returned STRING")) << lied.status();
  // The store is fine afterwards.
  EXPECT_EQ(FirstCell(*db, "RETURN 1 + 1"), "2");
}

TEST(Extension, NamesAreChecked) {
  TempDir dir;
  auto db = Open(dir);
  auto dummy = [](const ValueList&) -> absl::StatusOr<Value> { return Value(1); };
  FunctionSignature sig;
  for (const char* bad : {"", "1abc", "my..f", "my.f-g", "a.2b", "sp ace"}) {
    sig.name = bad;
    EXPECT_EQ(db->RegisterFunction(sig, dummy).code(), absl::StatusCode::kInvalidArgument)
        << bad;
  }
  // Built-in functions cannot be taken, in any case.
  for (const char* builtin : {"toUpper", "TOUPPER", "count", "date.truncate", "rand"}) {
    sig.name = builtin;
    EXPECT_EQ(db->RegisterFunction(sig, dummy).code(), absl::StatusCode::kAlreadyExists)
        << builtin;
  }
  sig.name = "my.f";
  EXPECT_TRUE(db->RegisterFunction(sig, dummy).ok());
  sig.name = "MY.F";
  EXPECT_EQ(db->RegisterFunction(sig, dummy).code(), absl::StatusCode::kAlreadyExists);
  sig.name = "my.g";
  EXPECT_EQ(db->RegisterFunction(sig, nullptr).code(), absl::StatusCode::kInvalidArgument);
  // A defaulted argument before one without.
  sig.inputs = {{"a", ArgType::kAny, Value(1)}, {"b"}};
  EXPECT_EQ(db->RegisterFunction(sig, dummy).code(), absl::StatusCode::kInvalidArgument);
  sig.inputs = {{"a"}, {"A"}};
  EXPECT_EQ(db->RegisterFunction(sig, dummy).code(), absl::StatusCode::kInvalidArgument);

  auto rows = [](const ValueList&) -> absl::StatusOr<std::vector<ValueList>> {
    return std::vector<ValueList>{};
  };
  ProcedureSignature proc;
  proc.name = "db.labels";  // Built in.
  proc.outputs = {{"label", ArgType::kString}};
  EXPECT_EQ(db->RegisterProcedure(proc, rows).code(), absl::StatusCode::kAlreadyExists);
  proc.name = "my.p";
  proc.outputs = {{"x", ArgType::kAny, Value(1)}};  // Outputs have no defaults.
  EXPECT_EQ(db->RegisterProcedure(proc, rows).code(), absl::StatusCode::kInvalidArgument);
}

TEST(Extension, AProcedureStandaloneAndInQuery) {
  TempDir dir;
  auto db = Open(dir);
  ASSERT_TRUE(AddSquares(*db).ok());
  auto standalone = db->Query("CALL my.squares(3)");
  ASSERT_TRUE(standalone.ok()) << standalone.status();
  EXPECT_EQ(standalone->columns(), (std::vector<std::string>{"i", "square"}));
  ASSERT_EQ(standalone->size(), 3u);
  EXPECT_EQ(standalone->row(2)[1].AsInt(), 9);
  // Implicit arguments from parameters.
  auto implicit = db->Query("CALL my.squares", {{"n", Value(2)}});
  ASSERT_TRUE(implicit.ok()) << implicit.status();
  EXPECT_EQ(implicit->size(), 2u);
  EXPECT_EQ(FirstCell(*db,
                      "UNWIND [2, 4] AS n CALL my.squares(n) YIELD square WHERE square > 3 "
                      "RETURN sum(square) AS s"),
            "33");  // 4 from n=2; 4+9+16 from n=4.
  auto explain = db->Query("EXPLAIN CALL my.squares(3) YIELD square RETURN square");
  ASSERT_TRUE(explain.ok()) << explain.status();
  EXPECT_TRUE(absl::StrContains(explain->plan(), "my.squares")) << explain->plan();

  auto failed = db->Query("CALL my.squares(-1)");
  ASSERT_FALSE(failed.ok());
  EXPECT_TRUE(absl::StartsWith(failed.status().message(), "ProcedureError (runtime)"))
      << failed.status();
  EXPECT_TRUE(absl::StrContains(failed.status().message(), "n must not be negative"));
  auto type = db->Query("CALL my.squares('three')");
  ASSERT_FALSE(type.ok());
  EXPECT_TRUE(absl::StrContains(type.status().message(), "must be INTEGER")) << type.status();

  // Rows that do not fit the signature, and exceptions.
  ProcedureSignature bad;
  bad.name = "my.bad";
  bad.inputs = {{"mode", ArgType::kInteger}};
  bad.outputs = {{"x", ArgType::kInteger}};
  ASSERT_TRUE(db->RegisterProcedure(bad, [](const ValueList& args)
                                             -> absl::StatusOr<std::vector<ValueList>> {
                  if (args[0].AsInt() == 0) return std::vector<ValueList>{{Value(1), Value(2)}};
                  if (args[0].AsInt() == 1) return std::vector<ValueList>{{Value("x")}};
                  throw std::runtime_error("kaboom");
                }).ok());
  for (int mode = 0; mode < 3; ++mode) {
    auto r = db->Query("CALL my.bad($m)", {{"m", Value(int64_t(mode))}});
    ASSERT_FALSE(r.ok()) << mode;
    EXPECT_TRUE(absl::StartsWith(r.status().message(), "ProcedureError (runtime)"))
        << r.status();
  }
  EXPECT_TRUE(absl::StrContains(db->Query("CALL my.bad(2)").status().message(), "kaboom"));
}

TEST(Extension, RegistrationsBelongToOneDatabase) {
  TempDir dir;
  auto a = Open(dir, "a");
  auto b = Open(dir, "b");
  ASSERT_TRUE(AddInitials(*a).ok());
  ASSERT_TRUE(AddSquares(*a).ok());
  // The same texts: a's statements must not be served to b from a cache.
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(FirstCell(*a, "RETURN my.initials('Ada Lovelace')"), "AL");
    EXPECT_TRUE(absl::StrContains(FirstCell(*b, "RETURN my.initials('Ada Lovelace')"),
                                  "UnknownFunction"));
    EXPECT_EQ(FirstCell(*a, "CALL my.squares(1) YIELD square RETURN square"), "1");
    EXPECT_TRUE(absl::StrContains(FirstCell(*b, "CALL my.squares(1) YIELD square RETURN square"),
                                  "ProcedureNotFound"))
        << FirstCell(*b, "CALL my.squares(1) YIELD square RETURN square");
  }
}

TEST(Extension, ReplacingABuiltinProcedureReplansPreparedStatements) {
  TempDir dir;
  auto db = Open(dir);
  ASSERT_TRUE(db->Query("CREATE (:Real)").ok());
  auto st = db->Prepare("CALL db.labels() YIELD label RETURN label");
  ASSERT_TRUE(st.ok()) << st.status();
  auto before = st->Execute();
  ASSERT_TRUE(before.ok());
  ASSERT_EQ(before->size(), 1u);
  EXPECT_EQ(before->row(0)[0].AsString(), "Real");

  ProcedureSignature sig;
  sig.name = "db.labels";
  sig.outputs = {{"label", ArgType::kString}};
  sig.replace_builtin = true;
  ASSERT_TRUE(db->RegisterProcedure(sig, [](const ValueList&)
                                             -> absl::StatusOr<std::vector<ValueList>> {
                  return std::vector<ValueList>{{Value("Replaced")}};
                }).ok());
  auto after = st->Execute();
  ASSERT_TRUE(after.ok()) << after.status();
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ(after->row(0)[0].AsString(), "Replaced");
  EXPECT_EQ(FirstCell(*db, "CALL db.labels() YIELD label RETURN label"), "Replaced");
}

// A prepared statement promised its columns at Prepare: a registration
// that changes them (a replacement procedure with other outputs) fails the
// next Execute instead of returning rows under other names.
TEST(Extension, AReplacementThatChangesAPreparedStatementsColumnsIsRefused) {
  TempDir dir;
  auto db = Open(dir);
  ASSERT_TRUE(db->Query("CREATE (:Real)").ok());
  auto st = db->Prepare("CALL db.labels()");
  ASSERT_TRUE(st.ok()) << st.status();
  EXPECT_EQ(st->columns(), std::vector<std::string>{"label"});
  ASSERT_TRUE(st->Execute().ok());

  ProcedureSignature sig;
  sig.name = "db.labels";
  sig.outputs = {{"name", ArgType::kString}};
  sig.replace_builtin = true;
  ASSERT_TRUE(db->RegisterProcedure(sig, [](const ValueList&)
                                             -> absl::StatusOr<std::vector<ValueList>> {
                  return std::vector<ValueList>{{Value("Replaced")}};
                }).ok());
  auto stale = st->Execute();
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), absl::StatusCode::kFailedPrecondition) << stale.status();
  EXPECT_TRUE(absl::StrContains(stale.status().message(), "prepare it again")) << stale.status();
  // Prepared again, it has the new columns.
  auto again = db->Prepare("CALL db.labels()");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->columns(), std::vector<std::string>{"name"});
  auto r = again->Execute();
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->row(0)[0].AsString(), "Replaced");
}

// quiver/extension.h: an INTEGER passed where FLOAT is declared arrives as
// a FLOAT, and an INTEGER returned where FLOAT is declared is a FLOAT.
TEST(Extension, AnIntegerWhereFloatIsDeclaredIsAFloat) {
  TempDir dir;
  auto db = Open(dir);
  FunctionSignature sig;
  sig.name = "my.same";
  sig.inputs = {{"x", ArgType::kFloat}};
  sig.result = ArgType::kFloat;
  ASSERT_TRUE(db->RegisterFunction(sig, [](const ValueList& args) -> absl::StatusOr<Value> {
                  if (!args[0].is_double()) return absl::InvalidArgumentError("not a FLOAT");
                  return Value(int64_t(args[0].AsDouble()));  // Declared FLOAT: becomes one.
                }).ok());
  auto r = db->Query("RETURN my.same(3) AS a, my.same(2.5) AS b");
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->size(), 1u);
  ASSERT_TRUE(r->row(0)[0].is_double()) << r->row(0)[0].ToString();
  EXPECT_EQ(r->row(0)[0].AsDouble(), 3.0);
  ASSERT_TRUE(r->row(0)[1].is_double()) << r->row(0)[1].ToString();
  EXPECT_EQ(r->row(0)[1].AsDouble(), 2.0);
}

TEST(Extension, CallablesRunOnSeveralThreadsAtOnce) {
  TempDir dir;
  auto db = Open(dir);
  std::atomic<int64_t> calls{0};
  FunctionSignature sig;
  sig.name = "my.twice";
  sig.inputs = {{"x", ArgType::kInteger}};
  sig.result = ArgType::kInteger;
  ASSERT_TRUE(db->RegisterFunction(sig, [&calls](const ValueList& args) -> absl::StatusOr<Value> {
                  calls.fetch_add(1, std::memory_order_relaxed);
                  return Value(args[0].AsInt() * 2);
                }).ok());
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        auto r = db->Query("UNWIND range(1, 3000) AS x RETURN sum(my.twice(x)) AS s");
        if (!r.ok() || r->row(0)[0].AsInt() != 3000 * 3001) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_EQ(calls.load(), 4 * 20 * 3000);
}

}  // namespace
}  // namespace quiver
