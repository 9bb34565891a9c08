// quiver export STORE --format graphml|dot|ntriples|csv|jsonl -o PATH

#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "quiver/database.h"
#include "quiver/export.h"

namespace quiver::cli {

namespace {

struct ExportCliOptions {
  std::string store;
  std::string format;
  std::string output;
  std::string base_iri = "urn:quiver:";
  bool no_evidence = false;
};

void RunExport(const ExportCliOptions& opts) {
  auto format = ParseExportFormat(opts.format);
  if (!format.ok()) Fail(format.status());
  Options options;
  options.create_if_missing = false;
  options.read_only = true;
  auto db = OpenStoreOrFail(opts.store, options);
  ExportOptions export_options;
  export_options.format = *format;
  export_options.base_iri = opts.base_iri;
  export_options.evidence = !opts.no_evidence;
  auto summary = Export(*db, opts.output, export_options);
  if (!summary.ok()) Fail(summary.status());
  std::cerr << "exported " << summary->nodes << " nodes and " << summary->edges
            << " edges to";
  for (const auto& f : summary->files) std::cerr << " " << f;
  std::cerr << "\n";
}

}  // namespace

void AddExportCommand(CLI::App& app) {
  auto opts = std::make_shared<ExportCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Write the whole graph for other tools: graphml (Gephi, yEd), dot (Graphviz), ntriples "
      "(RDF stores), csv (neo4j-admin import: a directory with nodes.csv and "
      "relationships.csv), jsonl (one object per node and per edge, with evidence). Evidence "
      "(jsonl, ntriples) gives each statement's sentence, the mentions as written and why they "
      "resolved to the nodes.");
  cmd->add_option("store", opts->store, "Store directory")->required();
  cmd->add_option("--format,-f", opts->format, "graphml, dot, ntriples, csv or jsonl")->required();
  cmd->add_option("--output,-o", opts->output, "File to write (a directory for csv)")->required();
  cmd->add_option("--base-iri", opts->base_iri, "N-Triples: the IRI every resource starts with")
      ->capture_default_str();
  cmd->add_flag("--no-evidence", opts->no_evidence,
                "jsonl and ntriples: leave out the evidence (sentences, mentions, reasons)");
  cmd->callback([opts] { RunExport(*opts); });
}

}  // namespace quiver::cli
