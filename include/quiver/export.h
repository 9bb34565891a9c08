// Writing a whole Database in formats other tools read: GraphML (Gephi,
// yEd), DOT (Graphviz), N-Triples (RDF stores), CSV for neo4j-admin import
// and JSON Lines (one object per node and per edge, with evidence).
// Thread-safety: as Database; an export reads one consistent state.

#ifndef QUIVER_EXPORT_H_
#define QUIVER_EXPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace quiver {

class Database;
class ReadSnapshot;

enum class ExportFormat { kGraphml, kDot, kNtriples, kCsv, kJsonl };

// "graphml", "dot", "ntriples" (or "nt"), "csv", "jsonl".
// Errors: kInvalidArgument listing the known names.
absl::StatusOr<ExportFormat> ParseExportFormat(std::string_view name);

struct ExportOptions {
  ExportFormat format = ExportFormat::kJsonl;  // Default: JSON Lines.
  // N-Triples: every IRI starts with it (node/ID, edge/ID, rel/TYPE,
  // label/LABEL, prop/KEY). Default: "urn:quiver:".
  std::string base_iri = "urn:quiver:";
  // JSON Lines and N-Triples: each edge's statements (sentence, mentions as
  // written, why they resolved to the nodes). Default: true.
  bool evidence = true;
};

struct ExportSummary {
  int64_t nodes = 0;
  int64_t edges = 0;
  std::vector<std::string> files;  // Written, in order.
};

// Writes every node and edge of `db` to `path`; for CSV `path` is a
// directory (created if missing) that receives nodes.csv and
// relationships.csv. Errors: kInvalidArgument (bad base IRI), kUnavailable
// (cannot write the file, naming it), kDataLoss (corrupted store).
absl::StatusOr<ExportSummary> Export(const Database& db, const std::string& path,
                                     const ExportOptions& options = {});
// The same for the state `snapshot` sees (quiver/read_snapshot.h), so that
// an export agrees with the other reads made through it.
absl::StatusOr<ExportSummary> Export(const ReadSnapshot& snapshot, const std::string& path,
                                     const ExportOptions& options = {});

}  // namespace quiver

#endif  // QUIVER_EXPORT_H_
