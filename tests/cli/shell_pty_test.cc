// `quiver shell` on a pseudo-terminal, as a user at a keyboard drives it:
// Ctrl-C cancels a long statement and the prompt comes back; at the prompt
// it drops the input; a second Ctrl-C in a row, or Ctrl-D, leaves.

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/test_support.h"

namespace quiver {
namespace {

using ::quiver::testing::LoadExampleTriples;
using ::quiver::testing::QuiverBinary;
using ::quiver::testing::TempDir;
using ::testing::HasSubstr;

// A statement that runs for minutes unless stopped, holding little memory:
// a count over the 13^7 rows of a seven-way product of the example graph's
// nodes (the rows stream into the count).
constexpr char kLongStatement[] =
    "MATCH (a), (b), (c), (d), (e), (f), (g) RETURN count(*) AS n;\r";

class PtyShell {
 public:
  // Starts `quiver shell STORE` with its terminal on a new pseudo-terminal.
  explicit PtyShell(const std::string& store, const std::string& history) {
    pid_ = forkpty(&master_, nullptr, nullptr, nullptr);
    if (pid_ == 0) {
      setenv("QUIVER_HISTORY", history.c_str(), 1);
      setenv("TERM", "dumb", 1);
      const std::string binary = QuiverBinary();
      execl(binary.c_str(), binary.c_str(), "shell", "--no-timing", store.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  ~PtyShell() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) close(master_);
  }
  bool started() const { return pid_ > 0; }

  // Types `keys` after a pause, as a person would: libedit sets up the
  // terminal after it prints the prompt, and keys that come before that
  // may be flushed.
  void Send(const std::string& keys) {
    usleep(300 * 1000);
    ASSERT_EQ(write(master_, keys.data(), keys.size()), ssize_t(keys.size()));
  }

  // Reads until `text` appears in what was read since the last Expect, or
  // `seconds` pass; returns whether it appeared.
  bool Expect(const std::string& text, double seconds) {
    auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
      size_t at = screen_.find(text, from_);
      if (at != std::string::npos) {
        from_ = at + text.size();
        return true;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          end - std::chrono::steady_clock::now()).count();
      if (left <= 0) return false;
      pollfd p = {master_, POLLIN, 0};
      if (poll(&p, 1, int(left)) <= 0) continue;
      char buf[4096];
      ssize_t n = read(master_, buf, sizeof buf);
      if (n <= 0) return false;  // The shell closed its terminal.
      screen_.append(buf, size_t(n));
    }
  }

  // Waits for the shell to end; its exit status, or -1 after `seconds`.
  int Wait(double seconds) {
    auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
      char buf[4096];
      pollfd p = {master_, POLLIN, 0};
      if (poll(&p, 1, 50) > 0 && read(master_, buf, sizeof buf) > 0) continue;
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        exited_ = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
    }
    return -1;
  }

  const std::string& screen() const { return screen_; }

 private:
  int master_ = -1;
  pid_t pid_ = -1;
  bool exited_ = false;
  std::string screen_;
  size_t from_ = 0;
};

class ShellPtyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = dir_.Sub("g");
    LoadExampleTriples(store_);
  }
  TempDir dir_;
  std::string store_;
};

TEST_F(ShellPtyTest, CtrlCCancelsTheRunningStatementAndThePromptComesBack) {
  PtyShell shell(store_, dir_.Sub("history"));
  ASSERT_TRUE(shell.started());
  ASSERT_TRUE(shell.Expect("quiver> ", 10)) << shell.screen();
  shell.Send(kLongStatement);
  // Let it run, then interrupt it.
  ASSERT_FALSE(shell.Expect("1 row", 1.0)) << "the statement ended by itself: " << shell.screen();
  auto sent = std::chrono::steady_clock::now();
  shell.Send("\x03");
  ASSERT_TRUE(shell.Expect("Cancelled (runtime)", 5)) << shell.screen();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - sent).count();
  EXPECT_LT(seconds, 5.0);
  ASSERT_TRUE(shell.Expect("quiver> ", 5)) << shell.screen();
  // The shell still works and still holds the store.
  shell.Send("RETURN 40 + 2 AS answer;\r");
  ASSERT_TRUE(shell.Expect("42", 10)) << shell.screen();
  ASSERT_TRUE(shell.Expect("quiver> ", 5)) << shell.screen();
  shell.Send("\x04");  // Ctrl-D leaves.
  EXPECT_EQ(shell.Wait(10), 0) << shell.screen();
}

TEST_F(ShellPtyTest, CtrlCDropsTheInputAndASecondOneLeaves) {
  PtyShell shell(store_, dir_.Sub("history"));
  ASSERT_TRUE(shell.started());
  ASSERT_TRUE(shell.Expect("quiver> ", 10)) << shell.screen();
  // A statement begun on one line and dropped on the next.
  shell.Send("MATCH (n)\r");
  ASSERT_TRUE(shell.Expect("-> ", 5)) << shell.screen();
  shell.Send("\x03");
  ASSERT_TRUE(shell.Expect("Ctrl-C again or Ctrl-D leaves", 5)) << shell.screen();
  ASSERT_TRUE(shell.Expect("quiver> ", 5)) << shell.screen();
  // The dropped text is gone: this runs on its own.
  shell.Send("RETURN 'fresh' AS s;\r");
  ASSERT_TRUE(shell.Expect("fresh", 10)) << shell.screen();
  ASSERT_TRUE(shell.Expect("quiver> ", 5)) << shell.screen();
  shell.Send("\x03");
  ASSERT_TRUE(shell.Expect("Ctrl-C again", 5)) << shell.screen();
  shell.Send("\x03");
  EXPECT_EQ(shell.Wait(10), 0) << shell.screen();
}

}  // namespace
}  // namespace quiver
