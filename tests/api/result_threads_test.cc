// A Result whose rows are still streaming is read and destroyed on other
// threads than the one that called Query (quiver/result.h): the
// statement's operators run on a worker thread of their own, and the
// reader, whichever thread it is, pulls pages from it. Cancellation still
// reaches a statement paused between pages or running for a reader.

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "quiver/cancellation.h"
#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::TempDir;

std::unique_ptr<Database> Open(const TempDir& dir) {
  auto db = Database::Open(dir.Sub("g"));
  EXPECT_TRUE(db.ok()) << db.status();
  return *std::move(db);
}

// Reads up to `n` rows of `r`, checking that they count on from *next.
int64_t ReadCounting(Result& r, int64_t n, int64_t* next) {
  ValueList row;
  int64_t got = 0;
  while (got < n && r.Next(&row)) {
    if (row[0].AsInt() != *next) return -1;
    ++*next;
    ++got;
  }
  return got;
}

TEST(ResultThreads, AStreamingResultIsReadOnAnotherThread) {
  TempDir dir;
  auto db = Open(dir);
  QueryOptions options;
  options.max_rows = 2048;  // Several pages, never all held at once.
  auto r = db->Query("UNWIND range(1, 10000) AS x RETURN x", {}, options);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_FALSE(r->complete());
  int64_t next = 1;
  ASSERT_EQ(ReadCounting(*r, 10, &next), 10);
  Result moved = *std::move(r);
  int64_t got = 0;
  std::thread reader([&] { got = ReadCounting(moved, 1000000, &next); });
  reader.join();
  EXPECT_EQ(got, 9990);
  EXPECT_TRUE(moved.status().ok()) << moved.status();
  EXPECT_TRUE(moved.complete());
  EXPECT_EQ(moved.rows_produced(), 10000);
}

TEST(ResultThreads, PagesAreReadByOneThreadAfterAnother) {
  TempDir dir;
  auto db = Open(dir);
  auto r = db->Query("UNWIND range(1, 20000) AS x RETURN x");
  ASSERT_TRUE(r.ok()) << r.status();
  int64_t next = 1;
  // Each thread reads 1500 rows (crossing page boundaries) and hands the
  // Result on by ending: join is the synchronisation.
  for (int t = 0; t < 14; ++t) {
    int64_t got = 0;
    std::thread reader([&] { got = ReadCounting(*r, 1500, &next); });
    reader.join();
    ASSERT_EQ(got, t < 13 ? 1500 : 20000 - 13 * 1500) << "thread " << t;
  }
  EXPECT_EQ(next, 20001);
  EXPECT_TRUE(r->status().ok());
}

TEST(ResultThreads, ManyStreamingResultsAtOnceOnManyThreads) {
  TempDir dir;
  auto db = Open(dir);
  ASSERT_TRUE(db->Query("UNWIND range(1, 60) AS i CREATE (:N {i: i})").ok());
  // Twelve statements paused between pages at once, each then read on its
  // own thread.
  std::vector<Result> results;
  for (int k = 0; k < 12; ++k) {
    auto r = db->Query("MATCH (a:N), (b:N) RETURN a.i * 100 + b.i AS v ORDER BY v SKIP $k",
                       {{"k", Value(int64_t(k))}});
    ASSERT_TRUE(r.ok()) << r.status();
    results.push_back(*std::move(r));
  }
  std::vector<int64_t> counts(results.size(), 0);
  std::vector<std::thread> threads;
  for (size_t k = 0; k < results.size(); ++k) {
    threads.emplace_back([&, k] {
      ValueList row;
      while (results[k].Next(&row)) ++counts[k];
    });
  }
  for (auto& th : threads) th.join();
  for (size_t k = 0; k < results.size(); ++k) {
    EXPECT_EQ(counts[k], 3600 - int64_t(k)) << k;
    EXPECT_TRUE(results[k].status().ok()) << results[k].status();
  }
}

TEST(ResultThreads, DestroyedMidStreamOnAnotherThreadThenTheStoreCloses) {
  TempDir dir;
  auto db = Open(dir);
  ASSERT_TRUE(db->Query("UNWIND range(1, 40) AS i CREATE (:N {i: i})").ok());
  for (int i = 0; i < 20; ++i) {
    auto r = db->Query("MATCH (a:N), (b:N), (c:N) RETURN a.i, b.i, c.i");
    ASSERT_TRUE(r.ok()) << r.status();
    ASSERT_FALSE(r->complete());
    ValueList row;
    ASSERT_TRUE(r->Next(&row));
    auto owned = std::make_unique<Result>(*std::move(r));
    // Destroyed on another thread with the match paused mid-pattern.
    std::thread dropper([owned = std::move(owned)]() mutable { owned.reset(); });
    dropper.join();
  }
  // The store still takes writes, and closes with no statement left
  // holding a snapshot.
  auto w = db->Query("CREATE (:Probe)");
  ASSERT_TRUE(w.ok()) << w.status();
  db.reset();
  auto again = Database::Open(dir.Sub("g"));
  ASSERT_TRUE(again.ok()) << again.status();
  auto c = (*again)->Query("MATCH (p:Probe) RETURN count(*)");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->row(0)[0].AsInt(), 1);
}

TEST(ResultThreads, CancellingAPausedStatementEndsItsRows) {
  TempDir dir;
  auto db = Open(dir);
  CancellationFlag flag;
  QueryOptions options;
  options.cancel = &flag;
  auto r = db->Query("UNWIND range(1, 1000000) AS x RETURN x", {}, options);
  ASSERT_TRUE(r.ok()) << r.status();
  int64_t next = 1;
  ASSERT_EQ(ReadCounting(*r, 1024, &next), 1024);  // The first page.
  flag.Cancel();
  int64_t more = 0;
  std::thread reader([&] { more = ReadCounting(*r, 1000000, &next); });
  reader.join();
  EXPECT_EQ(more, 0);  // Not one more page once it was cancelled.
  EXPECT_TRUE(absl::IsCancelled(r->status())) << r->status();
  EXPECT_TRUE(absl::StrContains(r->status().message(), "Cancelled (runtime)"));
}

TEST(ResultThreads, CancellingFromAThirdThreadWhileAReaderWaits) {
  TempDir dir;
  auto db = Open(dir);
  CancellationFlag flag;
  QueryOptions options;
  options.cancel = &flag;
  options.timeout_ms = 0;  // Only the flag can stop it.
  // The first page comes at once; the next row is billions of steps away.
  auto r = db->Query(
      "UNWIND range(1, 9000000000000) AS x WITH x WHERE x <= 1024 OR x % 1000000000000 = 0 "
      "RETURN x",
      {}, options);
  ASSERT_TRUE(r.ok()) << r.status();
  int64_t next = 1;
  ASSERT_EQ(ReadCounting(*r, 1024, &next), 1024);
  auto start = std::chrono::steady_clock::now();
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    flag.Cancel();
  });
  int64_t more = -1;
  std::thread reader([&] {
    ValueList row;
    more = r->Next(&row) ? 1 : 0;
  });
  reader.join();
  canceller.join();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(more, 0);
  EXPECT_TRUE(absl::IsCancelled(r->status())) << r->status();
  EXPECT_LT(seconds, 10.0);
}

}  // namespace
}  // namespace quiver
