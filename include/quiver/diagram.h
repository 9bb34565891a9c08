// Diagrams of a Database: part of the graph drawn with Graphviz, nodes
// styled by label with a legend, edges labelled by type (and count),
// negated facts dashed. Deterministic: the same store and request give the
// same bytes. Thread-safety: as Database.

#ifndef QUIVER_DIAGRAM_H_
#define QUIVER_DIAGRAM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace quiver {

class Database;

struct DiagramOptions {
  // "svg", "png", "pdf", "dot" (the DOT text, not laid out) or "html" (one
  // self-contained page: the SVG, and each edge's evidence on hover).
  // Default: "svg".
  std::string format = "svg";
  std::string layout = "dot";  // dot, neato or sfdp. Default: "dot".
  std::string title;           // Default: empty (no title).
  // Past these, keep the most connected nodes and the most stated edges;
  // DiagramOutput::note says how many were left out. Defaults: 60, 200.
  size_t max_nodes = 60;
  size_t max_edges = 200;
  // Per layout attempt; past it sfdp is tried, then the call fails with
  // kDeadlineExceeded and a hint. Default: 20000.
  int layout_budget_ms = 20000;
  // Keep only edges whose first_seen..last_seen overlaps [from, to], ISO
  // dates ("2016-10-11"), either side open when empty. With a range, edges
  // without dates are left out too, and so are nodes left without an edge
  // (the named nodes of Around stay). Default: both empty (no range).
  std::string from;
  std::string to;
};

struct DiagramOutput {
  std::string data;    // The file's bytes.
  std::string layout;  // The engine used ("none" for dot).
  int64_t nodes = 0;
  int64_t edges = 0;
  int64_t omitted_nodes = 0;
  int64_t omitted_edges = 0;
  int64_t outside_range = 0;  // Edges left out by from/to.
  std::string note;  // Says what the size cap left out; empty otherwise.
};

namespace diagram {

// The nodes within `depth` hops (either direction) of the nodes named
// `names`, and the edges among them. Errors: kNotFound for a name no node
// has or when from/to leave no edge, kInvalidArgument for a bad option or
// date (or from after to), kDeadlineExceeded (see above).
absl::StatusOr<DiagramOutput> Around(Database& db, const std::vector<std::string>& names,
                                     int depth, const DiagramOptions& options = {});

// The nodes, relationships and paths `query` returns. Errors: the query's
// own, kNotFound when it returns no graph elements (the message says so),
// and those of Around.
absl::StatusOr<DiagramOutput> OfQuery(Database& db, std::string_view query,
                                      const DiagramOptions& options = {});

}  // namespace diagram
}  // namespace quiver

#endif  // QUIVER_DIAGRAM_H_
