// The WriteTxn moves that merging and splitting nodes are built from. Each
// keeps every index in step: adjacency (out, in, by_type), evidence, and the
// documents' provenance, so removing a document after a merge or split still
// undoes exactly what it stated.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "graph/coding.h"
#include "graph/name_normalizer.h"
#include "graph/write_txn.h"
#include "util/status_macros.h"

namespace quiver::graph {

absl::Status WriteTxn::MoveEdgeEnds(EdgeId id, NodeId src, NodeId dst) {
  QUIVER_ASSIGN_OR_RETURN(auto record, GetEdgeRecord(id));
  if (!record) return absl::NotFoundError(absl::StrCat("relationship ", id, " does not exist"));
  for (NodeId n : {src, dst}) {
    QUIVER_ASSIGN_OR_RETURN(auto raw, Get(Cf::kNodes, IdKey(n)));
    if (!raw) return absl::NotFoundError(absl::StrCat("node ", n, " does not exist"));
  }
  AdjEntry old{record->src, record->type, record->dst, id};
  Delete(Cf::kOut, OutKey(old));
  Delete(Cf::kIn, InKey(old));
  Delete(Cf::kByType, ByTypeKey(old));
  AdjEntry moved{src, record->type, dst, id};
  Put(Cf::kOut, OutKey(moved), "");
  Put(Cf::kIn, InKey(moved), "");
  Put(Cf::kByType, ByTypeKey(moved), "");
  record->src = src;
  record->dst = dst;
  Put(Cf::kEdges, IdKey(id), EncodeEdge(*record));
  return absl::OkStatus();
}

absl::StatusOr<int64_t> WriteTxn::MoveEvidence(EdgeId from, EdgeId to,
                                               const std::vector<Evidence>& statements) {
  int64_t dropped = 0;
  for (const Evidence& ev : statements) {
    std::string from_key = EvidenceKey(from, ev.doc, ev.sentence);
    QUIVER_ASSIGN_OR_RETURN(auto present, Get(Cf::kEvidence, from_key));
    if (!present) {
      return absl::NotFoundError(absl::StrCat("relationship ", from, " has no statement from document ",
                                              ev.doc, ", sentence ", ev.sentence));
    }
    if (from == to) {
      Put(Cf::kEvidence, from_key, EncodeEvidence(ev));
      continue;
    }
    QUIVER_ASSIGN_OR_RETURN(auto confidence,
                            Get(Cf::kProvenance, DocEvidenceKey(ev.doc, from, ev.sentence)));
    DeleteStatement(from, ev.doc, ev.sentence);
    QUIVER_ASSIGN_OR_RETURN(auto existing, Get(Cf::kEvidence, EvidenceKey(to, ev.doc, ev.sentence)));
    if (existing) {  // The same sentence stated both: one statement now.
      ++dropped;
      continue;
    }
    PutStatement(to, ev, confidence);
  }
  return dropped;
}

absl::StatusOr<uint64_t> WriteTxn::LogCuration(CurationKind kind, NodeId node, NodeId other,
                                               std::vector<std::string> names,
                                               std::string_view reason, int64_t edges) {
  // Curation is rare and its log short: the next number is one past the
  // last, found by a scan rather than a counter in `meta`.
  uint64_t last = 0;
  auto cursor = Scan(Cf::kCuration, CurationLogPrefix());
  for (; cursor->Valid(); cursor->Next()) {
    if (cursor->key().size() == 9) last = DecodeFixed64BE(cursor->key().data() + 1);
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  CurationRecord r;
  r.seq = last + 1;
  r.kind = kind;
  r.time_micros = absl::ToUnixMicros(absl::Now());
  r.node = node;
  r.other = other;
  r.names = std::move(names);
  r.reason = std::string(reason);
  r.edges = edges;
  Put(Cf::kCuration, CurationLogKey(r.seq), EncodeCuration(r));
  return r.seq;
}

void WriteTxn::SetNameBlocked(std::string_view normalised, NodeId node, bool blocked) {
  std::string key = NameBlockKey(normalised, node);
  blocked ? Put(Cf::kCuration, key, "") : Delete(Cf::kCuration, key);
}

absl::Status WriteTxn::MoveMentions(NodeId from, NodeId to) {
  QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> docs, DocumentsNaming(from));
  for (DocId doc : docs) {
    QUIVER_ASSIGN_OR_RETURN(auto moved, GetMention(doc, from));
    QUIVER_ASSIGN_OR_RETURN(auto kept, GetMention(doc, to));
    if (!kept) kept.emplace();
    if (moved) {
      kept->mentions += moved->mentions;
      for (auto& r : moved->resolutions) kept->resolutions.push_back(std::move(r));
    }
    DeleteMention(doc, from);
    AddMention(doc, to, *kept);
  }
  return absl::OkStatus();
}

absl::Status WriteTxn::MoveMentionCount(DocId doc, NodeId from, NodeId to, int64_t count,
                                        std::string_view mention_key) {
  QUIVER_ASSIGN_OR_RETURN(auto source, GetMention(doc, from));
  if (!source) return absl::OkStatus();  // A statement from before provenance.
  QUIVER_ASSIGN_OR_RETURN(auto target, GetMention(doc, to));
  if (!target) target.emplace();
  count = std::min(count, source->mentions);
  source->mentions -= count;
  target->mentions += count;
  if (!mention_key.empty()) {
    std::vector<MentionResolution> staying;
    for (auto& r : source->resolutions) {
      (NormalizeName(r.mention) == mention_key ? target->resolutions : staying)
          .push_back(std::move(r));
    }
    source->resolutions = std::move(staying);
  }
  AddMention(doc, from, *source);
  AddMention(doc, to, *target);
  return absl::OkStatus();
}

}  // namespace quiver::graph
