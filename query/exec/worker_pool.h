// WorkerPool: the threads that run read-only statements
// (query/read_statement.cc). A statement whose rows stream keeps its
// thread while it waits for its reader between pages, its operators'
// frames on that thread's stack; so each job gets a thread to itself
// until it returns.
// Threads are made when none is idle and kept, up to kMaxIdle, for the
// next job: a statement pays for a thread's creation only when more run or
// wait at once than ever before. The thread idle the shortest time takes
// the next job (its caches are the warmest).
//
// Why threads and not the reader's own: a Result may be read on any thread
// (quiver/result.h), and a pipeline paused mid-pattern cannot move from
// one thread to another (a coroutine resumed elsewhere would keep
// addresses of the first thread's thread-local variables).
//
// Stacks are 8 MiB, as a thread's default: the matcher and the evaluator
// recurse as deep here as on the caller's stack.
// Thread-safety: Run may be called from any thread.

#ifndef QUIVER_QUERY_EXEC_WORKER_POOL_H_
#define QUIVER_QUERY_EXEC_WORKER_POOL_H_

#include <cstddef>
#include <functional>

#include "absl/status/status.h"

namespace quiver::query {

class WorkerPool {
 public:
  static constexpr size_t kMaxIdle = 8;
  static constexpr size_t kStackSize = size_t(8) << 20;

  // The process's pool (never destroyed: its idle threads wait for jobs
  // until the process ends).
  static WorkerPool& Shared();

  // Runs `job` on a thread of its own, now. The job must not throw.
  // Errors: kResourceExhausted when no thread can be made (the job does
  // not run).
  absl::Status Run(std::function<void()> job);

  // From inside a job: what is left of it is short and waits for nothing,
  // so its thread is offered to the next Run now and takes that job as soon
  // as this one returns. A statement calls it before it tells its reader
  // it has finished: the reader's next statement then goes to this thread
  // (warm) rather than to another. No effect outside a job.
  static void Release();

  // Threads alive, idle or not (for tests).
  size_t threads() const;

  struct Worker;  // One thread's slot (worker_pool.cc).

 private:
  WorkerPool() = default;
  struct State;
  static State& state();
  static void* Loop(void* worker);
  // Puts `w` on the idle list, or says it should end (enough are idle).
  static bool Idle(Worker* w);
};

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_WORKER_POOL_H_
