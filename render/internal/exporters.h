// One writer per export format (render/export_*.cc), to a stream.

#ifndef QUIVER_RENDER_INTERNAL_EXPORTERS_H_
#define QUIVER_RENDER_INTERNAL_EXPORTERS_H_

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "graph/reader.h"
#include "render/export.h"

namespace quiver::render::internal {

absl::Status WriteGraphml(const graph::Reader& reader, std::ostream& out, ExportSummary* summary);
absl::Status WriteNtriples(const graph::Reader& reader, const ExportOptions& options,
                           std::ostream& out, ExportSummary* summary);
absl::Status WriteJsonl(const graph::Reader& reader, const ExportOptions& options,
                        std::ostream& out, ExportSummary* summary);
absl::Status WriteCsv(const graph::Reader& reader, std::ostream& nodes,
                      std::ostream& relationships, ExportSummary* summary);
absl::Status WriteDot(const graph::Reader& reader, std::ostream& out, ExportSummary* summary);

// Property value kinds as typed columns need them: one type per key, the
// widest seen (long < double; anything mixed or composite is a string).
// Temporal values of one kind keep their type (Neo4j's import has them).
enum class ColumnType {
  kLong, kDouble, kBoolean, kString,
  kDate, kLocalTime, kTime, kLocalDateTime, kDateTime, kDuration,
};
void Widen(ColumnType* column, const Value& value, bool first);

}  // namespace quiver::render::internal

#endif  // QUIVER_RENDER_INTERNAL_EXPORTERS_H_
