#include "query/exec/coroutine.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

// gcc says which sanitizer is on with __SANITIZE_*__, clang 14 (the fuzz
// preset) only through __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define QUIVER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define QUIVER_ASAN 1
#endif
#endif
#ifdef QUIVER_ASAN
#include <sanitizer/common_interface_defs.h>
#endif
// ThreadSanitizer follows swapcontext only when told of each switch;
// without it, the body's accesses look like another thread's.
#if defined(__SANITIZE_THREAD__)
#define QUIVER_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define QUIVER_TSAN 1
#endif
#endif
#ifdef QUIVER_TSAN
#include <sanitizer/tsan_interface.h>
#endif

namespace quiver::query {

namespace {

// As much as a thread's default stack: the matcher and the evaluator recurse
// as deep on the coroutine's stack as they would on the caller's. Only the
// pages touched are committed (MAP_NORESERVE); the lowest page is a guard.
constexpr size_t kStackSize = size_t(8) << 20;
constexpr size_t kGuard = 4096;
// Stacks kept for reuse per thread: mmap/munmap per statement would cost
// more than the statement itself for one-hop queries.
constexpr size_t kPooled = 4;

struct StackPool {
  std::vector<void*> free;
  ~StackPool() {
    for (void* s : free) munmap(s, kStackSize);
  }
};

thread_local StackPool pool;

void* TakeStack() {
  if (!pool.free.empty()) {
    void* s = pool.free.back();
    pool.free.pop_back();
    return s;
  }
  void* s = mmap(nullptr, kStackSize, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
  if (s == MAP_FAILED) std::abort();  // Out of address space: nothing sane to do.
  mprotect(s, kGuard, PROT_NONE);
  return s;
}

void GiveStack(void* s) {
  if (pool.free.size() < kPooled) {
    pool.free.push_back(s);
  } else {
    munmap(s, kStackSize);
  }
}

}  // namespace

Coroutine::Coroutine(std::function<void()> body) : body_(std::move(body)) {}

Coroutine::~Coroutine() {
  // A body that never ran or has returned leaves nothing on its stack.
  if (stack_ != nullptr) GiveStack(stack_);
#ifdef QUIVER_TSAN
  if (tsan_fiber_ != nullptr) __tsan_destroy_fiber(tsan_fiber_);
#endif
}

void Coroutine::Entry(unsigned int hi, unsigned int lo) {
  auto* self = reinterpret_cast<Coroutine*>((uintptr_t(hi) << 32) | uintptr_t(lo));
#ifdef QUIVER_ASAN
  __sanitizer_finish_switch_fiber(nullptr, &self->caller_bottom_, &self->caller_size_);
#endif
  try {
    self->body_();
  } catch (...) {
    // The body reports its own errors; an exception here is a bug, and
    // must not unwind through makecontext's frame.
  }
  self->finished_ = true;
#ifdef QUIVER_ASAN
  __sanitizer_start_switch_fiber(nullptr, self->caller_bottom_, self->caller_size_);
#endif
  // Returning resumes uc_link: the caller's context. TSan is told of that
  // switch in Resume, after swapcontext returns: switching here would run
  // this function's own instrumented exit on the caller's shadow stack,
  // popping a frame that is not ours (TSan then crashed hashing a stack).
}

bool Coroutine::Resume() {
  if (finished_) return false;
  if (stack_ == nullptr) {
    stack_ = TakeStack();
    getcontext(&context_);
    context_.uc_stack.ss_sp = static_cast<char*>(stack_) + kGuard;
    context_.uc_stack.ss_size = kStackSize - kGuard;
    context_.uc_link = &caller_;
    auto p = reinterpret_cast<uintptr_t>(this);
    makecontext(&context_, reinterpret_cast<void (*)()>(&Coroutine::Entry), 2,
                static_cast<unsigned int>(p >> 32), static_cast<unsigned int>(p & 0xffffffffu));
  }
#ifdef QUIVER_ASAN
  void* fake = nullptr;
  __sanitizer_start_switch_fiber(&fake, static_cast<char*>(stack_) + kGuard, kStackSize - kGuard);
#endif
#ifdef QUIVER_TSAN
  tsan_caller_ = __tsan_get_current_fiber();
  if (tsan_fiber_ == nullptr) tsan_fiber_ = __tsan_create_fiber(0);
  __tsan_switch_to_fiber(tsan_fiber_, 0);
#endif
  swapcontext(&caller_, &context_);
#ifdef QUIVER_TSAN
  if (finished_) __tsan_switch_to_fiber(tsan_caller_, 0);  // See Entry.
#endif
#ifdef QUIVER_ASAN
  __sanitizer_finish_switch_fiber(fake, nullptr, nullptr);
#endif
  return !finished_;
}

void Coroutine::Yield() {
#ifdef QUIVER_ASAN
  __sanitizer_start_switch_fiber(&fake_stack_, caller_bottom_, caller_size_);
#endif
#ifdef QUIVER_TSAN
  __tsan_switch_to_fiber(tsan_caller_, 0);
#endif
  swapcontext(&context_, &caller_);
#ifdef QUIVER_ASAN
  __sanitizer_finish_switch_fiber(fake_stack_, &caller_bottom_, &caller_size_);
#endif
}

}  // namespace quiver::query
