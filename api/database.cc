#include "quiver/database.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "api/database_impl.h"
#include "graph/document_writer.h"
#include "graph/reader.h"
#include "graph/write_txn.h"
#include "util/status_macros.h"

namespace quiver {

int64_t Edge::count() const {
  auto it = properties.find("count");
  return it != properties.end() && it->second.is_int() ? it->second.AsInt() : 1;
}

bool Edge::negated() const {
  auto it = properties.find("negated");
  return it != properties.end() && it->second.is_bool() && it->second.AsBool();
}

absl::StatusOr<std::unique_ptr<Database>> Database::Open(std::string_view path,
                                                         const Options& options) {
  QUIVER_ASSIGN_OR_RETURN(auto store, graph::Store::Open(path, options));
  auto impl = std::make_unique<Impl>();
  impl->store = std::move(store);
  return std::unique_ptr<Database>(new Database(std::move(impl)));
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;

const std::string& Database::path() const { return impl_->store->path(); }

absl::StatusOr<AddResult> Database::AddDocument(const DocumentInput& document) {
  return graph::AddDocument(*impl_->store, document);
}

absl::StatusOr<std::vector<Node>> Database::FindNodes(std::string_view name) const {
  auto reader = impl_->store->NewReader();
  QUIVER_ASSIGN_OR_RETURN(auto ids, reader->FindNodesByName(name));
  std::vector<Node> nodes;
  for (NodeId id : ids) {
    QUIVER_ASSIGN_OR_RETURN(auto node, reader->GetNode(id));
    if (node) nodes.push_back(std::move(*node));
  }
  return nodes;
}

absl::StatusOr<Node> Database::GetNode(NodeId id) const {
  QUIVER_ASSIGN_OR_RETURN(auto node, impl_->store->NewReader()->GetNode(id));
  if (!node) return absl::NotFoundError(absl::StrCat("node ", id, " does not exist"));
  return std::move(*node);
}

absl::StatusOr<Edge> Database::GetEdge(EdgeId id) const {
  QUIVER_ASSIGN_OR_RETURN(auto edge, impl_->store->NewReader()->GetEdge(id));
  if (!edge) return absl::NotFoundError(absl::StrCat("edge ", id, " does not exist"));
  return std::move(*edge);
}

namespace {

// The edges at `node` as the adjacency index holds them, ordered by type,
// far end and id: the one pass behind both Neighbors and Adjacent. A
// self-loop seen from both sides counts as outgoing unless only incoming
// edges were asked for.
absl::StatusOr<std::vector<Adjacency>> ScanAdjacency(const graph::Reader& reader, NodeId node,
                                                     Direction direction,
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

}  // namespace

absl::StatusOr<std::vector<Neighbor>> Database::Neighbors(
    NodeId node, Direction direction, std::optional<std::string_view> type) const {
  auto reader = impl_->store->NewReader();
  QUIVER_ASSIGN_OR_RETURN(std::vector<Adjacency> adjacent,
                          ScanAdjacency(*reader, node, direction, type));
  std::vector<Neighbor> out;
  out.reserve(adjacent.size());
  for (const Adjacency& a : adjacent) {
    QUIVER_ASSIGN_OR_RETURN(auto record, reader->GetEdgeRecord(a.edge));
    if (!record) {
      return absl::DataLossError(absl::StrCat(
          "store ", path(), ": corrupted: index entry for missing edge ", a.edge));
    }
    Neighbor n;
    n.edge = reader->ToEdge(a.edge, std::move(*record));
    n.direction = a.direction;
    n.other = a.other;
    out.push_back(std::move(n));
  }
  return out;
}

absl::StatusOr<std::vector<Adjacency>> Database::Adjacent(
    NodeId node, Direction direction, std::optional<std::string_view> type) const {
  return ScanAdjacency(*impl_->store->NewReader(), node, direction, type);
}

absl::StatusOr<std::vector<Evidence>> Database::EvidenceFor(EdgeId edge) const {
  return impl_->store->NewReader()->EvidenceFor(edge);
}

absl::StatusOr<Document> Database::GetDocument(DocId id) const {
  QUIVER_ASSIGN_OR_RETURN(auto doc, impl_->store->NewReader()->GetDocument(id));
  if (!doc) return absl::NotFoundError(absl::StrCat("document ", id, " does not exist"));
  return std::move(*doc);
}

absl::Status Database::AddAlias(NodeId id, std::string_view alias) {
  QUIVER_ASSIGN_OR_RETURN(auto txn, impl_->store->BeginWrite());
  QUIVER_ASSIGN_OR_RETURN(auto node, txn->GetNode(id));
  if (!node) return absl::NotFoundError(absl::StrCat("node ", id, " does not exist"));
  if (alias.empty()) return absl::InvalidArgumentError("alias is empty");
  if (std::find(node->aliases.begin(), node->aliases.end(), alias) != node->aliases.end())
    return absl::OkStatus();
  node->aliases.emplace_back(alias);
  QUIVER_RETURN_IF_ERROR(txn->UpdateNode(*node));
  return txn->Commit();
}

absl::StatusOr<Stats> Database::GetStats() const {
  auto reader = impl_->store->NewReader();
  graph::Counters c = impl_->store->counters();
  Stats stats;
  stats.nodes = c.nodes;
  stats.edges = c.edges;
  stats.documents = c.docs;
  stats.evidence = c.evidence;
  QUIVER_ASSIGN_OR_RETURN(std::vector<Document> docs, reader->Documents());
  for (const Document& doc : docs) {
    if (doc.date_value().is_null()) continue;
    // ISO days of four-digit years order as text.
    const std::string day = doc.date.substr(0, 10);
    ++stats.dated_documents;
    if (stats.earliest_date.empty() || day < stats.earliest_date) stats.earliest_date = day;
    if (day > stats.latest_date) stats.latest_date = day;
  }
  std::map<std::string, int64_t> types;
  // Index scans: stats are asked for rarely, and counting from the indexes
  // cannot drift from the data the way separate counters could.
  for (const auto& [id, text] : impl_->store->Terms()) {
    int64_t labelled = 0, typed = 0;
    QUIVER_RETURN_IF_ERROR(reader->ScanLabel(id, [&](NodeId) { ++labelled; return true; }));
    QUIVER_RETURN_IF_ERROR(reader->ScanEdges(id, [&](const graph::AdjEntry&) { ++typed; return true; }));
    if (labelled > 0) stats.labels.emplace_back(text, labelled);
    if (typed > 0) stats.relation_types.emplace_back(text, typed);
  }
  auto by_count = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  std::sort(stats.labels.begin(), stats.labels.end(), by_count);
  std::sort(stats.relation_types.begin(), stats.relation_types.end(), by_count);
  return stats;
}

absl::Status Database::CatchUp() { return impl_->store->CatchUp(); }

}  // namespace quiver
