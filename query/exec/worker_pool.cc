#include "query/exec/worker_pool.h"

#include <pthread.h>

#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "util/mutex.h"

namespace quiver::query {

// Each thread waits for its next job on a mutex of its own, so that a job
// wakes exactly one thread (a quiver::Mutex wakes every thread waiting on
// it at each unlock).
struct WorkerPool::Worker {
  quiver::Mutex mu;
  std::function<void()> job ABSL_GUARDED_BY(mu);
  bool has_job ABSL_GUARDED_BY(mu) = false;

  bool HasJob() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) { return has_job; }
};

struct WorkerPool::State {
  quiver::Mutex mu;
  // Most recently idle last: it gets the next job, its stack and caches
  // still warm.
  std::vector<Worker*> idle ABSL_GUARDED_BY(mu);
  size_t threads ABSL_GUARDED_BY(mu) = 0;  // Alive.
};

WorkerPool::State& WorkerPool::state() {
  static auto* s = new State();
  return *s;
}

namespace {

// The worker this thread is, while it runs a job; and whether the job has
// released it (Release) and whether it is then to end.
thread_local WorkerPool::Worker* current = nullptr;
thread_local bool released = false;
thread_local bool retire = false;

}  // namespace

WorkerPool& WorkerPool::Shared() {
  static auto* pool = new WorkerPool();
  return *pool;
}

bool WorkerPool::Idle(Worker* w) {
  State& s = state();
  quiver::MutexLock lock(&s.mu);
  if (s.idle.size() >= kMaxIdle) {
    --s.threads;
    return false;
  }
  s.idle.push_back(w);
  return true;
}

void WorkerPool::Release() {
  if (current == nullptr || released) return;
  released = true;
  retire = !Idle(current);
}

void* WorkerPool::Loop(void* arg) {
  auto* w = static_cast<Worker*>(arg);
  current = w;
  for (;;) {
    std::function<void()> job;
    {
      quiver::MutexLock lock(&w->mu);
      w->mu.Await(absl::Condition(w, &Worker::HasJob));
      job = std::move(w->job);
      w->job = nullptr;
      w->has_job = false;
    }
    released = false;
    job();
    job = nullptr;  // What it captured goes now, not with the next job.
    if (released ? retire : !Idle(w)) break;
  }
  current = nullptr;
  delete w;
  return nullptr;
}

absl::Status WorkerPool::Run(std::function<void()> job) {
  State& s = state();
  Worker* w = nullptr;
  {
    quiver::MutexLock lock(&s.mu);
    if (!s.idle.empty()) {
      w = s.idle.back();
      s.idle.pop_back();
    } else {
      ++s.threads;
    }
  }
  if (w != nullptr) {
    quiver::MutexLock lock(&w->mu);  // The unlock wakes it.
    w->job = std::move(job);
    w->has_job = true;
    return absl::OkStatus();
  }
  w = new Worker();
  {
    quiver::MutexLock lock(&w->mu);
    w->job = std::move(job);
    w->has_job = true;
  }
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kStackSize);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t thread;
  int rc = pthread_create(&thread, &attr, &Loop, w);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    delete w;
    quiver::MutexLock lock(&s.mu);
    --s.threads;
    return absl::ResourceExhaustedError(
        "no thread could be started to run the statement (the process has too many)");
  }
  return absl::OkStatus();
}

size_t WorkerPool::threads() const {
  State& s = state();
  quiver::MutexLock lock(&s.mu);
  return s.threads;
}

}  // namespace quiver::query
