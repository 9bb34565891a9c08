#include "graph/fact_mover.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "graph/fact_time.h"
#include "util/status_macros.h"

namespace quiver::graph {

namespace {

bool Negated(const ValueMap& props) {
  auto it = props.find("negated");
  return it != props.end() && it->second.is_bool() && it->second.AsBool();
}

std::optional<int64_t> Count(const ValueMap& props) {
  auto it = props.find("count");
  if (it == props.end() || !it->second.is_int()) return std::nullopt;
  return it->second.AsInt();
}

// An extracted fact src -type-> dst of that polarity other than `except`.
// Only facts (edges with a count) combine: an edge made by CREATE is one
// relationship, never merged with another.
absl::StatusOr<std::optional<EdgeId>> FindFact(const WriteTxn& txn, NodeId src, TermId type,
                                               NodeId dst, bool negated, EdgeId except) {
  std::vector<EdgeId> parallel;
  QUIVER_RETURN_IF_ERROR(txn.ScanAdjacent(src, Direction::kOutgoing, type, dst,
                                          [&](const AdjEntry& e) {
                                            if (e.edge != except) parallel.push_back(e.edge);
                                            return true;
                                          }));
  for (EdgeId id : parallel) {
    QUIVER_ASSIGN_OR_RETURN(auto r, txn.GetEdgeRecord(id));
    if (r && Count(r->properties) && Negated(r->properties) == negated) return id;
  }
  return std::nullopt;
}

// `into` takes what `from` adds: the higher confidence, missing qualifiers.
void Combine(ValueMap* into, const ValueMap& from) {
  auto mine = into->find("confidence");
  auto theirs = from.find("confidence");
  if (theirs != from.end() && theirs->second.is_number() &&
      (mine == into->end() || !mine->second.is_number() ||
       mine->second.AsNumber() < theirs->second.AsNumber())) {
    (*into)["confidence"] = theirs->second;
  }
  for (const auto& [k, v] : from) into->emplace(k, v);
}

}  // namespace

absl::StatusOr<MovedFact> MoveStatements(WriteTxn& txn, EdgeId edge, NodeId src, NodeId dst,
                                         const std::vector<Evidence>& statements, bool whole) {
  QUIVER_ASSIGN_OR_RETURN(auto record, txn.GetEdgeRecord(edge));
  if (!record) return absl::NotFoundError(absl::StrCat("relationship ", edge, " does not exist"));
  std::optional<int64_t> count = Count(record->properties);
  std::optional<EdgeId> target;
  if (count) {
    QUIVER_ASSIGN_OR_RETURN(target, FindFact(txn, src, record->type, dst,
                                             Negated(record->properties), edge));
  }
  if (whole && !target) {
    if (src != record->src || dst != record->dst)
      QUIVER_RETURN_IF_ERROR(txn.MoveEdgeEnds(edge, src, dst));
    QUIVER_RETURN_IF_ERROR(txn.MoveEvidence(edge, edge, statements).status());
    return MovedFact{edge, false};
  }
  if (!whole && statements.empty()) return MovedFact{edge, false};

  bool combined = target.has_value();
  if (!target) {
    ValueMap props = record->properties;
    props["count"] = Value(int64_t{0});
    QUIVER_ASSIGN_OR_RETURN(target, txn.CreateEdge(src, txn.TermText(record->type), dst, props));
  }
  QUIVER_ASSIGN_OR_RETURN(int64_t dropped, txn.MoveEvidence(edge, *target, statements));
  QUIVER_ASSIGN_OR_RETURN(auto into, txn.GetEdgeRecord(*target));
  if (!into) return absl::InternalError(absl::StrCat("relationship ", *target, " vanished"));
  int64_t moved = whole ? count.value_or(0) - dropped : int64_t(statements.size()) - dropped;
  into->properties["count"] = Value(Count(into->properties).value_or(0) + moved);
  if (combined) Combine(&into->properties, record->properties);
  // When the fact was seen follows the statements each edge now holds.
  QUIVER_RETURN_IF_ERROR(RecomputeSeen(txn, *target, &into->properties));
  QUIVER_RETURN_IF_ERROR(txn.UpdateEdgeProperties(*target, into->properties));
  if (whole) {
    QUIVER_RETURN_IF_ERROR(txn.DeleteEdge(edge));
  } else if (count) {
    record->properties["count"] = Value(*count - int64_t(statements.size()));
    QUIVER_RETURN_IF_ERROR(RecomputeSeen(txn, edge, &record->properties));
    QUIVER_RETURN_IF_ERROR(txn.UpdateEdgeProperties(edge, record->properties));
  }
  return MovedFact{*target, combined};
}

}  // namespace quiver::graph
