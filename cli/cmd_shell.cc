// quiver shell STORE: an interactive shell on a store (line editing, history,
// completion, multi-line statements ended by ';', meta commands such as
// :schema and :why). With stdin not a terminal it reads plain lines, so
// `quiver shell STORE < script.cypher` runs a script.

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/query_format.h"
#include "cli/shell/line_reader.h"
#include "cli/shell/shell.h"
#include "quiver/database.h"

namespace quiver::cli {

namespace {

struct ShellCommandOptions {
  std::string store;
  bool read_only = false;
  bool create = false;
  std::string format = "table";
  bool no_timing = false;
  std::string history;
};

void RunShell(const ShellCommandOptions& opts) {
  auto format = ParseResultFormat(opts.format);
  if (!format.ok()) Fail(format.status());
  Options options;
  options.create_if_missing = opts.create;
  options.read_only = opts.read_only;
  options.holder = "quiver shell";
  auto db = Database::Open(opts.store, options);
  if (!db.ok()) {  // Say which flag helps, where one does.
    const char* hint = absl::IsUnavailable(db.status())
                           ? "\n(quiver shell --read-only opens it beside the writer)"
                       : absl::IsNotFound(db.status())
                           ? "\n(quiver shell --create makes an empty store)"
                           : "";
    Fail(absl::StrCat(db.status().message(), hint));
  }

  shell::ShellOptions shell_options;
  shell_options.format = *format;
  shell_options.timing = !opts.no_timing;
  shell_options.width = TerminalWidth();
  shell_options.read_only = opts.read_only;
  shell::Shell sh(**db, shell_options, std::cout, std::cerr);

  bool interactive = isatty(STDIN_FILENO);
  std::unique_ptr<shell::LineReader> reader;
  if (interactive) {
    std::string history = opts.history.empty() ? shell::DefaultHistoryFile() : opts.history;
    reader = shell::NewEditLineReader(history, &sh.completer());
    std::cout << "quiver shell on " << opts.store << (opts.read_only ? " (read-only)" : "")
              << ". Statements end with ';'; :help lists the commands, :quit leaves.\n";
  } else {
    reader = shell::NewStreamLineReader(std::cin);
  }
  int failures = sh.Run(*reader);
  reader.reset();  // Writes the history.
  if (interactive) std::cout << "\n";
  // A script whose statements failed exits non-zero, so callers notice.
  if (!interactive && failures > 0) {
    Fail(absl::StrCat(failures, failures == 1 ? " statement or command" : " statements or commands",
                      " failed"));
  }
}

}  // namespace

void AddShellCommand(CLI::App& app) {
  auto opts = std::make_shared<ShellCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "shell",
      "Interactive shell on STORE: statements end with ';', :help lists the meta commands "
      "(:schema, :stats, :why EDGE, :diagram FILE, ...). Reads a script from stdin when "
      "it is not a terminal.");
  cmd->add_option("store", opts->store, "Store directory")->required();
  cmd->add_flag("--read-only", opts->read_only,
                "Open the store for reading only, beside a writer (a secondary)");
  cmd->add_flag("--create", opts->create, "Create an empty STORE when it does not exist");
  cmd->add_option("--format,-f", opts->format, "table, csv, json or jsonl (see :format)")
      ->capture_default_str();
  cmd->add_flag("--no-timing", opts->no_timing, "Do not print each statement's time");
  cmd->add_option("--history", opts->history,
                  "History file (default: $QUIVER_HISTORY, else ~/.quiver_history)");
  cmd->callback([opts] { RunShell(*opts); });
}

}  // namespace quiver::cli
