#include "graph/node_merger.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "graph/fact_mover.h"
#include "graph/name_normalizer.h"
#include "util/status_macros.h"

namespace quiver::graph {

namespace {

void AddUnique(std::vector<std::string>* to, const std::string& s) {
  if (!s.empty() && std::find(to->begin(), to->end(), s) == to->end()) to->push_back(s);
}

absl::StatusOr<Node> Existing(const WriteTxn& txn, NodeId id) {
  QUIVER_ASSIGN_OR_RETURN(auto node, txn.GetNode(id));
  if (!node) return absl::NotFoundError(absl::StrCat("node ", id, " does not exist"));
  return std::move(*node);
}

}  // namespace

absl::StatusOr<MergeResult> MergeNodes(WriteTxn& txn, NodeId kept_id, NodeId removed_id,
                                       std::string_view reason) {
  if (kept_id == removed_id) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot merge node ", kept_id, " with itself"));
  }
  QUIVER_ASSIGN_OR_RETURN(Node kept, Existing(txn, kept_id));
  QUIVER_ASSIGN_OR_RETURN(Node removed, Existing(txn, removed_id));

  QUIVER_ASSIGN_OR_RETURN(std::vector<EdgeId> edges, txn.EdgesAt(removed_id));

  MergeResult result;
  for (EdgeId id : edges) {
    QUIVER_ASSIGN_OR_RETURN(auto record, txn.GetEdgeRecord(id));
    if (!record) continue;
    QUIVER_ASSIGN_OR_RETURN(std::vector<Evidence> statements, txn.EvidenceFor(id));
    // An empty mention means "the node's own name"; once on `kept` that
    // would read as kept's name, so write down the name it really was.
    for (Evidence& ev : statements) {
      if (record->src == removed_id && ev.subject_mention.empty())
        ev.subject_mention = removed.name;
      if (record->dst == removed_id && ev.object_mention.empty())
        ev.object_mention = removed.name;
    }
    NodeId src = record->src == removed_id ? kept_id : record->src;
    NodeId dst = record->dst == removed_id ? kept_id : record->dst;
    QUIVER_ASSIGN_OR_RETURN(MovedFact moved,
                            MoveStatements(txn, id, src, dst, statements, /*whole=*/true));
    ++result.edges_moved;
    if (moved.combined) ++result.facts_combined;
  }

  std::vector<std::string> names;
  AddUnique(&names, removed.name);
  for (const auto& a : removed.aliases) AddUnique(&names, a);
  QUIVER_RETURN_IF_ERROR(txn.MoveMentions(removed_id, kept_id));
  QUIVER_RETURN_IF_ERROR(txn.DeleteNode(removed_id, /*detach=*/false));

  for (const auto& n : names) {
    AddUnique(&kept.aliases, n);
    txn.SetNameBlocked(NormalizeName(n), kept_id, false);  // The user said so.
  }
  for (const auto& l : removed.labels) AddUnique(&kept.labels, l);
  kept.mentions += removed.mentions;
  for (const auto& [k, v] : removed.properties) kept.properties.emplace(k, v);
  QUIVER_RETURN_IF_ERROR(txn.UpdateNode(kept));

  QUIVER_ASSIGN_OR_RETURN(result.log_seq,
                          txn.LogCuration(CurationKind::kMerge, kept_id, removed_id, names, reason,
                                          result.edges_moved));
  return result;
}

}  // namespace quiver::graph
