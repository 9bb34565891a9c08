// The `quiver shell` read-eval-print loop: reads lines, runs each complete
// statement on the store and prints its rows (cli/query_format), handles the
// meta commands, and keeps going after errors. Ctrl-C (with the interactive
// line reader's handler installed, cli/shell/interrupt.h) cancels the
// running statement; at the prompt it drops the input, and a second one in a
// row leaves.

#ifndef QUIVER_CLI_SHELL_SHELL_H_
#define QUIVER_CLI_SHELL_SHELL_H_

#include <optional>
#include <ostream>
#include <string>

#include "cli/query_format.h"
#include "cli/shell/completion.h"
#include "cli/shell/line_reader.h"
#include "cli/shell/meta_command.h"
#include "quiver/database.h"

namespace quiver::cli::shell {

struct ShellOptions {
  ResultFormat format = ResultFormat::kTable;
  bool timing = true;
  size_t width = 0;        // Table width (0: unlimited).
  size_t max_rows = 0;     // Rows printed per result (0: all).
  bool read_only = false;  // Catch up with the writer before each statement.
};

// How deep :read may nest (a script that reads itself stops here).
inline constexpr int kMaxReadDepth = 16;

class Shell {
 public:
  // Rows go to `out`; errors and the line after each statement (row count,
  // updates, time) to `err`, so a scripted shell's stdout holds only rows.
  Shell(Database& db, ShellOptions options, std::ostream& out, std::ostream& err);

  // Reads until :quit or end of input (a last statement without ';' is run).
  // Returns how many statements and commands failed.
  int Run(LineReader& reader);

  // One statement (without ';') or one meta command line. Return false on
  // failure, after printing why.
  bool RunStatement(const std::string& text);
  bool RunMetaCommand(std::string_view line);

  // Completion candidates; refreshed from the store after updates.
  const Completer& completer() const { return completer_; }
  bool quit() const { return quit_; }

 private:
  void RefreshSchema();
  bool Why(uint64_t edge);
  bool Diagram(const std::string& file);
  bool SetParam(const MetaCommand& command);
  bool ListParams(bool clear);
  bool ReadScript(const std::string& file);
  bool Schema();
  bool PrintStats();
  // The store's counts after catching up, or nullopt after printing why not.
  std::optional<Stats> CurrentStats();
  void CatchUp();

  Database& db_;
  ShellOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  Completer completer_;
  std::string last_statement_;  // The last statement that ran, for :diagram.
  ValueMap params_;             // :param, passed to every statement.
  int read_depth_ = 0;          // :read scripts being run.
  bool last_cancelled_ = false; // The last statement ended by Ctrl-C.
  bool quit_ = false;
};

}  // namespace quiver::cli::shell

#endif  // QUIVER_CLI_SHELL_SHELL_H_
