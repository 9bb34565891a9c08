// Where the shell's lines come from: libedit (prompts, line editing, history
// in a file, tab completion) when stdin is a terminal, or plain lines from a
// stream (no prompts, no escape codes) so the shell can be scripted.

#ifndef QUIVER_CLI_SHELL_LINE_READER_H_
#define QUIVER_CLI_SHELL_LINE_READER_H_

#include <istream>
#include <memory>
#include <optional>
#include <string>

namespace quiver::cli::shell {

class Completer;

class LineReader {
 public:
  virtual ~LineReader() = default;
  // The next line without its newline, or nullopt at end of input.
  virtual std::optional<std::string> ReadLine(const std::string& prompt) = 0;
  // Remembers a complete statement or command in the history.
  virtual void AddHistory(const std::string& entry) {}
  virtual bool interactive() const { return false; }
  // True once after Ctrl-C interrupted ReadLine: the shell then drops the
  // statement being typed.
  virtual bool TakeInterrupt() { return false; }
};

// Reads `in` line by line; prompts are ignored.
std::unique_ptr<LineReader> NewStreamLineReader(std::istream& in);

// libedit on the terminal. History is read from `history_file` (if it
// exists) and written back at destruction; empty means no history file.
// `completer` must outlive the reader.
std::unique_ptr<LineReader> NewEditLineReader(const std::string& history_file,
                                              const Completer* completer);

// $QUIVER_HISTORY, else ~/.quiver_history, else empty (no $HOME).
std::string DefaultHistoryFile();

}  // namespace quiver::cli::shell

#endif  // QUIVER_CLI_SHELL_LINE_READER_H_
