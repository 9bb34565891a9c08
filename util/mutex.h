// quiver::Mutex: absl::Mutex that ThreadSanitizer can see.
//
// absl::Mutex tells TSan about its locking only when Abseil itself is built
// with -fsanitize=thread, and Debian ships one prebuilt libabsl: under our
// tsan preset every absl::Mutex is invisible, so each access to state it
// guards is reported as a race and real races drown among them. This class
// forwards to absl::Mutex and, in TSan builds only, tells TSan about each
// acquire and release with the public mutex annotations
// (<sanitizer/tsan_interface.h>); elsewhere the annotations compile to
// nothing and the class is exactly an absl::Mutex.
//
// Use it (and MutexLock / ReaderMutexLock below) instead of absl's in
// Quiver's own code. Await/LockWhen take an absl::Condition as absl's do,
// but evaluate it here, on the waiting thread with the lock held, and wait
// on a CondVar that every unlock signals while someone waits: absl::Mutex
// evaluates conditions inside its own (uninstrumented) code, on whichever
// thread unlocks, where TSan cannot see that the lock is held.

#ifndef QUIVER_UTIL_MUTEX_H_
#define QUIVER_UTIL_MUTEX_H_

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

#if defined(__SANITIZE_THREAD__)
#define QUIVER_TSAN_MUTEX 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define QUIVER_TSAN_MUTEX 1
#endif
#endif

#ifdef QUIVER_TSAN_MUTEX
#include <sanitizer/tsan_interface.h>
#endif

namespace quiver {

class ABSL_LOCKABLE Mutex {
 public:
  Mutex() { Annotate(kCreate); }
  ~Mutex() { Annotate(kDestroy); }
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() {
    Annotate(kPreLock);
    mu_.Lock();
    Annotate(kPostLock);
  }
  void Unlock() ABSL_UNLOCK_FUNCTION() {
    const bool wake = waiters_ > 0;
    Annotate(kPreUnlock);
    mu_.Unlock();
    Annotate(kPostUnlock);
    if (wake) changed_.SignalAll();
  }
  void ReaderLock() ABSL_SHARED_LOCK_FUNCTION() {
    Annotate(kPreLock, kRead);
    mu_.ReaderLock();
    Annotate(kPostLock, kRead);
  }
  void ReaderUnlock() ABSL_UNLOCK_FUNCTION() {
    Annotate(kPreUnlock, kRead);
    mu_.ReaderUnlock();
    Annotate(kPostUnlock, kRead);
  }
  // Blocks until `cond` holds; the mutex is released while waiting and
  // held again when this returns. `cond` is evaluated with the lock held,
  // after every unlock by another thread.
  void Await(const absl::Condition& cond) ABSL_EXCLUSIVE_LOCKS_REQUIRED(this) {
    while (!cond.Eval()) {
      ++waiters_;
      // No code of ours runs between these annotations and the unlock and
      // lock inside Wait.
      Annotate(kPreUnlock);
      Annotate(kPostUnlock);
      changed_.Wait(&mu_);
      Annotate(kPreLock);
      Annotate(kPostLock);
      --waiters_;
    }
  }
  // Lock(), then Await(cond).
  void LockWhen(const absl::Condition& cond) ABSL_EXCLUSIVE_LOCK_FUNCTION() {
    Lock();
    Await(cond);
  }

 private:
  enum Event { kCreate, kDestroy, kPreLock, kPostLock, kPreUnlock, kPostUnlock };
  enum Mode { kWrite, kRead };

  void Annotate([[maybe_unused]] Event event, [[maybe_unused]] Mode mode = kWrite) {
#ifdef QUIVER_TSAN_MUTEX
    const unsigned read = mode == kRead ? __tsan_mutex_read_lock : 0;
    switch (event) {
      case kCreate: __tsan_mutex_create(this, 0); break;
      case kDestroy: __tsan_mutex_destroy(this, 0); break;
      case kPreLock: __tsan_mutex_pre_lock(this, read); break;
      case kPostLock: __tsan_mutex_post_lock(this, read, 0); break;
      case kPreUnlock: __tsan_mutex_pre_unlock(this, read); break;
      case kPostUnlock: __tsan_mutex_post_unlock(this, read); break;
    }
#endif
  }

  absl::Mutex mu_;
  absl::CondVar changed_;  // Signalled by unlocks while waiters_ > 0.
  int waiters_ ABSL_GUARDED_BY(mu_) = 0;
};

// Holds `mu` exclusively for its scope.
class ABSL_SCOPED_LOCKABLE MutexLock {
 public:
  explicit MutexLock(Mutex* mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() ABSL_UNLOCK_FUNCTION() { mu_->Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* const mu_;
};

// Holds `mu` shared for its scope.
class ABSL_SCOPED_LOCKABLE ReaderMutexLock {
 public:
  explicit ReaderMutexLock(Mutex* mu) ABSL_SHARED_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->ReaderLock();
  }
  ~ReaderMutexLock() ABSL_UNLOCK_FUNCTION() { mu_->ReaderUnlock(); }
  ReaderMutexLock(const ReaderMutexLock&) = delete;
  ReaderMutexLock& operator=(const ReaderMutexLock&) = delete;

 private:
  Mutex* const mu_;
};

}  // namespace quiver

#endif  // QUIVER_UTIL_MUTEX_H_
