#include "graph/sorted_runs.h"

#include <algorithm>
#include <random>

#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace quiver::graph {
namespace {

using ::quiver::testing::TempDir;

std::vector<uint64_t> Collect(SortedRuns<uint64_t>& runs) {
  std::vector<uint64_t> out;
  absl::Status s = runs.ForEach([&](uint64_t v) {
    out.push_back(v);
    return absl::OkStatus();
  });
  EXPECT_TRUE(s.ok()) << s;
  return out;
}

TEST(SortedRuns, ReturnsEntriesInOrderAcrossSpilledRuns) {
  TempDir dir;
  // 100 entries of 8 bytes a run; 100,000 entries with repeats.
  SortedRuns<uint64_t> runs(dir.path(), 800);
  std::mt19937_64 rng(7);
  std::vector<uint64_t> added;
  for (int i = 0; i < 100000; ++i) {
    added.push_back(rng() % 50000);
    ASSERT_TRUE(runs.Add(added.back()).ok());
  }
  EXPECT_GE(runs.runs(), 999u);
  EXPECT_EQ(runs.size(), added.size());
  std::sort(added.begin(), added.end());
  EXPECT_EQ(Collect(runs), added);
  EXPECT_EQ(Collect(runs), added);  // Read back a second time.
}

TEST(SortedRuns, ReleaseFreesTheEntriesAndKeepsTheRunCount) {
  TempDir dir;
  SortedRuns<uint64_t> runs(dir.path(), 80);  // 10 entries a run.
  for (uint64_t v = 0; v < 35; ++v) ASSERT_TRUE(runs.Add(v).ok());
  EXPECT_EQ(runs.runs(), 3u);
  EXPECT_GT(runs.memory_bytes(), 0u);
  runs.Release();
  EXPECT_EQ(runs.memory_bytes(), 0u);
  EXPECT_EQ(runs.runs(), 3u);
  EXPECT_EQ(runs.size(), 35u);
}

TEST(SortedRuns, WithinTheBudgetNothingGoesToDisk) {
  TempDir dir;
  SortedRuns<uint64_t> runs(dir.path(), 1 << 20);
  for (uint64_t v : {5, 3, 9, 1}) ASSERT_TRUE(runs.Add(v).ok());
  EXPECT_EQ(runs.runs(), 0u);
  EXPECT_EQ(Collect(runs), (std::vector<uint64_t>{1, 3, 5, 9}));
}

TEST(SortedRuns, StopsAtTheFirstErrorOfTheCallback) {
  TempDir dir;
  SortedRuns<uint64_t> runs(dir.path(), 16);
  for (uint64_t v = 0; v < 10; ++v) ASSERT_TRUE(runs.Add(9 - v).ok());
  int calls = 0;
  absl::Status s = runs.ForEach([&](uint64_t v) {
    ++calls;
    return v == 3 ? absl::CancelledError("enough") : absl::OkStatus();
  });
  EXPECT_EQ(s.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(calls, 4);
}

}  // namespace
}  // namespace quiver::graph
