#include "tests/tck/isolation.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "absl/strings/str_cat.h"

namespace quiver::tck {
namespace {

void WriteAll(int fd, const std::string& data) {
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

char VerdictChar(Verdict v) {
  return v == Verdict::kPass ? 'P' : v == Verdict::kSkip ? 'S' : 'F';
}

}  // namespace

Outcome RunIsolated(const std::function<Outcome()>& fn, double timeout_seconds) {
  int fds[2];
  if (pipe(fds) != 0) return {Verdict::kFail, "pipe() failed", false};
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return {Verdict::kFail, "fork() failed", false};
  }
  if (pid == 0) {
    close(fds[0]);
    Outcome o = fn();
    std::string msg;
    msg += VerdictChar(o.verdict);
    msg += o.detail_missed ? '1' : '0';
    msg += o.reason;
    WriteAll(fds[1], msg);
    close(fds[1]);
    // Skip static destructors: the parent owns the process's lasting state.
    _exit(0);
  }
  close(fds[1]);
  std::string data;
  bool timed_out = false;
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::milliseconds(static_cast<int64_t>(timeout_seconds * 1000));
  char buf[4096];
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    int r = poll(&p, 1, static_cast<int>(left));
    if (r < 0 && errno == EINTR) continue;
    if (r == 0) {
      timed_out = true;
      break;
    }
    ssize_t n = read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the child is done.
    data.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  if (timed_out) kill(pid, SIGKILL);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (timed_out) {
    return {Verdict::kFail, absl::StrCat("timed out after ", timeout_seconds, " s"), false};
  }
  if (WIFSIGNALED(status)) {
    return {Verdict::kFail,
            absl::StrCat("crashed: signal ", WTERMSIG(status), " (", strsignal(WTERMSIG(status)),
                         ")"),
            false};
  }
  if (data.size() < 2) {
    return {Verdict::kFail, absl::StrCat("the scenario's process ended without a verdict (exit ",
                                         WIFEXITED(status) ? WEXITSTATUS(status) : -1, ")"),
            false};
  }
  Outcome o;
  o.verdict = data[0] == 'P' ? Verdict::kPass : data[0] == 'S' ? Verdict::kSkip : Verdict::kFail;
  o.detail_missed = data[1] == '1';
  o.reason = data.substr(2);
  return o;
}

}  // namespace quiver::tck
