// The Database's point lookups over one graph::Reader, written once for
// Database (a reader per call) and ReadSnapshot (the snapshot's reader).
// Errors as quiver/database.h says for the methods of the same names.

#ifndef QUIVER_API_READ_LOOKUPS_H_
#define QUIVER_API_READ_LOOKUPS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "graph/reader.h"
#include "quiver/graph_types.h"

namespace quiver::internal {

absl::StatusOr<Node> LookupNode(const graph::Reader& reader, NodeId id);
absl::StatusOr<Edge> LookupEdge(const graph::Reader& reader, EdgeId id);
absl::StatusOr<Document> LookupDocument(const graph::Reader& reader, DocId id);
absl::StatusOr<std::vector<Node>> LookupNodesNamed(const graph::Reader& reader,
                                                   std::string_view name);
absl::StatusOr<std::vector<Neighbor>> LookupNeighbors(const graph::Reader& reader,
                                                      NodeId node, Direction direction,
                                                      std::optional<std::string_view> type);
absl::StatusOr<std::vector<Adjacency>> LookupAdjacent(const graph::Reader& reader,
                                                      NodeId node, Direction direction,
                                                      std::optional<std::string_view> type);

}  // namespace quiver::internal

#endif  // QUIVER_API_READ_LOOKUPS_H_
