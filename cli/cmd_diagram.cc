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
#include "api/database_impl.h"
#include "cli/commands.h"
#include "graph/reader.h"
#include "quiver/database.h"
#include "quiver/result.h"
#include "render/diagram_builder.h"
#include "render/dot_writer.h"
#include "render/graphviz.h"
#include "render/html_writer.h"

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
  std::string format = FormatOf(opts);
  if (format != "svg" && format != "png" && format != "pdf" && format != "dot" &&
      format != "html") {
    Fail(absl::StrCat("unknown diagram format '", format, "' (use svg, png, pdf, dot or html)"));
  }
  if (!opts.query.empty() && !opts.around.empty()) {
    Fail("give either a QUERY or --around NAME, not both");
  }
  if (opts.query.empty() && opts.around.empty()) {
    Fail("say what to draw: a QUERY or --around NAME");
  }
  if (opts.max_nodes == 0) Fail("--max-nodes must be at least 1");

  Options options;
  options.create_if_missing = false;
  options.read_only = true;
  auto db = Database::Open(opts.store, options);
  if (!db.ok()) Fail(db.status());
  render::Diagram diagram;
  {
    const graph::Store& store = *(*db)->impl()->store;
    auto snap = (*db)->impl()->snapshots.Get(store);
    if (!snap.ok()) Fail(snap.status());
    auto reader = store.NewReader();
    render::DiagramLimits limits;
    limits.max_nodes = opts.max_nodes;
    limits.max_edges = opts.max_edges;
    limits.evidence = format == "html" || format == "svg";
    absl::StatusOr<render::Diagram> built;
    if (opts.query.empty()) {
      built = render::DiagramAround(*reader, **snap, opts.around, opts.depth, limits);
    } else {
      auto result = (*db)->Query(opts.query);
      if (!result.ok()) Fail(result.status());
      std::vector<NodeId> nodes;
      std::vector<EdgeId> edges;
      render::CollectGraphElements(result->rows(), &nodes, &edges);
      if (result->empty()) Fail("nothing to draw: the query returned no rows");
      if (nodes.empty() && edges.empty()) {
        Fail(absl::StrCat("nothing to draw: the query returned ", result->size(),
                          " row(s) but no nodes, relationships or paths "
                          "(return them, e.g. RETURN a, r, b or RETURN p)"));
      }
      built = render::DiagramOf(*reader, **snap, std::move(nodes), std::move(edges), {}, limits);
    }
    if (!built.ok()) Fail(built.status());
    diagram = std::move(*built);
  }
  // Close the store before Graphviz forks its layout process.
  db->reset();
  if (diagram.nodes.empty()) Fail("nothing to draw: no nodes or relationships matched");
  diagram.title = !opts.title.empty() ? opts.title
                  : !opts.query.empty()
                      ? opts.query
                      : absl::StrCat(absl::StrJoin(opts.around, ", "), ": ", opts.depth,
                                     opts.depth == 1 ? " hop" : " hops");
  std::string note = render::OmissionMessage(diagram);
  if (!note.empty()) std::cerr << "quiver: " << note << "\n";

  std::string dot = render::WriteDot(diagram);
  std::string engine = "none";
  if (format == "dot") {
    WriteOut(opts.output, dot);
  } else {
    render::LayoutOptions layout;
    layout.engine = opts.layout;
    layout.budget_ms = static_cast<int>(opts.budget_s * 1000);
    auto rendered = render::RenderDot(dot, format == "html" ? "svg" : format, layout);
    if (!rendered.ok()) Fail(rendered.status());
    engine = rendered->engine;
    if (rendered->engine != opts.layout) {
      std::cerr << "quiver: " << opts.layout << " ran out of time; laid out with "
                << rendered->engine << " instead\n";
    }
    WriteOut(opts.output, format == "html"
                              ? render::WriteHtml(diagram, rendered->data, note)
                              : rendered->data);
  }
  std::cerr << "wrote " << opts.output << " (" << diagram.nodes.size() << " nodes, "
            << diagram.edges.size() << " edges, layout " << engine << ")\n";
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
  cmd->add_option("--layout-budget", opts->budget_s,
                  "Seconds a layout may take before falling back to sfdp, then giving up")
      ->capture_default_str();
  cmd->callback([opts] { RunDiagram(*opts); });
}

}  // namespace quiver::cli
