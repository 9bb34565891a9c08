#include "cli/shell/interrupt.h"

namespace quiver::cli::shell {

namespace {

CancellationFlag g_interrupt;

void OnInterrupt(int) { g_interrupt.Cancel(); }

}  // namespace

CancellationFlag& InterruptFlag() { return g_interrupt; }

InterruptHandler::InterruptHandler() {
  struct sigaction on_interrupt = {};
  on_interrupt.sa_handler = OnInterrupt;
  sigemptyset(&on_interrupt.sa_mask);
  sigaction(SIGINT, &on_interrupt, &previous_);
}

InterruptHandler::~InterruptHandler() { sigaction(SIGINT, &previous_, nullptr); }

}  // namespace quiver::cli::shell
