// quiver diagram STORE ['QUERY' | --around NAME [--depth K]] -o FILE
//
// The query runs on the store as opened (read-only); its nodes,
// relationships and paths are drawn, with the ends of every relationship.

#include <fstream>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cli/commands.h"
#include "quiver/database.h"
#include "quiver/diagram.h"

namespace quiver::cli {

namespace {

struct DiagramCliOptions {
  std::string store;
  std::string query;
  std::vector<std::string> around;
  int depth = 1;
  std::string output;
  std::string format;
  std::string layout = "dot";
  std::string title;
  size_t max_nodes = 60;
  size_t max_edges = 200;
  double budget_s = 20;
  std::string from;
  std::string to;
};

std::string FormatOf(const DiagramCliOptions& opts) {
  if (!opts.format.empty()) return opts.format;
  size_t dot = opts.output.rfind('.');
  if (dot == std::string::npos) {
    Fail(absl::StrCat("cannot tell the format of '", opts.output,
                      "': give it an extension (.svg .png .pdf .dot .html) or --format"));
  }
  return opts.output.substr(dot + 1);
}

void WriteOut(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  if (!out) Fail(absl::StrCat(path, ": cannot write"));
}

void RunDiagram(const DiagramCliOptions& opts) {
  DiagramOptions options;
  options.format = FormatOf(opts);
  options.layout = opts.layout;
  options.max_nodes = opts.max_nodes;
  options.max_edges = opts.max_edges;
  options.layout_budget_ms = static_cast<int>(opts.budget_s * 1000);
  options.from = opts.from;
  options.to = opts.to;
  if (!opts.query.empty() && !opts.around.empty()) {
    Fail("give either a QUERY or --around NAME, not both");
  }
  if (opts.query.empty() && opts.around.empty()) {
    Fail("say what to draw: a QUERY or --around NAME");
  }
  options.title = !opts.title.empty() ? opts.title
                  : !opts.query.empty()
                      ? opts.query
                      : absl::StrCat(absl::StrJoin(opts.around, ", "), ": ", opts.depth,
                                     opts.depth == 1 ? " hop" : " hops");
  Options store_options;
  store_options.create_if_missing = false;
  store_options.read_only = true;
  auto db = OpenStoreOrFail(opts.store, store_options);
  auto drawn = opts.query.empty() ? diagram::Around(*db, opts.around, opts.depth, options)
                                  : diagram::OfQuery(*db, opts.query, options);
  if (!drawn.ok()) Fail(drawn.status());
  if (!drawn->note.empty()) std::cerr << "quiver: " << drawn->note << "\n";
  if (drawn->outside_range > 0) {
    std::cerr << "quiver: " << drawn->outside_range
              << " edge(s) undated or seen outside --from/--to left out\n";
  }
  if (options.format != "dot" && drawn->layout != options.layout) {
    std::cerr << "quiver: " << options.layout << " ran out of time; laid out with "
              << drawn->layout << " instead\n";
  }
  WriteOut(opts.output, drawn->data);
  std::cerr << "wrote " << opts.output << " (" << drawn->nodes << " nodes, " << drawn->edges
            << " edges, layout " << drawn->layout << ")\n";
}

}  // namespace

void AddDiagramCommand(CLI::App& app) {
  auto opts = std::make_shared<DiagramCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "diagram",
      "Draw part of the graph with Graphviz: the neighbourhood of named nodes (--around), "
      "nodes styled by label with a legend, edges labelled by type. The format follows the "
      "file name: .svg .png .pdf .dot, or .html (the SVG with each edge's evidence on hover).");
  cmd->add_option("store", opts->store, "Store directory")->required();
  cmd->add_option("query", opts->query, "A query whose nodes and relationships to draw");
  cmd->add_option("--around", opts->around, "Draw around the node(s) with this name");
  cmd->add_option("--depth", opts->depth, "Hops around --around nodes")->capture_default_str();
  cmd->add_option("--output,-o", opts->output, "File to write")->required();
  cmd->add_option("--format", opts->format, "svg, png, pdf, dot or html (default: from -o)");
  cmd->add_option("--layout", opts->layout, "dot, neato or sfdp")->capture_default_str();
  cmd->add_option("--title", opts->title, "Title above the diagram");
  cmd->add_option("--max-nodes", opts->max_nodes,
                  "Keep at most this many nodes, the most connected")
      ->capture_default_str();
  cmd->add_option("--max-edges", opts->max_edges, "Keep at most this many edges")
      ->capture_default_str();
  cmd->add_option("--from", opts->from,
                  "Keep edges last seen on or after this date (YYYY-MM-DD); with --from or "
                  "--to, edges without dates are left out");
  cmd->add_option("--to", opts->to, "Keep edges first seen on or before this date (YYYY-MM-DD)");
  cmd->add_option("--layout-budget", opts->budget_s,
                  "Seconds a layout may take before falling back to sfdp, then giving up")
      ->capture_default_str();
  cmd->callback([opts] { RunDiagram(*opts); });
}

}  // namespace quiver::cli
