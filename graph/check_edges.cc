// The checker's pass over `edges`, the three adjacency indexes built from
// them (`out`, `in`, `by_type`) and the statements behind them (`evidence`).

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "graph/fact_time.h"
#include "graph/internal/check_context.h"
#include "graph/reader.h"
#include "graph/records.h"
#include "util/status_macros.h"

namespace quiver::graph {

namespace {

// One adjacency index: every edge record has its entry, every entry an edge
// record with the same ends and type. Each entry is looked up by its edge id
// (ids are mostly dense: an index, not a search) and marks its edge seen, so
// the index is read once and nothing is sorted.
absl::Status CheckAdjacency(CheckContext& ctx, Cf cf) {
  auto key_of = [cf](const AdjEntry& e) {
    return cf == Cf::kOut ? OutKey(e) : cf == Cf::kIn ? InKey(e) : ByTypeKey(e);
  };
  std::vector<bool> seen(ctx.edges.size());
  auto cursor = ctx.reader().Scan(cf, "");
  for (; cursor->Valid(); cursor->Next()) {
    ctx.CountEntry(cf);
    const std::string_view key = cursor->key();
    AdjEntry e;
    bool ok = cf == Cf::kOut ? DecodeOutKey(key, &e)
              : cf == Cf::kIn ? DecodeInKey(key, &e)
                              : DecodeByTypeKey(key, &e);
    if (!ok) {
      ctx.Problem(cf, key, "a key of the wrong size");
      continue;
    }
    const CheckedEdge* edge = ctx.FindEdge(e.edge);
    if (edge == nullptr) {
      ctx.Problem(cf, key, absl::StrCat("no edge record ", e.edge));
    } else if (edge->adj.src != e.src || edge->adj.type != e.type || edge->adj.dst != e.dst) {
      ctx.Problem(cf, key,
                  absl::StrCat("edge ", e.edge, "'s record says src ", edge->adj.src, ", type ",
                               ctx.TermName(edge->adj.type), ", dst ", edge->adj.dst));
    } else {
      seen[size_t(edge - ctx.edges.data())] = true;
    }
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  for (size_t i = 0; i < seen.size(); ++i) {
    if (!seen[i]) {
      ctx.Problem(cf, key_of(ctx.edges[i].adj),
                  absl::StrCat("missing: the index entry of edge ", ctx.edges[i].adj.edge));
    }
  }
  return absl::OkStatus();
}

// `evidence`: each statement's edge and document exist and its record
// decodes; each fact's `count` is its number of statements.
absl::Status CheckEvidence(CheckContext& ctx) {
  auto cursor = ctx.reader().Scan(Cf::kEvidence, "");
  for (; cursor->Valid(); cursor->Next()) {
    ctx.CountEntry(Cf::kEvidence);
    std::string_view key = cursor->key();
    StatementId s;
    if (!DecodeEvidenceKey(key, &s.edge, &s.doc, &s.sentence)) {
      ctx.Problem(Cf::kEvidence, key, "a key of the wrong size");
      continue;
    }
    ctx.statements.push_back(s);
    Evidence evidence;
    if (!DecodeEvidence(cursor->value(), &evidence))
      ctx.Problem(Cf::kEvidence, key, "the evidence record does not decode");
    if (CheckedEdge* edge = ctx.FindEdge(s.edge)) {
      ++edge->statements;
    } else {
      ctx.Problem(Cf::kEvidence, key, absl::StrCat("orphan: no edge record ", s.edge));
    }
    if (CheckedDoc* doc = ctx.FindDoc(s.doc)) {
      ++doc->evidence;
    } else {
      ctx.Problem(Cf::kEvidence, key, absl::StrCat("orphan: no document ", s.doc));
    }
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  for (const auto& e : ctx.edges) {
    // An edge made by CREATE has no statements and may carry any count.
    if (e.statements > 0 && e.count && *e.count != e.statements) {
      ctx.Problem(Cf::kEdges, IdKey(e.adj.edge),
                  absl::StrCat("count ", *e.count, ", but ", e.statements, " statements"));
    }
  }
  for (const auto& d : ctx.docs) {
    // Statements merge (one per edge and sentence) and kg.merge drops
    // those two edges shared, so a document may keep fewer, never more.
    if (d.evidence > d.statements) {
      ctx.Problem(Cf::kDocs, IdKey(d.id),
                  absl::StrCat("states ", d.statements, " triples, but has ", d.evidence,
                               " statements"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status CheckEdges(CheckContext& ctx) {
  auto cursor = ctx.reader().Scan(Cf::kEdges, "");
  for (; cursor->Valid(); cursor->Next()) {
    ctx.CountEntry(Cf::kEdges);
    std::string_view key = cursor->key();
    if (key.size() != kIdSize) {
      ctx.Problem(Cf::kEdges, key, "a key that is not an edge id");
      continue;
    }
    EdgeRecord record;
    if (!DecodeEdge(cursor->value(), &record)) {
      ctx.Problem(Cf::kEdges, key, "the edge record does not decode");
      continue;
    }
    CheckedEdge edge;
    edge.adj = {record.src, record.type, record.dst, DecodeIdKey(key)};
    auto count = record.properties.find("count");
    if (count != record.properties.end() && count->second.is_int())
      edge.count = count->second.AsInt();
    edge.seen = SeenOf(record.properties);
    for (uint64_t node : {record.src, record.dst}) {
      if (!ctx.HasNode(node)) ctx.Problem(Cf::kEdges, key, absl::StrCat("no node ", node));
    }
    if (!ctx.terms.contains(record.type))
      ctx.Problem(Cf::kEdges, key, absl::StrCat("type ", record.type, " is no term"));
    ctx.edges.push_back(std::move(edge));
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  for (Cf cf : {Cf::kOut, Cf::kIn, Cf::kByType}) QUIVER_RETURN_IF_ERROR(CheckAdjacency(ctx, cf));
  return CheckEvidence(ctx);
}

}  // namespace quiver::graph
