// Read-only statements stream: Database::Query returns after the first page
// of rows, Result::Next pulls the rest from the operator pipeline, LIMIT
// stops the work that feeds it, errors after the first page come from
// Result::status(), and dropping a Result part-way releases its pipeline.
// Asserted with Result::rows_produced(), not with timing.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"
#include "quiver/database.h"
#include "tests/query/example_graph.h"

namespace quiver {
namespace {

using testing::OpenQueryTestDb;

TEST(Streaming, FirstRowsOfAHugeResultWithoutMakingTheRest) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  QueryOptions options;
  options.max_rows = 5000;  // Far below the result: it must never be held.
  auto r = db->Query("UNWIND range(1, 10000000) AS x RETURN x * 2 AS y", {}, options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_FALSE(r->complete());
  ValueList row;
  for (int64_t i = 1; i <= 10; ++i) {
    ASSERT_TRUE(r->Next(&row));
    EXPECT_EQ(row[0].AsInt(), 2 * i);
  }
  // One page made, not ten million rows.
  EXPECT_GE(r->rows_produced(), 10);
  EXPECT_LE(r->rows_produced(), 2048);
  EXPECT_TRUE(r->status().ok());
}

TEST(Streaming, EveryRowArrivesInOrderAcrossPages) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  QueryOptions options;
  options.max_rows = 3000;  // Rows are released as they are read.
  auto r = db->Query("UNWIND range(1, 25000) AS x WITH x WHERE x % 2 = 0 RETURN x", {}, options);
  ASSERT_TRUE(r.ok()) << r.status();
  ValueList row;
  int64_t n = 0, last = 0;
  bool ordered = true;
  while (r->Next(&row)) {
    ordered &= row[0].AsInt() == last + 2;
    last = row[0].AsInt();
    ++n;
  }
  EXPECT_TRUE(r->status().ok()) << r->status();
  EXPECT_TRUE(ordered);
  EXPECT_EQ(n, 12500);
  EXPECT_EQ(r->rows_produced(), 12500);
  EXPECT_TRUE(r->complete());
}

TEST(Streaming, SizeFetchesEverythingWithinMaxRows) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  auto r = db->Query("UNWIND range(1, 5000) AS x RETURN x");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 5000u);
  EXPECT_EQ(r->row(4999)[0].AsInt(), 5000);
  EXPECT_TRUE(r->complete());

  // Holding them all is what max_rows limits.
  QueryOptions options;
  options.max_rows = 3000;
  r = db->Query("UNWIND range(1, 5000) AS x RETURN x", {}, options);
  ASSERT_TRUE(r.ok()) << r.status();
  (void)r->size();
  EXPECT_EQ(r->status().code(), absl::StatusCode::kResourceExhausted) << r->status();
}

TEST(Streaming, ErrorAfterTheFirstPageEndsTheRowsWithAStatus) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  // Row 5000 divides by zero, well after the first page.
  auto r = db->Query("UNWIND range(1, 6000) AS x RETURN 10 / (5000 - x) AS y");
  ASSERT_TRUE(r.ok()) << r.status();
  ValueList row;
  int64_t n = 0;
  while (r->Next(&row)) ++n;
  // The pages before the error arrive.
  EXPECT_GE(n, 1024);
  EXPECT_LT(n, 5000);
  ASSERT_FALSE(r->status().ok());
  EXPECT_TRUE(absl::StrContains(r->status().message(), "DivisionByZero")) << r->status();

  // An error within the first page comes from Query itself.
  auto early = db->Query("UNWIND range(1, 10) AS x RETURN 10 / (5 - x) AS y");
  ASSERT_FALSE(early.ok());
  EXPECT_TRUE(absl::StrContains(early.status().message(), "DivisionByZero"));
}

TEST(Streaming, LimitStopsTheWorkThatFeedsIt) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  // Without the stop this would run past the time limit.
  QueryOptions options;
  options.timeout_ms = 5000;
  auto r = db->Query("UNWIND range(1, 2000000000) AS x RETURN x LIMIT 3", {}, options);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->size(), 3u);
  r = db->Query("UNWIND range(1, 2000000000) AS x WITH x SKIP 5 LIMIT 2 RETURN collect(x) AS c",
                {}, options);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->row(0)[0].ToString(), "[6, 7]");
}

// UNWIND range(...) counts lazily (UnwindOp); the values must be those of
// the range() list: negative steps, empty ranges, the int64 edges, step 0.
TEST(Streaming, LazyRangeYieldsWhatTheRangeListHolds) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  for (const std::string args :
       {"1, 5", "5, 1", "10, 1, -3", "1, 10, 4", "-2, 2, 1", "3, 3", "1, 5, -1",
        "9223372036854775805, 9223372036854775807",
        "-9223372036854775806, -9223372036854775807 - 1, -1", "1, 9223372036854775807, "
        "4611686018427387904"}) {
    auto lazy = db->Query("UNWIND range(" + args + ") AS x RETURN collect(x) AS c");
    // A list comprehension makes the whole list first.
    auto list = db->Query("UNWIND [y IN range(" + args + ") | y] AS x RETURN collect(x) AS c");
    ASSERT_TRUE(lazy.ok()) << args << ": " << lazy.status();
    ASSERT_TRUE(list.ok()) << args << ": " << list.status();
    EXPECT_EQ(lazy->row(0)[0].ToString(), list->row(0)[0].ToString()) << args;
  }
  auto zero = db->Query("UNWIND range(1, 5, 0) AS x RETURN x");
  EXPECT_FALSE(zero.ok() && zero->size() > 0 && zero->status().ok());
}

