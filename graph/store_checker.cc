// CheckStore (store_checker.h): the driver, the shared context, and the two
// small passes over `terms` and `meta`. The passes over records and their
// indexes are in check_nodes.cc, check_edges.cc and check_documents.cc.

#include "graph/store_checker.h"

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "graph/coding.h"
#include "graph/internal/check_context.h"
#include "graph/reader.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

void CheckContext::Problem(Cf cf, std::string_view key, std::string message) {
  ++report_->problem_count;
  if (report_->problems.size() >= max_problems_) return;
  CheckProblem p;
  p.family = CfName(cf);
  p.key = DescribeKey(cf, key);
  p.key_hex = absl::BytesToHexString(util::Absl(key));
  p.message = std::move(message);
  report_->problems.push_back(std::move(p));
}

absl::Status CheckContext::MergeKeys(
    Cf cf, std::string_view prefix, size_t n, absl::FunctionRef<std::string(size_t)> expected,
    absl::FunctionRef<void(size_t)> missing,
    absl::FunctionRef<void(std::string_view, std::string_view)> extra,
    absl::FunctionRef<void(size_t, std::string_view)> match) {
  auto cursor = reader_.Scan(cf, prefix);
  size_t i = 0;
  std::string want = n > 0 ? expected(0) : std::string();
  for (; cursor->Valid(); cursor->Next()) {
    CountEntry(cf);
    const std::string_view key = cursor->key();
    while (i < n && std::string_view(want) < key) {
      missing(i);
      if (++i < n) want = expected(i);
    }
    if (i < n && std::string_view(want) == key) {
      match(i, cursor->value());
      if (++i < n) want = expected(i);
    } else {
      extra(key, cursor->value());
    }
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  for (; i < n; ++i) missing(i);
  return absl::OkStatus();
}

std::string CheckContext::TermName(TermId id) const {
  auto it = terms.find(id);
  if (it == terms.end()) return absl::StrCat(id, " (unknown)");
  return absl::StrCat(id, " \"", absl::CHexEscape(it->second), "\"");
}

bool CheckContext::HasNode(uint64_t id) const {
  return std::binary_search(nodes.begin(), nodes.end(), id);
}

CheckedEdge* CheckContext::FindEdge(uint64_t id) {
  auto it = std::lower_bound(edges.begin(), edges.end(), id,
                             [](const CheckedEdge& e, uint64_t v) { return e.adj.edge < v; });
  return it != edges.end() && it->adj.edge == id ? &*it : nullptr;
}

CheckedDoc* CheckContext::FindDoc(uint64_t id) {
  auto it = std::lower_bound(docs.begin(), docs.end(), id,
                             [](const CheckedDoc& d, uint64_t v) { return d.id < v; });
  return it != docs.end() && it->id == id ? &*it : nullptr;
}

// `terms`: every 'n' text → id has its 'i' id → text, and back.
absl::Status CheckTerms(CheckContext& ctx) {
  std::vector<std::pair<std::string, TermId>> by_name;
  auto cursor = ctx.reader().Scan(Cf::kTerms, "");
  for (; cursor->Valid(); cursor->Next()) {
    ctx.CountEntry(Cf::kTerms);
    std::string_view key = cursor->key(), value = cursor->value();
    if (!key.empty() && key[0] == 'n') {
      if (value.size() != kTermSize) {
        ctx.Problem(Cf::kTerms, key, absl::StrCat("term id of ", value.size(), " bytes, not 4"));
        continue;
      }
      by_name.emplace_back(std::string(key.substr(1)), DecodeFixed32BE(value.data()));
    } else if (key.size() == 1 + kTermSize && key[0] == 'i') {
      TermId id = DecodeFixed32BE(key.data() + 1);
      ctx.terms.emplace(id, std::string(value));
      ctx.max_term = std::max<uint64_t>(ctx.max_term, id);
    } else {
      ctx.Problem(Cf::kTerms, key, "a key of neither kind ('n' text, 'i' id)");
    }
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  absl::flat_hash_map<TermId, const std::string*> named;
  for (const auto& [text, id] : by_name) {
    named.emplace(id, &text);
    auto it = ctx.terms.find(id);
    if (it == ctx.terms.end()) {
      ctx.Problem(Cf::kTerms, TermByNameKey(text), absl::StrCat("term ", id, " has no 'i' entry"));
    } else if (it->second != text) {
      ctx.Problem(Cf::kTerms, TermByNameKey(text),
                  absl::StrCat("term ", id, "'s 'i' entry says \"",
                               absl::CHexEscape(it->second), "\""));
    }
  }
  for (const auto& [id, text] : ctx.terms) {
    if (!named.contains(id))
      ctx.Problem(Cf::kTerms, TermByIdKey(id), "no 'n' entry names this term");
  }
  return absl::OkStatus();
}

// `meta`: the format, and each counter against what the passes counted.
absl::Status CheckMeta(CheckContext& ctx) {
  // A counter never written has its default (Store::LoadMeta): a store
  // that was created and never written to has none.
  auto read = [&](std::string_view name,
                  std::optional<uint64_t> absent) -> absl::StatusOr<std::optional<uint64_t>> {
    QUIVER_ASSIGN_OR_RETURN(auto v, ctx.reader().Get(Cf::kMeta, name));
    if (!v) {
      if (!absent) ctx.Problem(Cf::kMeta, name, "missing");
      return absent;
    }
    if (v->size() != 8) {
      ctx.Problem(Cf::kMeta, name, absl::StrCat("a value of ", v->size(), " bytes, not 8"));
      return std::nullopt;
    }
    return DecodeFixed64BE(v->data());
  };
  auto cursor = ctx.reader().Scan(Cf::kMeta, "");
  for (; cursor->Valid(); cursor->Next()) ctx.CountEntry(Cf::kMeta);
  QUIVER_RETURN_IF_ERROR(cursor->status());
  int64_t entries = 0;
  for (int64_t n : ctx.entries()) entries += n;
  // Not a key anywhere: a store whose creation a crash cut short before the
  // format version was written (graph/store.cc finishes it on the next
  // writable open). Empty, and so consistent.
  if (entries == 0) return absl::OkStatus();

  QUIVER_ASSIGN_OR_RETURN(auto version, read(meta::kFormatVersion, std::nullopt));
  if (version && *version != kFormatVersion) {
    ctx.Problem(Cf::kMeta, meta::kFormatVersion,
                absl::StrCat("format version ", *version, ", this quiver checks ", kFormatVersion));
  }
  QUIVER_ASSIGN_OR_RETURN(auto store_id, ctx.reader().Get(Cf::kMeta, meta::kStoreId));
  if (!store_id || store_id->size() != 16)
    ctx.Problem(Cf::kMeta, meta::kStoreId, "missing or not 16 bytes");

  uint64_t max_node = ctx.nodes.empty() ? 0 : ctx.nodes.back();
  uint64_t max_edge = ctx.edges.empty() ? 0 : ctx.edges.back().adj.edge;
  uint64_t max_doc = ctx.docs.empty() ? 0 : ctx.docs.back().id;
  const std::pair<std::string_view, uint64_t> next[] = {{meta::kNextNodeId, max_node},
                                                        {meta::kNextEdgeId, max_edge},
                                                        {meta::kNextDocId, max_doc},
                                                        {meta::kNextTermId, ctx.max_term}};
  for (const auto& [name, max] : next) {
    QUIVER_ASSIGN_OR_RETURN(auto v, read(name, 1));
    if (v && *v <= max) {
      ctx.Problem(Cf::kMeta, name,
                  absl::StrCat("next id ", *v, " is not above the largest stored, ", max));
    }
  }
  const std::pair<std::string_view, uint64_t> counts[] = {
      {meta::kNodeCount, ctx.nodes.size()},
      {meta::kEdgeCount, ctx.edges.size()},
      {meta::kDocCount, ctx.docs.size()},
      {meta::kEvidenceCount, ctx.statements.size()}};
  for (const auto& [name, stored] : counts) {
    QUIVER_ASSIGN_OR_RETURN(auto v, read(name, 0));
    if (v && *v != stored)
      ctx.Problem(Cf::kMeta, name, absl::StrCat("says ", *v, ", the store holds ", stored));
  }
  return absl::OkStatus();
}

absl::StatusOr<CheckReport> CheckStore(const Reader& reader, size_t max_problems) {
  CheckReport report;
  CheckContext ctx(reader, max_problems, &report);
  QUIVER_RETURN_IF_ERROR(CheckTerms(ctx));
  QUIVER_RETURN_IF_ERROR(CheckNodes(ctx));
  QUIVER_RETURN_IF_ERROR(CheckDocuments(ctx));
  QUIVER_RETURN_IF_ERROR(CheckEdges(ctx));
  QUIVER_RETURN_IF_ERROR(CheckProvenance(ctx));
  QUIVER_RETURN_IF_ERROR(CheckCuration(ctx));
  QUIVER_RETURN_IF_ERROR(CheckMeta(ctx));
  for (int cf = 1; cf < kNumCfs; ++cf)
    report.entries.emplace_back(CfName(Cf(cf)), ctx.entries()[cf]);
  report.nodes = int64_t(ctx.nodes.size());
  report.edges = int64_t(ctx.edges.size());
  report.documents = int64_t(ctx.docs.size());
  report.evidence = int64_t(ctx.statements.size());
  return report;
}

}  // namespace quiver::graph
