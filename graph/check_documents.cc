// The checker's passes over documents and what they contributed: `docs`
// with `hashes` and the 's' (source) entries, the `provenance` entries 'e'
// (statements, document-first), 'n' and 'm' (mentions), and `curation`.

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "graph/coding.h"
#include "graph/curation.h"
#include "graph/fact_time.h"
#include "graph/internal/check_context.h"
#include "graph/reader.h"
#include "graph/records.h"
#include "util/status_macros.h"
#include "util/strings.h"
#include "util/temporal.h"
#include "util/temporal_format.h"

namespace quiver::graph {

namespace {

// Keys of `cf` whose first byte is none of `kinds`.
absl::Status CheckKinds(CheckContext& ctx, Cf cf, std::string_view kinds) {
  for (int c = 0; c < 256; ++c) {
    if (kinds.find(char(c)) != std::string_view::npos) continue;
    auto cursor = ctx.reader().Scan(cf, std::string(1, char(c)));
    for (; cursor->Valid(); cursor->Next()) {
      ctx.CountEntry(cf);
      ctx.Problem(cf, cursor->key(), "a key of no known kind");
    }
    QUIVER_RETURN_IF_ERROR(cursor->status());
  }
  return absl::OkStatus();
}

void Ignore(size_t, std::string_view) {}

}  // namespace

absl::Status CheckDocuments(CheckContext& ctx) {
  auto cursor = ctx.reader().Scan(Cf::kDocs, "");
  for (; cursor->Valid(); cursor->Next()) {
    ctx.CountEntry(Cf::kDocs);
    std::string_view key = cursor->key();
    if (key.size() != kIdSize) {
      ctx.Problem(Cf::kDocs, key, "a key that is not a document id");
      continue;
    }
    Document doc;
    if (!DecodeDocument(cursor->value(), &doc)) {
      ctx.Problem(Cf::kDocs, key, "the document record does not decode");
      continue;
    }
    CheckedDoc checked;
    checked.id = DecodeIdKey(key);
    checked.source = std::move(doc.source);
    checked.hash = absl::HexStringToBytes(doc.content_hash);
    checked.statements = doc.statements;
    ctx.docs.push_back(std::move(checked));
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());

  std::vector<const CheckedDoc*> by_hash;
  for (const auto& d : ctx.docs) by_hash.push_back(&d);
  std::sort(by_hash.begin(), by_hash.end(),
            [](const CheckedDoc* a, const CheckedDoc* b) { return a->hash < b->hash; });
  QUIVER_RETURN_IF_ERROR(ctx.MergeKeys(
      Cf::kHashes, "", by_hash.size(), [&](size_t i) { return by_hash[i]->hash; },
      [&](size_t i) {
        ctx.Problem(Cf::kHashes, by_hash[i]->hash,
                    absl::StrCat("missing: document ", by_hash[i]->id, " has this content hash"));
      },
      [&](std::string_view key, std::string_view value) {
        std::string what = value.size() == kIdSize && ctx.FindDoc(DecodeIdKey(value))
                               ? absl::StrCat("document ", DecodeIdKey(value),
                                              " has another content hash")
                           : value.size() == kIdSize
                               ? absl::StrCat("no document ", DecodeIdKey(value))
                               : "a value that is not a document id";
        ctx.Problem(Cf::kHashes, key, std::move(what));
      },
      [&](size_t i, std::string_view value) {
        if (value != IdKey(by_hash[i]->id)) {
          ctx.Problem(Cf::kHashes, by_hash[i]->hash,
                      absl::StrCat("names another document than ", by_hash[i]->id,
                                   ", whose content hash this is"));
        }
      }));

  std::vector<std::string> sources;
  for (const auto& d : ctx.docs) sources.push_back(SourceKey(d.source, d.id));
  std::sort(sources.begin(), sources.end());
  return ctx.MergeKeys(
      Cf::kProvenance, "s", sources.size(), [&](size_t i) { return sources[i]; },
      [&](size_t i) {
        ctx.Problem(Cf::kProvenance, sources[i],
                    absl::StrCat("missing: document ",
                                 DecodeFixed64BE(sources[i].data() + sources[i].size() - 8),
                                 " has this source"));
      },
      [&](std::string_view key, std::string_view) {
        if (key.size() < 10 || key[key.size() - 9] != '\0') {
          ctx.Problem(Cf::kProvenance, key, "a source key that is not 's' source 0x00 doc");
          return;
        }
        uint64_t doc = DecodeFixed64BE(key.data() + key.size() - 8);
        ctx.Problem(Cf::kProvenance, key,
                    ctx.FindDoc(doc) ? absl::StrCat("document ", doc, " has another source")
                                     : absl::StrCat("no document ", doc));
      },
      Ignore);
}

absl::Status CheckProvenance(CheckContext& ctx) {
  // 'e': the mirror of `evidence`, document-first.
  std::vector<StatementId> mirror = ctx.statements;
  std::sort(mirror.begin(), mirror.end(), [](const StatementId& a, const StatementId& b) {
    return std::tie(a.doc, a.edge, a.sentence) < std::tie(b.doc, b.edge, b.sentence);
  });
  auto mirror_key = [&](size_t i) {
    return DocEvidenceKey(mirror[i].doc, mirror[i].edge, mirror[i].sentence);
  };
  QUIVER_RETURN_IF_ERROR(ctx.MergeKeys(
      Cf::kProvenance, "e", mirror.size(), mirror_key,
      [&](size_t i) {
        ctx.Problem(Cf::kProvenance, mirror_key(i),
                    absl::StrCat("missing: the statement of evidence entry edge ", mirror[i].edge,
                                 ", doc ", mirror[i].doc, ", sentence ", mirror[i].sentence));
      },
      [&](std::string_view key, std::string_view) {
        ctx.Problem(Cf::kProvenance, key,
                    key.size() == kDocEvidenceKeySize ? "no evidence entry for this statement"
                                                      : "a key of the wrong size");
      },
      [&](size_t i, std::string_view value) {
        StatementRecord statement;
        if (!DecodeStatement(value, &statement)) {
          ctx.Problem(Cf::kProvenance, mirror_key(i), "the statement record does not decode");
          return;
        }
        CheckedEdge* edge = ctx.FindEdge(mirror[i].edge);
        std::optional<DaySpan> span = StatementSpan(statement.qualifiers);
        if (edge == nullptr || !span) return;
        auto& hull = edge->statements_seen;
        hull = hull ? DaySpan{std::min(hull->first, span->first), std::max(hull->second, span->second)}
                    : *span;
      }));
  // A fact's first and last seen are the hull of its statements' times
  // (graph/fact_time.h); an edge made by CREATE has no statements.
  for (const CheckedEdge& e : ctx.edges) {
    if (e.statements == 0 || e.seen == e.statements_seen) continue;
    auto days = [](const std::optional<DaySpan>& s) {
      if (!s) return std::string("none");
      return absl::StrCat(temporal::Format(temporal::MakeDate(s->first)), " to ",
                          temporal::Format(temporal::MakeDate(s->second)));
    };
    ctx.Problem(Cf::kEdges, IdKey(e.adj.edge),
                absl::StrCat("first_seen/last_seen ", days(e.seen), ", but its statements say ",
                             days(e.statements_seen)));
  }

  // 'n': what a document did to a node; each has its 'm' entry and back.
  std::vector<std::pair<uint64_t, uint64_t>> named;  // (node, doc)
  auto cursor = ctx.reader().Scan(Cf::kProvenance, "n");
  for (; cursor->Valid(); cursor->Next()) {
    ctx.CountEntry(Cf::kProvenance);
    std::string_view key = cursor->key();
    uint64_t doc = 0, node = 0;
    if (!DecodeIdPairKey(key, &doc, &node)) {
      ctx.Problem(Cf::kProvenance, key, "a key of the wrong size");
      continue;
    }
    named.emplace_back(node, doc);
    if (!ctx.FindDoc(doc)) ctx.Problem(Cf::kProvenance, key, absl::StrCat("no document ", doc));
    if (!ctx.HasNode(node)) ctx.Problem(Cf::kProvenance, key, absl::StrCat("no node ", node));
    MentionRecord mention;
    if (!DecodeMention(cursor->value(), &mention))
      ctx.Problem(Cf::kProvenance, key, "the mention record does not decode");
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  std::sort(named.begin(), named.end());
  QUIVER_RETURN_IF_ERROR(ctx.MergeKeys(
      Cf::kProvenance, "m", named.size(),
      [&](size_t i) { return NodeDocKey(named[i].first, named[i].second); },
      [&](size_t i) {
        ctx.Problem(Cf::kProvenance, DocNodeKey(named[i].second, named[i].first),
                    "its 'm' entry is missing");
      },
      [&](std::string_view key, std::string_view) {
        ctx.Problem(Cf::kProvenance, key,
                    key.size() == kDocNodeKeySize ? "no 'n' entry for this document and node"
                                                  : "a key of the wrong size");
      },
      Ignore));
  return CheckKinds(ctx, Cf::kProvenance, "emns");
}

absl::Status CheckCuration(CheckContext& ctx) {
  uint64_t expect = 1;
  auto log = ctx.reader().Scan(Cf::kCuration, CurationLogPrefix());
  for (; log->Valid(); log->Next()) {
    ctx.CountEntry(Cf::kCuration);
    CurationRecord record;
    if (!DecodeCuration(log->key(), log->value(), &record)) {
      ctx.Problem(Cf::kCuration, log->key(), "the curation record does not decode");
      continue;
    }
    if (record.seq != expect) {
      ctx.Problem(Cf::kCuration, log->key(),
                  absl::StrCat("sequence number ", record.seq, " where ", expect,
                               " was next: the log has a gap"));
    }
    expect = record.seq + 1;
  }
  QUIVER_RETURN_IF_ERROR(log->status());
  auto blocks = ctx.reader().Scan(Cf::kCuration, "b");
  for (; blocks->Valid(); blocks->Next()) {
    ctx.CountEntry(Cf::kCuration);
    std::string_view key = blocks->key();
    if (key.size() < 10 || key[key.size() - 9] != '\0')
      ctx.Problem(Cf::kCuration, key, "a key that is not 'b' name 0x00 node");
  }
  QUIVER_RETURN_IF_ERROR(blocks->status());
  return CheckKinds(ctx, Cf::kCuration, "bl");
}

}  // namespace quiver::graph
