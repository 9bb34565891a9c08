// quiver remove STORE SOURCE...: take documents out of a store again.
//
// One write per source, as ingest writes one per document: each source is
// an independent unit, so an unknown source does not hold back the others,
// and a write is never larger than one document's contribution. Each
// removal is atomic on its own (all of that source's documents or none).

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "quiver/database.h"

namespace quiver::cli {

namespace {

struct RemoveOptions {
  std::string store;
  std::vector<std::string> sources;
};

void RunRemove(const RemoveOptions& opts) {
  Options options;
  options.create_if_missing = false;
  options.holder = "quiver remove";
  auto db = OpenStoreOrFail(opts.store, options);
  RemoveResult total;
  size_t missing = 0;
  for (const auto& source : opts.sources) {
    auto r = db->RemoveDocument(source);
    if (!r.ok()) {
      if (r.status().code() != absl::StatusCode::kNotFound) Fail(r.status());
      std::cerr << "quiver: " << r.status().message() << "\n";
      ++missing;
      continue;
    }
    total.documents += r->documents;
    total.edges += r->edges;
    total.evidence += r->evidence;
    total.nodes += r->nodes;
  }
  std::cout << "removed " << total.documents << " document(s): " << total.edges
            << " edges, " << total.evidence << " evidence, " << total.nodes << " nodes\n";
  auto stats = db->GetStats();
  if (stats.ok()) {
    std::cout << "store now " << stats->documents << " documents, " << stats->nodes
              << " nodes, " << stats->edges << " edges\n";
  }
  if (missing > 0) {
    Fail(absl::StrCat(missing, " of ", opts.sources.size(),
                      " source(s) not found; the others were removed"));
  }
}

}  // namespace

void AddRemoveCommand(CLI::App& app) {
  auto opts = std::make_shared<RemoveOptions>();
  CLI::App* cmd = app.add_subcommand(
      "remove",
      "Take documents out of STORE by source (the path they were ingested or loaded "
      "from, as ingest printed it): their evidence goes, facts no other document "
      "states go, and nodes "
      "only they named go (nodes made by queries stay). One atomic write per source; "
      "an unknown source is reported and the exit code is 1.");
  cmd->add_option("store", opts->store, "Store directory")->required();
  cmd->add_option("sources", opts->sources, "Sources of the documents to remove")->required();
  cmd->callback([opts] { RunRemove(*opts); });
}

}  // namespace quiver::cli
