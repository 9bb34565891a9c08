// The shell's meta commands: lines starting with ':' (:help, :schema, :why 12,
// ...) that the shell handles itself instead of sending to the engine.

#ifndef QUIVER_CLI_SHELL_META_COMMAND_H_
#define QUIVER_CLI_SHELL_META_COMMAND_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace quiver::cli::shell {

struct MetaCommand {
  enum class Kind {
    kHelp, kSchema, kStats, kWhy, kDiagram, kFormat, kTiming, kParam, kParams, kRead,
    kWidth, kMaxRows, kQuit
  };
  Kind kind = Kind::kHelp;
  uint64_t edge = 0;     // kWhy.
  std::string file;      // kDiagram, kRead.
  std::string format;    // kFormat: table, csv, json or jsonl.
  bool timing = true;    // kTiming.
  // kParam: `name` set to `value` (the --param notation: JSON or a string);
  // an empty `value` removes the parameter. kParams: `clear` drops them all.
  std::string name;
  std::string value;
  bool clear = false;
  // kWidth: columns of a table (0: unlimited), or `automatic` (the
  // terminal's). kMaxRows: rows printed per result (0: all).
  size_t number = 0;
  bool automatic = false;
};

// True when `line` is a meta command rather than (part of) a statement.
bool IsMetaCommand(std::string_view line);

// Parses a line such as ":why 12" or ":format csv;" (a trailing `;` is
// ignored). Errors: kInvalidArgument saying what is wrong and what is
// accepted (unknown command, missing or bad argument).
absl::StatusOr<MetaCommand> ParseMetaCommand(std::string_view line);

// One line per command, for :help.
std::string MetaCommandHelp();

// The command names without ':', for completion.
const std::vector<std::string>& MetaCommandNames();

}  // namespace quiver::cli::shell

#endif  // QUIVER_CLI_SHELL_META_COMMAND_H_
