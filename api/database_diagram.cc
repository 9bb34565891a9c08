// quiver::diagram: choosing (render/diagram_builder.h) and drawing
// (render/dot_writer.h, render/graphviz.h, render/html_writer.h) part of a
// Database's graph.

#include "quiver/diagram.h"

#include "absl/strings/str_cat.h"
#include "api/database_impl.h"
#include "api/date_range.h"
#include "graph/reader.h"
#include "quiver/database.h"
#include "quiver/result.h"
#include "render/diagram_builder.h"
#include "render/dot_writer.h"
#include "render/graphviz.h"
#include "render/html_writer.h"
#include "util/status_macros.h"

namespace quiver::diagram {

namespace {

absl::Status Check(const DiagramOptions& o) {
  const std::string& f = o.format;
  if (f != "svg" && f != "png" && f != "pdf" && f != "dot" && f != "html") {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown diagram format '", f, "' (use svg, png, pdf, dot or html)"));
  }
  if (o.layout != "dot" && o.layout != "neato" && o.layout != "sfdp") {
    return absl::InvalidArgumentError(
        absl::StrCat("unknown layout '", o.layout, "' (use dot, neato or sfdp)"));
  }
  if (o.max_nodes == 0) return absl::InvalidArgumentError("max_nodes must be at least 1");
  return absl::OkStatus();
}

absl::StatusOr<render::DiagramLimits> Limits(const DiagramOptions& o) {
  render::DiagramLimits limits;
  QUIVER_ASSIGN_OR_RETURN(api::DayRange range, api::ParseDayRange(o.from, o.to));
  limits.by_date = range.bounded;
  limits.from_day = range.from;
  limits.to_day = range.to;
  limits.max_nodes = o.max_nodes;
  limits.max_edges = o.max_edges;
  limits.evidence = o.format == "html" || o.format == "svg";  // Tooltips.
  return limits;
}

absl::StatusOr<DiagramOutput> Draw(render::Diagram d, const DiagramOptions& o) {
  if (d.edges.empty() && d.outside_range > 0) {
    return absl::NotFoundError(absl::StrCat(
        "nothing to draw between ", o.from.empty() ? "the start" : o.from, " and ",
        o.to.empty() ? "the end" : o.to, ": all ", d.outside_range,
        " edge(s) are undated or seen outside that range"));
  }
  d.title = o.title;
  DiagramOutput out;
  out.nodes = static_cast<int64_t>(d.nodes.size());
  out.edges = static_cast<int64_t>(d.edges.size());
  out.omitted_nodes = d.omitted_nodes;
  out.omitted_edges = d.omitted_edges;
  out.outside_range = d.outside_range;
  out.note = render::OmissionMessage(d);
  std::string dot = render::WriteDot(d);
  if (o.format == "dot") {
    out.data = std::move(dot);
    out.layout = "none";
    return out;
  }
  render::LayoutOptions layout;
  layout.engine = o.layout;
  layout.budget_ms = o.layout_budget_ms;
  QUIVER_ASSIGN_OR_RETURN(render::Rendered r,
                          render::RenderDot(dot, o.format == "html" ? "svg" : o.format, layout));
  out.layout = r.engine;
  out.data = o.format == "html" ? render::WriteHtml(d, r.data, out.note) : std::move(r.data);
  return out;
}

}  // namespace

absl::StatusOr<DiagramOutput> Around(Database& db, const std::vector<std::string>& names,
                                     int depth, const DiagramOptions& options) {
  QUIVER_RETURN_IF_ERROR(Check(options));
  QUIVER_ASSIGN_OR_RETURN(render::DiagramLimits limits, Limits(options));
  if (names.empty()) return absl::InvalidArgumentError("name at least one node to draw around");
  const graph::Store& store = *internal::DatabaseAccess::Of(db).store;
  // The snapshot of the reader's own state, so the two agree.
  auto reader = store.NewReader();
  QUIVER_ASSIGN_OR_RETURN(auto snap, store.snapshots().Get(*reader));
  QUIVER_ASSIGN_OR_RETURN(render::Diagram d,
                          render::DiagramAround(*reader, *snap, names, depth, limits));
  return Draw(std::move(d), options);
}

absl::StatusOr<DiagramOutput> OfQuery(Database& db, std::string_view query,
                                      const DiagramOptions& options) {
  QUIVER_RETURN_IF_ERROR(Check(options));
  QUIVER_ASSIGN_OR_RETURN(render::DiagramLimits limits, Limits(options));
  QUIVER_ASSIGN_OR_RETURN(Result result, db.Query(query));
  if (result.empty()) return absl::NotFoundError("nothing to draw: the query returned no rows");
  std::vector<NodeId> nodes;
  std::vector<EdgeId> edges;
  render::CollectGraphElements(result.rows(), &nodes, &edges);
  QUIVER_RETURN_IF_ERROR(result.status());  // An error after the first page.
  if (nodes.empty() && edges.empty()) {
    return absl::NotFoundError(absl::StrCat(
        "nothing to draw: the query returned ", result.size(),
        " row(s) but no nodes, relationships or paths (return them, e.g. RETURN a, r, b or "
        "RETURN p)"));
  }
  const graph::Store& store = *internal::DatabaseAccess::Of(db).store;
  // The snapshot of the reader's own state, so the two agree.
  auto reader = store.NewReader();
  QUIVER_ASSIGN_OR_RETURN(auto snap, store.snapshots().Get(*reader));
  QUIVER_ASSIGN_OR_RETURN(render::Diagram d,
                          render::DiagramOf(*reader, *snap, std::move(nodes), std::move(edges),
                                            {}, limits));
  return Draw(std::move(d), options);
}

}  // namespace quiver::diagram
