// The `quiver` program's subcommands. Each Add*Command registers one
// subcommand on the app; its callback throws CLI::RuntimeError(exit code) on
// failure after printing the reason to stderr.

#ifndef QUIVER_CLI_COMMANDS_H_
#define QUIVER_CLI_COMMANDS_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "quiver/database.h"

namespace CLI {
class App;
}

namespace quiver::cli {

void AddLoadCommand(CLI::App& app);
void AddStatsCommand(CLI::App& app);
void AddQueryCommand(CLI::App& app);
void AddIngestCommand(CLI::App& app);
void AddExtractCommand(CLI::App& app);
void AddExportCommand(CLI::App& app);
void AddDiagramCommand(CLI::App& app);
void AddTimelineCommand(CLI::App& app);
void AddShellCommand(CLI::App& app);
void AddRemoveCommand(CLI::App& app);
void AddCheckCommand(CLI::App& app);

// Prints "quiver: MESSAGE" to stderr and throws CLI::RuntimeError(1).
[[noreturn]] void Fail(const absl::Status& status);
[[noreturn]] void Fail(std::string_view message);

// Opens the store at `path`, or fails (as above) saying why.
std::unique_ptr<Database> OpenStoreOrFail(const std::string& path, const Options& options);

// `--date YYYY-MM-DD` of `ingest` and `extract`: the publication date of
// documents that give none, checked as it is parsed, into `*date`.
void AddDocumentDateOption(CLI::App& cmd, std::string* date);

}  // namespace quiver::cli

#endif  // QUIVER_CLI_COMMANDS_H_
