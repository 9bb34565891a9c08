#include "graph/node_splitter.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "graph/fact_mover.h"
#include "graph/name_normalizer.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

absl::StatusOr<MovedEnds> MoveStatementEnds(WriteTxn& txn, NodeId id, NodeId to,
                                            const EndMove& move) {
  QUIVER_ASSIGN_OR_RETURN(auto to_node, txn.GetNode(to));
  if (!to_node) return absl::NotFoundError(absl::StrCat("node ", to, " does not exist"));
  MovedEnds result;
  QUIVER_ASSIGN_OR_RETURN(std::vector<EdgeId> edges, txn.EdgesAt(id));
  for (EdgeId e : edges) {
    QUIVER_ASSIGN_OR_RETURN(auto record, txn.GetEdgeRecord(e));
    if (!record) continue;
    QUIVER_ASSIGN_OR_RETURN(std::vector<Evidence> statements, txn.EvidenceFor(e));
    // New (src, dst) → the statements that go there. A self-loop's two ends
    // follow their own mentions.
    std::map<std::pair<NodeId, NodeId>, std::vector<Evidence>> groups;
    size_t moving_statements = 0;
    for (const Evidence& statement : statements) {
      Evidence ev = statement;
      NodeId src = record->src, dst = record->dst;
      if (src == id) {
        if (auto mention = move(statement, statement.subject_mention)) {
          src = to;
          ev.subject_mention = *mention;
          if (mention->empty()) ev.subject_reason.clear();
        }
      }
      if (dst == id) {
        if (auto mention = move(statement, statement.object_mention)) {
          dst = to;
          ev.object_mention = *mention;
          if (mention->empty()) ev.object_reason.clear();
        }
      }
      if (src == record->src && dst == record->dst) continue;
      int ends = (src != record->src) + (dst != record->dst);
      result.statements_moved += ends;
      result.per_doc[ev.doc] += ends;
      groups[{src, dst}].push_back(std::move(ev));
      ++moving_statements;
    }
    if (groups.empty()) continue;
    ++result.edges_moved;
    bool all = moving_statements == statements.size();
    if (all && groups.size() == 1) {
      const auto& [ends, group] = *groups.begin();
      QUIVER_RETURN_IF_ERROR(
          MoveStatements(txn, e, ends.first, ends.second, group, /*whole=*/true).status());
      continue;
    }
    for (const auto& [ends, group] : groups) {
      QUIVER_RETURN_IF_ERROR(
          MoveStatements(txn, e, ends.first, ends.second, group, /*whole=*/false).status());
    }
    if (all) QUIVER_RETURN_IF_ERROR(txn.DeleteEdge(e));  // No statement left on it.
  }
  return result;
}

absl::StatusOr<SplitResult> SplitNode(WriteTxn& txn, NodeId id, std::string_view alias,
                                      std::string_view reason) {
  QUIVER_ASSIGN_OR_RETURN(auto found, txn.GetNode(id));
  if (!found) return absl::NotFoundError(absl::StrCat("node ", id, " does not exist"));
  Node node = std::move(*found);
  const std::string key = NormalizeName(alias);
  if (key.empty()) return absl::InvalidArgumentError("the alias to split off is empty");
  if (key == NormalizeName(node.name)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", util::Absl(alias), "\" is the name of node ", id,
        ", not an alias; split off its other names instead"));
  }
  std::vector<std::string> moving, staying;
  for (auto& a : node.aliases) (NormalizeName(a) == key ? moving : staying).push_back(a);
  if (moving.empty()) {
    return absl::InvalidArgumentError(absl::StrCat("node ", id, " (", node.name,
                                                   ") has no alias \"", util::Absl(alias), "\""));
  }

  SplitResult result;
  ValueMap properties;
  properties["name"] = Value(moving.front());
  QUIVER_ASSIGN_OR_RETURN(result.node, txn.CreateNode(node.labels, properties, moving));
  node.aliases = staying;
  QUIVER_RETURN_IF_ERROR(txn.UpdateNode(node));
  txn.SetNameBlocked(key, id, true);

  auto names_alias = [&](const Evidence&,
                         const std::string& mention) -> std::optional<std::string> {
    if (mention.empty() || NormalizeName(mention) != key) return std::nullopt;
    return mention;
  };
  QUIVER_ASSIGN_OR_RETURN(MovedEnds moved, MoveStatementEnds(txn, id, result.node, names_alias));
  result.statements_moved = moved.statements_moved;
  result.edges_moved = moved.edges_moved;

  // Mentions follow the statements that made them, in the documents'
  // provenance too.
  for (const auto& [doc, count] : moved.per_doc)
    QUIVER_RETURN_IF_ERROR(txn.MoveMentionCount(doc, id, result.node, count, key));
  QUIVER_ASSIGN_OR_RETURN(auto created, txn.GetNode(result.node));
  created->mentions = result.statements_moved;
  QUIVER_RETURN_IF_ERROR(txn.UpdateNode(*created));
  node.mentions = std::max<int64_t>(0, node.mentions - result.statements_moved);
  QUIVER_RETURN_IF_ERROR(txn.UpdateNode(node));

  QUIVER_ASSIGN_OR_RETURN(result.log_seq,
                          txn.LogCuration(CurationKind::kSplit, id, result.node, moving, reason,
                                          result.edges_moved));
  return result;
}

}  // namespace quiver::graph
