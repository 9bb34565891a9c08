// Coroutine: a function that runs on its own stack and can hand control
// back to whoever resumed it, then continue where it stopped. The query
// engine runs a read-only statement's pipeline in one, so that a Result can
// pull rows as the caller reads them: the pipeline pushes rows into a page
// and yields when the page is full (see StatementStream in query/engine.cc).
//
// Stackful (ucontext), because the matcher that produces rows is a deep
// recursion that cannot simply return mid-pattern. Stacks are 8 MiB of
// address space committed only as touched, reused per thread.
// Not thread-safe: resume a coroutine from the thread that created it.

#ifndef QUIVER_QUERY_EXEC_COROUTINE_H_
#define QUIVER_QUERY_EXEC_COROUTINE_H_

#include <ucontext.h>

#include <cstddef>
#include <functional>

namespace quiver::query {

class Coroutine {
 public:
  // `body` runs at the first Resume(). It must not throw (exceptions are
  // caught and end it) and must return before the Coroutine is destroyed.
  explicit Coroutine(std::function<void()> body);
  ~Coroutine();

  Coroutine(const Coroutine&) = delete;
  Coroutine& operator=(const Coroutine&) = delete;

  // Runs the body until it calls Yield() or returns. Returns false once the
  // body has returned. REQUIRES: not called from inside the body.
  bool Resume();
  // From inside the body: back to the Resume() that ran it.
  void Yield();
  bool finished() const { return finished_; }

 private:
  static void Entry(unsigned int hi, unsigned int lo);

  std::function<void()> body_;
  ucontext_t context_;
  ucontext_t caller_;
  void* stack_ = nullptr;  // Set by the first Resume().
  bool finished_ = false;
  // AddressSanitizer's view of the stack switches.
  void* fake_stack_ = nullptr;
  const void* caller_bottom_ = nullptr;
  size_t caller_size_ = 0;
  // ThreadSanitizer's view of the two stacks (tsan builds only).
  [[maybe_unused]] void* tsan_fiber_ = nullptr;
  [[maybe_unused]] void* tsan_caller_ = nullptr;
};

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_COROUTINE_H_
