// Ctrl-C in the interactive shell. While an InterruptHandler lives, SIGINT
// no longer kills the process: it sets one CancellationFlag, which the line
// reader reads as "drop what is being typed" and a running statement as
// "stop" (QueryOptions::cancel). Scripted shells keep the default: Ctrl-C
// ends them.

#ifndef QUIVER_CLI_SHELL_INTERRUPT_H_
#define QUIVER_CLI_SHELL_INTERRUPT_H_

#include <signal.h>

#include "quiver/cancellation.h"

namespace quiver::cli::shell {

// The flag SIGINT sets while a handler is installed.
CancellationFlag& InterruptFlag();

class InterruptHandler {
 public:
  InterruptHandler();   // Installs the handler (no SA_RESTART, so a blocked
                        // read returns), keeping the previous one.
  ~InterruptHandler();  // Restores it.
  InterruptHandler(const InterruptHandler&) = delete;
  InterruptHandler& operator=(const InterruptHandler&) = delete;

 private:
  struct sigaction previous_ = {};
};

}  // namespace quiver::cli::shell

#endif  // QUIVER_CLI_SHELL_INTERRUPT_H_
