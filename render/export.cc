#include "render/export.h"

#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "render/internal/exporters.h"
#include "util/status_macros.h"

namespace quiver::render {

namespace internal {

ColumnType TemporalColumn(const TemporalValue& t) {
  switch (t.kind) {
    case TemporalValue::Kind::kDate: return ColumnType::kDate;
    case TemporalValue::Kind::kLocalTime: return ColumnType::kLocalTime;
    case TemporalValue::Kind::kTime: return ColumnType::kTime;
    case TemporalValue::Kind::kLocalDateTime: return ColumnType::kLocalDateTime;
    case TemporalValue::Kind::kDateTime: return ColumnType::kDateTime;
    case TemporalValue::Kind::kDuration: return ColumnType::kDuration;
  }
  return ColumnType::kString;
}

void Widen(ColumnType* column, const Value& value, bool first) {
  ColumnType t = value.is_int()        ? ColumnType::kLong
                 : value.is_double()   ? ColumnType::kDouble
                 : value.is_bool()     ? ColumnType::kBoolean
                 : value.is_temporal() ? TemporalColumn(value.AsTemporal())
                                       : ColumnType::kString;
  if (first || *column == t) {
    *column = t;
  } else if ((*column == ColumnType::kLong && t == ColumnType::kDouble) ||
             (*column == ColumnType::kDouble && t == ColumnType::kLong)) {
    *column = ColumnType::kDouble;
  } else {
    *column = ColumnType::kString;
  }
}

}  // namespace internal

absl::StatusOr<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "graphml") return ExportFormat::kGraphml;
  if (name == "dot") return ExportFormat::kDot;
  if (name == "ntriples" || name == "nt") return ExportFormat::kNtriples;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonl;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown export format '", std::string(name), "' (use graphml, dot, ntriples, csv or jsonl)"));
}

namespace {

absl::Status Open(const std::string& path, std::ofstream* out) {
  out->open(path, std::ios::binary | std::ios::trunc);
  if (!*out) return absl::UnavailableError(absl::StrCat(path, ": cannot open for writing"));
  return absl::OkStatus();
}

absl::Status Close(const std::string& path, std::ofstream* out) {
  out->close();
  if (!*out) return absl::UnavailableError(absl::StrCat(path, ": write failed"));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<ExportSummary> ExportStore(const graph::Reader& reader,
                                          const ExportOptions& options,
                                          const std::string& path) {
  ExportSummary summary;
  if (options.format == ExportFormat::kCsv) {
    std::error_code ec;
    std::filesystem::create_directories(path, ec);
    if (ec) return absl::UnavailableError(absl::StrCat(path, ": cannot create directory: ", ec.message()));
    std::string nodes_path = path + "/nodes.csv", rels_path = path + "/relationships.csv";
    std::ofstream nodes, rels;
    QUIVER_RETURN_IF_ERROR(Open(nodes_path, &nodes));
    QUIVER_RETURN_IF_ERROR(Open(rels_path, &rels));
    QUIVER_RETURN_IF_ERROR(internal::WriteCsv(reader, nodes, rels, &summary));
    QUIVER_RETURN_IF_ERROR(Close(nodes_path, &nodes));
    QUIVER_RETURN_IF_ERROR(Close(rels_path, &rels));
    summary.files = {nodes_path, rels_path};
    return summary;
  }
  std::ofstream out;
  QUIVER_RETURN_IF_ERROR(Open(path, &out));
  switch (options.format) {
    case ExportFormat::kGraphml:
      QUIVER_RETURN_IF_ERROR(internal::WriteGraphml(reader, out, &summary));
      break;
    case ExportFormat::kDot:
      QUIVER_RETURN_IF_ERROR(internal::WriteDot(reader, out, &summary));
      break;
    case ExportFormat::kNtriples:
      QUIVER_RETURN_IF_ERROR(internal::WriteNtriples(reader, options, out, &summary));
      break;
    case ExportFormat::kJsonl:
      QUIVER_RETURN_IF_ERROR(internal::WriteJsonl(reader, options, out, &summary));
      break;
    case ExportFormat::kCsv:
      break;  // Handled above.
  }
  QUIVER_RETURN_IF_ERROR(Close(path, &out));
  summary.files = {path};
  return summary;
}

}  // namespace quiver::render
