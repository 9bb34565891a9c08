// Cuts the shell's input into statements: a statement ends at a `;` that is
// not inside a string literal ('...' or "..."), a backquoted name or a
// comment (// to end of line, /* ... */), so statements may span lines.

#ifndef QUIVER_CLI_SHELL_STATEMENT_SPLITTER_H_
#define QUIVER_CLI_SHELL_STATEMENT_SPLITTER_H_

#include <string>
#include <string_view>
#include <vector>

namespace quiver::cli::shell {

class StatementSplitter {
 public:
  // Adds one line of input (without its newline) and returns the statements
  // it completes, trimmed and without their `;`. Statements holding nothing
  // but white space and comments are dropped.
  std::vector<std::string> Feed(std::string_view line);

  // True when a statement has begun but not ended (the shell then shows its
  // continuation prompt). Pending comments alone do not count.
  bool pending() const { return has_content_ || state_ != State::kCode; }

  // Returns what was fed since the last complete statement (trimmed; empty
  // when that is only white space and comments), and forgets it.
  std::string TakeRest();

  // Forgets any partial statement (e.g. after Ctrl-C).
  void Reset();

 private:
  enum class State { kCode, kSingleQuote, kDoubleQuote, kBackquote, kBlockComment };

  std::string buffer_;
  State state_ = State::kCode;
  bool has_content_ = false;  // A character outside comments and white space.
};

// Splits a whole text at once (as fed line by line), including a last
// statement without its `;`.
std::vector<std::string> SplitStatements(std::string_view text);

}  // namespace quiver::cli::shell

#endif  // QUIVER_CLI_SHELL_STATEMENT_SPLITTER_H_
