// quiver::Export (quiver/export.h): the public face of render/export.h.
// The two keep their own types so that the public header names nothing of
// the store (render's exporter reads a graph::Reader).

#include "quiver/export.h"

#include "api/read_state.h"
#include "graph/reader.h"
#include "quiver/database.h"
#include "quiver/read_snapshot.h"
#include "render/export.h"
#include "util/status_macros.h"

namespace quiver {

namespace {

render::ExportFormat ToRender(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphml: return render::ExportFormat::kGraphml;
    case ExportFormat::kDot: return render::ExportFormat::kDot;
    case ExportFormat::kNtriples: return render::ExportFormat::kNtriples;
    case ExportFormat::kCsv: return render::ExportFormat::kCsv;
    case ExportFormat::kJsonl: return render::ExportFormat::kJsonl;
  }
  return render::ExportFormat::kJsonl;
}

ExportFormat FromRender(render::ExportFormat format) {
  switch (format) {
    case render::ExportFormat::kGraphml: return ExportFormat::kGraphml;
    case render::ExportFormat::kDot: return ExportFormat::kDot;
    case render::ExportFormat::kNtriples: return ExportFormat::kNtriples;
    case render::ExportFormat::kCsv: return ExportFormat::kCsv;
    case render::ExportFormat::kJsonl: return ExportFormat::kJsonl;
  }
  return ExportFormat::kJsonl;
}

}  // namespace

absl::StatusOr<ExportFormat> ParseExportFormat(std::string_view name) {
  QUIVER_ASSIGN_OR_RETURN(render::ExportFormat format, render::ParseExportFormat(name));
  return FromRender(format);
}

absl::StatusOr<ExportSummary> Export(const ReadSnapshot& snapshot, const std::string& path,
                                     const ExportOptions& options) {
  render::ExportOptions o;
  o.format = ToRender(options.format);
  o.base_iri = options.base_iri;
  o.evidence = options.evidence;
  const graph::Reader& reader = *internal::ReadSnapshotAccess::State(snapshot)->reader;
  QUIVER_ASSIGN_OR_RETURN(render::ExportSummary s, render::ExportStore(reader, o, path));
  ExportSummary out;
  out.nodes = s.nodes;
  out.edges = s.edges;
  out.files = std::move(s.files);
  return out;
}

absl::StatusOr<ExportSummary> Export(const Database& db, const std::string& path,
                                     const ExportOptions& options) {
  return Export(*db.GetSnapshot(), path, options);
}

}  // namespace quiver
