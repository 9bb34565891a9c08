// QueryOptions::cancel: a statement stops soon after its flag is set, from
// another thread, with a Cancelled error; an updating statement then writes
// nothing.

#include <chrono>
#include <thread>

#include "gtest/gtest.h"
#include "quiver/cancellation.h"
#include "quiver/database.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::TempDir;

// A count over the 8^9 rows of a nine-way product of the graph's nodes:
// minutes of work in little memory (the rows stream into the count).
constexpr char kLongStatement[] =
    "MATCH (a), (b), (c), (d), (e), (f), (g), (h), (i) RETURN count(*) AS n";

std::unique_ptr<Database> DenseGraph(const TempDir& dir) {
  auto db = Database::Open(dir.Sub("g"));
  EXPECT_TRUE(db.ok()) << db.status();
  auto made = (*db)->Query(
      "UNWIND range(1, 8) AS i UNWIND range(1, 8) AS j WITH i, j WHERE i < j "
      "MERGE (a:N {i: i}) MERGE (b:N {i: j}) CREATE (a)-[:T]->(b)");
  EXPECT_TRUE(made.ok()) << made.status();
  return *std::move(db);
}

TEST(Cancellation, AFlagSetFromAnotherThreadStopsARunningStatement) {
  TempDir dir;
  auto db = DenseGraph(dir);
  CancellationFlag flag;
  QueryOptions options;
  options.cancel = &flag;
  options.timeout_ms = 0;  // Only the flag can stop it.
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    flag.Cancel();
  });
  auto start = std::chrono::steady_clock::now();
  auto result = db->Query(kLongStatement, {}, options);
  absl::Status status = result.ok() ? result->status() : result.status();
  if (result.ok() && status.ok()) {  // A streaming result fails when read.
    ValueList row;
    while (result->Next(&row)) {
    }
    status = result->status();
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  canceller.join();
  EXPECT_TRUE(absl::IsCancelled(status)) << status;
  EXPECT_NE(status.message().find("Cancelled (runtime)"), std::string::npos) << status;
  EXPECT_LT(seconds, 5.0);
}

TEST(Cancellation, ACancelledUpdateWritesNothing) {
  TempDir dir;
  auto db = DenseGraph(dir);
  CancellationFlag flag;
  flag.Cancel();
  QueryOptions options;
  options.cancel = &flag;
  auto result = db->Query(
      "UNWIND range(1, 20000) AS i CREATE (:Made {i: i}) WITH count(*) AS made "
      "MATCH (a:N), (b:N), (c:N), (d:N), (e:N), (f:N), (g:N) RETURN made, count(*)",
      {}, options);
  absl::Status status = result.ok() ? result->status() : result.status();
  EXPECT_TRUE(absl::IsCancelled(status)) << status;
  auto count = db->Query("MATCH (m:Made) RETURN count(m) AS n");
  ASSERT_TRUE(count.ok()) << count.status();
  ValueList row;
  ASSERT_TRUE(count->Next(&row));
  EXPECT_EQ(row[0].AsInt(), 0);

  // Reset, the same flag lets the next statement run.
  flag.Reset();
  auto again = db->Query("MATCH (n:N) RETURN count(n) AS n", {}, options);
  ASSERT_TRUE(again.ok()) << again.status();
  ASSERT_TRUE(again->Next(&row));
  EXPECT_EQ(row[0].AsInt(), 8);
}

}  // namespace
}  // namespace quiver