TEST(Streaming, DroppingAResultPartWayReleasesItsPipeline) {
  auto db = OpenQueryTestDb(true);
  ASSERT_NE(db, nullptr);
  for (int i = 0; i < 50; ++i) {
    auto r = db->Query("MATCH (a), (b) UNWIND range(1, 100) AS k RETURN a.name, b.name, k");
    ASSERT_TRUE(r.ok()) << r.status();
    ValueList row;
    ASSERT_TRUE(r->Next(&row));
    // r goes out of scope with the match paused mid-pattern.
  }
  // And the store is still usable for writes afterwards.
  auto w = db->Query("CREATE (:Probe {name: 'p'})");
  ASSERT_TRUE(w.ok()) << w.status();
  auto c = db->Query("MATCH (p:Probe) RETURN count(*)");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->row(0)[0].AsInt(), 1);
}

// A statement whose rows are known to fit in one page runs to its end
// inside Query, on the caller's thread (no worker to hand it to); the
// others run on a worker. A registered function says where it was called.
TEST(Streaming, StatementsThatFitInOnePageRunOnTheCallersThread) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  const std::thread::id caller = std::this_thread::get_id();
  FunctionSignature sig;
  sig.name = "test.onCaller";
  sig.result = ArgType::kBoolean;
  ASSERT_TRUE(db->RegisterFunction(sig, [caller](const ValueList&) -> absl::StatusOr<Value> {
                  return Value(std::this_thread::get_id() == caller);
                }).ok());
  struct Case {
    const char* text;
    ValueMap params;
    bool on_caller;
    size_t rows;
  };
  const Case cases[] = {
      {"UNWIND range(1, 5000) AS x RETURN collect(DISTINCT test.onCaller()) AS c", {}, true, 1},
      {"UNWIND range(1, 5000) AS x WITH test.onCaller() AS c RETURN collect(DISTINCT c) AS c, "
       "count(*) AS n",
       {}, true, 1},
      {"UNWIND range(1, 5000) AS x RETURN test.onCaller() AS c LIMIT 1000", {}, true, 1000},
      {"UNWIND range(1, 5000) AS x RETURN test.onCaller() AS c LIMIT $n",
       {{"n", Value(int64_t(1024))}}, true, 1024},
      // Small, but not known to be: a worker.
      {"UNWIND range(1, 3) AS x RETURN test.onCaller() AS c", {}, false, 3},
      // A grouping key: a row per group, however many.
      {"UNWIND range(1, 5000) AS x RETURN x % 2000 AS k, collect(DISTINCT test.onCaller()) AS c",
       {}, false, 2000},
      {"UNWIND range(1, 5000) AS x RETURN test.onCaller() AS c LIMIT 3000", {}, false, 3000},
      {"UNWIND range(1, 5000) AS x RETURN test.onCaller() AS c LIMIT $n",
       {{"n", Value(int64_t(2000))}}, false, 2000},
  };
  for (const auto& c : cases) {
    auto r = db->Query(c.text, c.params);
    ASSERT_TRUE(r.ok()) << c.text << ": " << r.status();
    const size_t col = r->columns().size() - (std::string(c.text).find("count(*)") !=
                                                      std::string::npos ? 2 : 1);
    size_t rows = 0;
    bool all = true;
    for (const auto& row : r->rows()) {
      ++rows;
      const Value& v = row[col];
      // collect(DISTINCT ...) gives [true] or [false].
      bool on_caller = v.is_list() ? v.AsList().size() == 1 && v.AsList()[0].AsBool()
                                   : v.AsBool();
      all &= on_caller == c.on_caller;
    }
    EXPECT_TRUE(all) << c.text;
    EXPECT_EQ(rows, c.rows) << c.text;
  }
}

TEST(Streaming, UpdatingStatementsRunInsideQuery) {
  auto db = OpenQueryTestDb(false);
  ASSERT_NE(db, nullptr);
  auto r = db->Query("UNWIND range(1, 3000) AS i CREATE (n:Made {i: i}) RETURN n.i");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_TRUE(r->complete());
  EXPECT_EQ(r->stats().nodes_created, 3000);
  // Everything is written before a single row is read.
  auto c = db->Query("MATCH (n:Made) RETURN count(*)");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->row(0)[0].AsInt(), 3000);
  EXPECT_EQ(r->size(), 3000u);
}

}  // namespace
}  // namespace quiver
