#include "api/read_lookups.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "graph/store.h"
#include "util/status_macros.h"

namespace quiver::internal {

absl::StatusOr<Node> LookupNode(const graph::Reader& reader, NodeId id) {
  QUIVER_ASSIGN_OR_RETURN(auto node, reader.GetNode(id));
  if (!node) return absl::NotFoundError(absl::StrCat("node ", id, " does not exist"));
  return std::move(*node);
}

absl::StatusOr<Edge> LookupEdge(const graph::Reader& reader, EdgeId id) {
  QUIVER_ASSIGN_OR_RETURN(auto edge, reader.GetEdge(id));
  if (!edge) return absl::NotFoundError(absl::StrCat("edge ", id, " does not exist"));
  return std::move(*edge);
}

absl::StatusOr<Document> LookupDocument(const graph::Reader& reader, DocId id) {
  QUIVER_ASSIGN_OR_RETURN(auto doc, reader.GetDocument(id));
  if (!doc) return absl::NotFoundError(absl::StrCat("document ", id, " does not exist"));
  return std::move(*doc);
}

absl::StatusOr<std::vector<Node>> LookupNodesNamed(const graph::Reader& reader,
                                                   std::string_view name) {
  QUIVER_ASSIGN_OR_RETURN(auto ids, reader.FindNodesByName(name));
  std::vector<Node> nodes;
  for (NodeId id : ids) {
    QUIVER_ASSIGN_OR_RETURN(auto node, reader.GetNode(id));
    if (node) nodes.push_back(std::move(*node));
  }
  return nodes;
}

// The edges at `node` as the adjacency index holds them, ordered by type,
// far end and id: the one pass behind both Neighbors and Adjacent. A
// self-loop seen from both sides counts as outgoing unless only incoming
// edges were asked for.
absl::StatusOr<std::vector<Adjacency>> LookupAdjacent(const graph::Reader& reader,
                                                      NodeId node, Direction direction,
                                                      std::optional<std::string_view> type) {
  std::vector<Adjacency> out;
  std::optional<graph::TermId> type_id;
  if (type) {
    type_id = reader.FindTerm(*type);
    if (!type_id) return out;
  }
  QUIVER_RETURN_IF_ERROR(reader.ScanAdjacent(
      node, direction, type_id, std::nullopt, [&](const graph::AdjEntry& e) {
        Adjacency a;
        a.edge = e.edge;
        a.type = reader.TermText(e.type);
        bool outgoing = e.src == node && direction != Direction::kIncoming;
        a.direction = outgoing ? Direction::kOutgoing : Direction::kIncoming;
        a.other = outgoing ? e.dst : e.src;
        out.push_back(std::move(a));
        return true;
      }));
  std::stable_sort(out.begin(), out.end(), [](const Adjacency& a, const Adjacency& b) {
    return std::tie(a.type, a.other, a.edge) < std::tie(b.type, b.other, b.edge);
  });
  return out;
}

absl::StatusOr<std::vector<Neighbor>> LookupNeighbors(const graph::Reader& reader,
                                                      NodeId node, Direction direction,
                                                      std::optional<std::string_view> type) {
  QUIVER_ASSIGN_OR_RETURN(std::vector<Adjacency> adjacent,
                          LookupAdjacent(reader, node, direction, type));
  std::vector<Neighbor> out;
  out.reserve(adjacent.size());
  for (const Adjacency& a : adjacent) {
    QUIVER_ASSIGN_OR_RETURN(auto record, reader.GetEdgeRecord(a.edge));
    if (!record) {
      return absl::DataLossError(absl::StrCat("store ", reader.store().path(),
                                              ": corrupted: index entry for missing edge ",
                                              a.edge));
    }
    Neighbor n;
    n.edge = reader.ToEdge(a.edge, std::move(*record));
    n.direction = a.direction;
    n.other = a.other;
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace quiver::internal
