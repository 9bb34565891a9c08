// quiver stats STORE: what a store holds.

#include <iomanip>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "quiver/database.h"

namespace quiver::cli {

namespace {

struct StatsOptions {
  std::string store;
  int top = 10;
};

void PrintRanked(const char* title,
                 const std::vector<std::pair<std::string, int64_t>>& items, int top) {
  std::cout << title << ":";
  if (items.empty()) std::cout << " none";
  std::cout << "\n";
  for (size_t i = 0; i < items.size() && int(i) < top; ++i) {
    std::cout << "  " << std::left << std::setw(24) << items[i].first << " "
              << std::right << std::setw(8) << items[i].second << "\n";
  }
  if (int(items.size()) > top) std::cout << "  ... " << items.size() - top << " more\n";
}

void RunStats(const StatsOptions& opts) {
  Options options;
  options.create_if_missing = false;
  options.read_only = true;
  auto db = OpenStoreOrFail(opts.store, options);
  auto stats = db->GetStats();
  if (!stats.ok()) Fail(stats.status());
  std::cout << "store      " << opts.store << "\n"
            << "nodes      " << stats->nodes << "\n"
            << "edges      " << stats->edges << "\n"
            << "documents  " << stats->documents << "\n"
            << "dated      " << stats->dated_documents;
  if (stats->dated_documents > 0)
    std::cout << " (" << stats->earliest_date << " to " << stats->latest_date << ")";
  std::cout << "\n"
            << "evidence   " << stats->evidence << "\n";
  PrintRanked("labels", stats->labels, opts.top);
  PrintRanked("relation types, most frequent first", stats->relation_types, opts.top);
}

}  // namespace

void AddStatsCommand(CLI::App& app) {
  auto opts = std::make_shared<StatsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "stats", "Count the nodes, edges, documents and evidence in STORE (with how many "
               "documents are dated and their date range), and "
               "list its labels and most frequent relation types.");
  cmd->add_option("store", opts->store, "Store directory")->required();
  cmd->add_option("--top", opts->top, "How many labels and types to list")
      ->capture_default_str();
  cmd->callback([opts] { RunStats(*opts); });
}

}  // namespace quiver::cli
