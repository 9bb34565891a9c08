// quiver query STORE 'STATEMENT' [--param name=value ...] [--format ...]:
// runs one statement of the query language and prints its rows.

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/query_format.h"
#include "quiver/database.h"

namespace quiver::cli {

namespace {

struct QueryCommandOptions {
  std::string store;
  std::string statement;
  std::vector<std::string> params;
  std::string format = "table";
  int64_t timeout_ms = QueryOptions().timeout_ms;
  int64_t max_rows = QueryOptions().max_rows;
  bool create = false;
};

void RunQuery(const QueryCommandOptions& opts) {
  auto format = ParseResultFormat(opts.format);
  if (!format.ok()) Fail(format.status());
  ValueMap params;
  for (const auto& p : opts.params) {
    size_t eq = p.find('=');
    if (eq == std::string::npos || eq == 0) {
      Fail(absl::StrCat("--param ", p, ": expected name=value"));
    }
    absl::StatusOr<Value> value = ParseParamValue(std::string_view(p).substr(eq + 1));
    if (!value.ok()) Fail(absl::StrCat("--param ", p.substr(0, eq), ": ", value.status().message()));
    params[p.substr(0, eq)] = *std::move(value);
  }
  Options options;
  options.create_if_missing = opts.create;
  options.holder = "quiver query";
  auto db = Database::Open(opts.store, options);
  if (!db.ok() && absl::IsUnavailable(db.status())) {
    // Another process writes the store: read what it has committed.
    options.read_only = true;
    db = Database::Open(opts.store, options);
  }
  if (!db.ok()) Fail(db.status());
  QueryOptions limits;
  limits.timeout_ms = opts.timeout_ms;
  limits.max_rows = opts.max_rows;
  auto result = (*db)->Query(opts.statement, params, limits);
  if (!result.ok()) Fail(result.status());
  if (!result->plan().empty()) std::cout << result->plan();
  PrintResult(*result, *format, TerminalWidth(), std::cout);
  if (!result->status().ok()) {
    std::cout.flush();
    Fail(result->status());
  }
  const QueryStats& s = result->stats();
  if (s.contains_updates()) {
    std::cerr << "nodes created " << s.nodes_created << ", deleted " << s.nodes_deleted
              << "; relationships created " << s.relationships_created << ", deleted "
              << s.relationships_deleted << "; properties set " << s.properties_set
              << "; labels added " << s.labels_added << ", removed " << s.labels_removed
              << "\n";
  }
}

}  // namespace

void AddQueryCommand(CLI::App& app) {
  auto opts = std::make_shared<QueryCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "query", "Run one query-language statement (openCypher) on STORE and print its rows.");
  cmd->add_option("store", opts->store, "Store directory")->required();
  cmd->add_option("statement", opts->statement, "The statement, e.g. 'MATCH (n) RETURN n LIMIT 5'")
      ->required();
  cmd->add_option("--param,-p", opts->params,
                  "name=value for $name; value is a JSON literal (42, true, \"x\", [1,2]) "
                  "or else a string");
  cmd->add_option("--format,-f", opts->format, "table, csv, json or jsonl")->capture_default_str();
  cmd->add_option("--timeout-ms", opts->timeout_ms, "Time limit of the statement (0: none)")
      ->capture_default_str();
  cmd->add_option("--max-rows", opts->max_rows, "Most rows any step may hold")
      ->capture_default_str();
  cmd->add_flag("--create", opts->create, "Create an empty STORE when it does not exist");
  cmd->callback([opts] { RunQuery(*opts); });
}

}  // namespace quiver::cli
