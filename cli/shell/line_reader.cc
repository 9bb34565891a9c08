#include "cli/shell/line_reader.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <editline/readline.h>

#include "cli/shell/completion.h"
#include "cli/shell/interrupt.h"

namespace quiver::cli::shell {

namespace {

constexpr int kHistorySize = 1000;

class StreamLineReader : public LineReader {
 public:
  explicit StreamLineReader(std::istream& in) : in_(in) {}
  std::optional<std::string> ReadLine(const std::string&) override {
    std::string line;
    if (!std::getline(in_, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }

 private:
  std::istream& in_;
};

// readline's completion callbacks are plain functions: they reach the
// completer through this pointer, set while an EditLineReader lives.
const Completer* g_completer = nullptr;

std::vector<std::string> g_candidates;

char* CandidateGenerator(const char*, int state) {
  if (state < 0 || size_t(state) >= g_candidates.size()) return nullptr;
  return strdup(g_candidates[size_t(state)].c_str());
}

char** CompleteWord(const char* text, int start, int /*end*/) {
  rl_attempted_completion_over = 1;  // Never fall back to file names.
  if (g_completer == nullptr) return nullptr;
  g_candidates = g_completer->Complete(rl_line_buffer ? rl_line_buffer : "", size_t(start), text);
  if (g_candidates.empty()) return nullptr;
  return rl_completion_matches(text, CandidateGenerator);
}

class EditLineReader : public LineReader {
 public:
  EditLineReader(std::string history_file, const Completer* completer)
      : history_file_(std::move(history_file)) {
    g_completer = completer;
    rl_readline_name = const_cast<char*>("quiver");
    // Word boundaries for completion; ':' so that "n:Per" completes "Per".
    static char breaks[] = " \t\n()[]{},;:.<>=+-*/%^|'\"`$!";
    rl_completer_word_break_characters = breaks;
    rl_basic_word_break_characters = breaks;  // The one libedit reads.
    rl_attempted_completion_function = CompleteWord;
    using_history();
    stifle_history(kHistorySize);
    if (!history_file_.empty()) read_history(history_file_.c_str());
  }

  ~EditLineReader() override {
    if (!history_file_.empty()) write_history(history_file_.c_str());
    g_completer = nullptr;
  }

  std::optional<std::string> ReadLine(const std::string& prompt) override {
    // Ctrl-C at the prompt drops the current input instead of killing the
    // shell; during a statement the same flag cancels it (Shell resets it
    // before each statement). One that came since the last statement, before
    // readline started, counts as pressed at this prompt.
    const bool pressed_before = InterruptFlag().cancelled();
    char* line = pressed_before ? nullptr : readline(prompt.c_str());
    if (InterruptFlag().cancelled()) {
      InterruptFlag().Reset();
      if (pressed_before) std::fputs(prompt.c_str(), stdout);
      free(line);
      interrupted_ = true;
      std::fputs("^C\n", stdout);
      return std::string();
    }
    if (line == nullptr) return std::nullopt;
    std::string s(line);
    free(line);
    return s;
  }

  void AddHistory(const std::string& entry) override {
    if (entry.empty()) return;
    // One entry per statement; a repeat of the previous one is not stored.
    if (entry == last_entry_) return;
    last_entry_ = entry;
    add_history(entry.c_str());
  }

  bool interactive() const override { return true; }

  bool TakeInterrupt() override {
    bool was = interrupted_;
    interrupted_ = false;
    return was;
  }

 private:
  std::string history_file_;
  std::string last_entry_;
  bool interrupted_ = false;
  InterruptHandler interrupt_handler_;  // While the reader lives.
};

}  // namespace

std::unique_ptr<LineReader> NewStreamLineReader(std::istream& in) {
  return std::make_unique<StreamLineReader>(in);
}

std::unique_ptr<LineReader> NewEditLineReader(const std::string& history_file,
                                              const Completer* completer) {
  return std::make_unique<EditLineReader>(history_file, completer);
}

std::string DefaultHistoryFile() {
  if (const char* h = std::getenv("QUIVER_HISTORY"); h != nullptr && *h != '\0') return h;
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::string(home) + "/.quiver_history";
  }
  return "";
}

}  // namespace quiver::cli::shell
