// Runs a scenario in a child process so that a crash or a hang in the query
// engine fails that scenario only: the child is killed after the time limit.

#ifndef QUIVER_TESTS_TCK_ISOLATION_H_
#define QUIVER_TESTS_TCK_ISOLATION_H_

#include <functional>

#include "tests/tck/runner.h"

namespace quiver::tck {

// Runs `fn` in a forked child. Fails (never skips) on a timeout, a crash or a
// child that ends without a verdict. REQUIRES: the caller has no threads
// (fork copies only the calling one).
Outcome RunIsolated(const std::function<Outcome()>& fn, double timeout_seconds);

}  // namespace quiver::tck

#endif  // QUIVER_TESTS_TCK_ISOLATION_H_
