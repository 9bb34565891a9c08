// quiver: build a knowledge graph from documents and question it.

#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "quiver/extractor.h"
#include "quiver/version.h"

namespace quiver::cli {

void Fail(const absl::Status& status) { Fail(std::string(status.message())); }

void Fail(std::string_view message) {
  std::cerr << "quiver: " << message << "\n";
  throw CLI::RuntimeError(1);
}

std::unique_ptr<Database> OpenStoreOrFail(const std::string& path, const Options& options) {
  auto db = Database::Open(path, options);
  if (!db.ok()) Fail(db.status());
  return *std::move(db);
}

void AddDocumentDateOption(CLI::App& cmd, std::string* date) {
  cmd.add_option("--date", *date,
                 "Publication date (YYYY-MM-DD) of documents that give none; a date a "
                 "document gives (HTML meta or <time>, JSON Lines \"date\", Markdown front "
                 "matter, a dateline or \"Published ...\" line) wins. Relative time "
                 "expressions (\"last week\") are resolved against it")
      ->check(CLI::Validator([](std::string& s) { return Extractor::CheckDefaultDate(s); },
                             "YYYY-MM-DD"));
}

}  // namespace quiver::cli

int main(int argc, char** argv) {
  CLI::App app{
      "quiver: turn documents into a knowledge graph and question it.\n"
      "Each command takes a STORE: the directory of an embedded graph store."};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Describe every command and option");
  app.set_version_flag("--version", std::string("quiver ") + quiver::Version());
  quiver::cli::AddLoadCommand(app);
  quiver::cli::AddStatsCommand(app);
  quiver::cli::AddQueryCommand(app);
  quiver::cli::AddIngestCommand(app);
  quiver::cli::AddExtractCommand(app);
  quiver::cli::AddExportCommand(app);
  quiver::cli::AddDiagramCommand(app);
  quiver::cli::AddTimelineCommand(app);
  quiver::cli::AddShellCommand(app);
  quiver::cli::AddRemoveCommand(app);
  quiver::cli::AddCheckCommand(app);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
