#include "quiver/database.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "api/database_impl.h"
#include "api/read_lookups.h"
#include "graph/document_writer.h"
#include "graph/reader.h"
#include "graph/write_txn.h"
#include "query/procedures/registry.h"
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

std::shared_ptr<query::ProcedureRegistry> Database::Impl::Procedures() {
  std::call_once(procedures_once,
                 [this] { procedures = std::make_shared<query::ProcedureRegistry>(); });
  return procedures;
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::~Database() = default;

const std::string& Database::path() const { return impl_->store->path(); }

absl::StatusOr<AddResult> Database::AddDocument(const DocumentInput& document) {
  return graph::AddDocument(*impl_->store, document);
}

// The lookups read through one reader each, with the helpers ReadSnapshot
// shares (api/read_lookups.h).

absl::StatusOr<std::vector<Node>> Database::FindNodes(std::string_view name) const {
  return internal::LookupNodesNamed(*impl_->store->NewReader(), name);
}

absl::StatusOr<Node> Database::GetNode(NodeId id) const {
  return internal::LookupNode(*impl_->store->NewReader(), id);
}

absl::StatusOr<Edge> Database::GetEdge(EdgeId id) const {
  return internal::LookupEdge(*impl_->store->NewReader(), id);
}

absl::StatusOr<std::vector<Neighbor>> Database::Neighbors(
    NodeId node, Direction direction, std::optional<std::string_view> type) const {
  return internal::LookupNeighbors(*impl_->store->NewReader(), node, direction, type);
}

absl::StatusOr<std::vector<Adjacency>> Database::Adjacent(
    NodeId node, Direction direction, std::optional<std::string_view> type) const {
  return internal::LookupAdjacent(*impl_->store->NewReader(), node, direction, type);
}

absl::StatusOr<std::vector<Evidence>> Database::EvidenceFor(EdgeId edge) const {
  return impl_->store->NewReader()->EvidenceFor(edge);
}

absl::StatusOr<Document> Database::GetDocument(DocId id) const {
  return internal::LookupDocument(*impl_->store->NewReader(), id);
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

}  // namespace quiver
