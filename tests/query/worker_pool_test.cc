// query::WorkerPool (query/exec/worker_pool.h): each job on a thread of its
// own, not the caller's; a thread released by its job takes the next one;
// threads beyond kMaxIdle end once their jobs are done.

#include "query/exec/worker_pool.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace quiver::query {
namespace {

// Signal's own locking is invisible to ThreadSanitizer here
// (Debian's libabsl is not built with it; util/mutex.h): these tests run
// under scripts/sanitize.sh tsan, so they signal through the C++ library,
// whose pthread calls TSan sees.
class Signal {
 public:
  void Notify() {
    std::lock_guard<std::mutex> lock(mu_);
    notified_ = true;
    cv_.notify_all();
  }
  void WaitForNotification() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return notified_; });
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool notified_ = false;
};

TEST(WorkerPool, AJobRunsOnAThreadOfItsOwn) {
  std::thread::id ran_on;
  Signal done;
  ASSERT_TRUE(WorkerPool::Shared()
                  .Run([&] {
                    ran_on = std::this_thread::get_id();
                    WorkerPool::Release();
                    done.Notify();
                  })
                  .ok());
  done.WaitForNotification();
  EXPECT_NE(ran_on, std::this_thread::get_id());
}

TEST(WorkerPool, AReleasedThreadTakesTheNextJob) {
  // Released inside the job, before the caller hears it is done: the next
  // Run finds that thread last on the idle list (every job here releases
  // its thread before it says it is done, so no thread joins the list
  // later than the one the test expects).
  for (int round = 0; round < 5; ++round) {
    std::thread::id first, second;
    Signal first_done, second_done;
    ASSERT_TRUE(WorkerPool::Shared()
                    .Run([&] {
                      first = std::this_thread::get_id();
                      WorkerPool::Release();
                      first_done.Notify();
                    })
                    .ok());
    first_done.WaitForNotification();
    ASSERT_TRUE(WorkerPool::Shared()
                    .Run([&] {
                      second = std::this_thread::get_id();
                      WorkerPool::Release();  // Idle again before we go on.
                      second_done.Notify();
                    })
                    .ok());
    second_done.WaitForNotification();
    EXPECT_EQ(first, second) << "round " << round;
  }
}

TEST(WorkerPool, JobsAtOnceGetThreadsOfTheirOwnAndOnlyKMaxIdleStay) {
  WorkerPool& pool = WorkerPool::Shared();
  const size_t jobs = WorkerPool::kMaxIdle + 6;
  std::atomic<size_t> started{0};
  Signal go;
  std::vector<std::thread::id> ids(jobs);
  std::atomic<size_t> finished{0};
  for (size_t i = 0; i < jobs; ++i) {
    ASSERT_TRUE(pool.Run([&, i] {
                      ids[i] = std::this_thread::get_id();
                      started.fetch_add(1);
                      go.WaitForNotification();  // All wait at once.
                      WorkerPool::Release();  // Idle, or to end: before it counts.
                      finished.fetch_add(1);
                    })
                    .ok());
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (started.load() < jobs && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  // None waited for another to end. (EXPECT, not ASSERT: the jobs refer to
  // this frame, so the test waits for them whatever happens.)
  EXPECT_EQ(started.load(), jobs);
  EXPECT_GE(pool.threads(), jobs);
  go.Notify();
  while (finished.load() < jobs && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_EQ(finished.load(), jobs);
  EXPECT_EQ(pool.threads(), WorkerPool::kMaxIdle);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end());  // A thread each.
}

}  // namespace
}  // namespace quiver::query
