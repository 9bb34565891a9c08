// quiver::CancellationFlag: stops a running statement from outside it.
//
// A caller that wants to cancel a statement (a shell's Ctrl-C, a server whose
// client went away) owns a flag, points QueryOptions::cancel at it and sets
// it from any thread, or from a signal handler: Cancel() is a lock-free
// atomic store. The statement's operators check the flag as they check the
// time limit (every few thousand rows and between steps) and end with a
// Cancelled error; an updating statement then writes nothing.
//
// The flag stays set until Reset(): reset it before reusing it for the next
// statement. It must outlive every statement (and streaming Result) that
// points at it.

#ifndef QUIVER_CANCELLATION_H_
#define QUIVER_CANCELLATION_H_

#include <atomic>

namespace quiver {

class CancellationFlag {
 public:
  CancellationFlag() = default;
  CancellationFlag(const CancellationFlag&) = delete;
  CancellationFlag& operator=(const CancellationFlag&) = delete;

  // Async-signal-safe.
  void Cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
  void Reset() noexcept { cancelled_.store(false, std::memory_order_relaxed); }
  bool cancelled() const noexcept { return cancelled_.load(std::memory_order_relaxed); }

 private:
  static_assert(std::atomic<bool>::is_always_lock_free,
                "Cancel() must be safe in a signal handler");
  std::atomic<bool> cancelled_{false};
};

}  // namespace quiver

#endif  // QUIVER_CANCELLATION_H_
