// quiver check STORE: verify a store against its own invariants.

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "quiver/database.h"

namespace quiver::cli {

namespace {

struct CheckOptions {
  std::string store;
  int max_problems = 1000;
};

void RunCheck(const CheckOptions& opts) {
  const auto start = std::chrono::steady_clock::now();
  Options options;
  options.create_if_missing = false;
  // A reader beside a live writer sees one committed state.
  options.read_only = true;
  auto db = OpenStoreOrFail(opts.store, options);
  auto report = db->Check(size_t(opts.max_problems));
  if (!report.ok()) Fail(report.status());
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (const auto& p : report->problems) {
    std::cout << p.family << ": " << p.key << " [" << p.key_hex << "]: " << p.message << "\n";
  }
  int64_t entries = 0;
  for (const auto& [family, n] : report->entries) entries += n;
  const std::string summary =
      absl::StrCat(report->nodes, " nodes, ", report->edges, " edges, ", report->documents,
                   " documents, ", report->evidence, " statements; ", entries,
                   " entries read");
  std::fprintf(stdout, "%s: %s in %.2f s\n", opts.store.c_str(), summary.c_str(), secs);
  if (!report->ok()) {
    Fail(absl::StrCat(opts.store, ": ", report->problem_count, " problem(s)",
                      report->problem_count > int64_t(report->problems.size())
                          ? absl::StrCat(", the first ", report->problems.size(), " shown")
                          : ""));
  }
  std::cout << "ok\n";
}

}  // namespace

void AddCheckCommand(CLI::App& app) {
  auto opts = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Verify STORE against its own invariants: every index entry has its record and back, "
      "the counters equal what is stored, evidence, provenance and documents agree, names "
      "and aliases agree, the curation log is well-formed. Prints each problem with its key "
      "(decoded and hex) and exits with 1 when there is any; changes nothing, and may run "
      "beside a writer.");
  cmd->add_option("store", opts->store, "Store directory")->required();
  cmd->add_option("--max-problems", opts->max_problems, "How many problems to print at most")
      ->check(CLI::Range(1, 1 << 30))
      ->capture_default_str();
  cmd->callback([opts] { RunCheck(*opts); });
}

}  // namespace quiver::cli
