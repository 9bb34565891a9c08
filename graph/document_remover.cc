#include "graph/document_remover.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "graph/fact_time.h"
#include "graph/records.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

namespace {

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// Keys first, changes after: changing the batch under its own iterator is
// unsafe.
absl::StatusOr<std::vector<std::pair<std::string, std::string>>> Collect(
    const Reader& reader, Cf cf, std::string_view prefix) {
  std::vector<std::pair<std::string, std::string>> out;
  auto cursor = reader.Scan(cf, prefix);
  for (; cursor->Valid(); cursor->Next()) out.emplace_back(cursor->key(), cursor->value());
  QUIVER_RETURN_IF_ERROR(cursor->status());
  return out;
}

// The properties a fact takes from its statements, as AddFact folds them
// (the earliest statement's "text"; each qualifier from the earliest
// statement that gives it), recomputed over the statements `left`, earliest
// first, so that nothing a removed statement said outlives it. A statement
// stored before statements kept their own properties (not `known`) leaves
// the fact as it is: "text" when it is the earliest, the qualifiers when it
// is any of them.
void RestoreStatementProperties(const std::vector<StatementRecord>& left,
                                const std::set<std::string>& lost_keys, ValueMap* props) {
  static const auto* const kOwn =
      new std::set<std::string>{"text", "negated", "confidence", "count"};
  if (left.empty()) return;
  if (left.front().known && props->count("text")) (*props)["text"] = Value(left.front().text);
  for (const auto& s : left)
    if (!s.known) return;
  std::set<std::string> keys = lost_keys;
  for (const auto& s : left)
    for (const auto& [k, v] : s.qualifiers) keys.insert(k);
  for (const auto& k : keys) {
    if (kOwn->count(k) || IsStatementTimeKey(k)) continue;
    const Value* first = nullptr;
    for (const auto& s : left) {
      auto it = s.qualifiers.find(k);
      if (it != s.qualifiers.end()) {
        first = &it->second;
        break;
      }
    }
    if (first) {
      (*props)[k] = *first;
    } else {
      props->erase(k);
    }
  }
}

}  // namespace

absl::StatusOr<std::vector<DocId>> FindDocumentsBySource(const Reader& reader,
                                                         std::string_view source) {
  std::vector<DocId> docs;
  const std::string prefix = SourcePrefix(source);
  auto cursor = reader.Scan(Cf::kProvenance, prefix);
  for (; cursor->Valid(); cursor->Next()) {
    std::string_view key = cursor->key();
    if (key.size() != prefix.size() + kIdSize) continue;  // A longer source.
    docs.push_back(DecodeIdKey(key.substr(prefix.size())));
  }
  QUIVER_RETURN_IF_ERROR(cursor->status());
  return docs;
}

absl::Status RemoveDocument(WriteTxn& txn, DocId doc, RemoveResult* removed) {
  return DocumentRemover::Remove(txn, doc, removed);
}

absl::StatusOr<RemoveResult> RemoveSource(Store& store, std::string_view source) {
  QUIVER_ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> docs, FindDocumentsBySource(*txn, source));
  if (docs.empty()) {
    return absl::NotFoundError(absl::StrCat("no document with source ", util::Absl(source),
                                            " in store ", store.path()));
  }
  RemoveResult removed;
  for (DocId doc : docs) QUIVER_RETURN_IF_ERROR(RemoveDocument(*txn, doc, &removed));
  QUIVER_RETURN_IF_ERROR(txn->Commit());
  return removed;
}

absl::Status DocumentRemover::Remove(WriteTxn& txn, DocId doc, RemoveResult* removed) {
  QUIVER_ASSIGN_OR_RETURN(auto record, txn.GetDocument(doc));
  if (!record) return absl::NotFoundError(absl::StrCat("document ", doc, " does not exist"));
  // Facts first, so that a node's edges are gone when its fate is decided.
  QUIVER_RETURN_IF_ERROR(RemoveEvidence(txn, doc, removed));
  QUIVER_RETURN_IF_ERROR(RemoveMentions(txn, doc, removed));

  const std::string hash = absl::HexStringToBytes(record->content_hash);
  QUIVER_ASSIGN_OR_RETURN(auto owner, txn.FindDocumentByHash(hash));
  // Another document of the same content keeps the hash entry (it cannot
  // happen through AddDocument, which treats that content as a duplicate).
  if (owner && *owner == doc) txn.Delete(Cf::kHashes, hash);
  txn.Delete(Cf::kProvenance, SourceKey(record->source, doc));
  txn.Delete(Cf::kDocs, IdKey(doc));
  --txn.counters_.docs;
  ++removed->documents;
  return absl::OkStatus();
}

absl::Status DocumentRemover::RemoveEvidence(WriteTxn& txn, DocId doc, RemoveResult* removed) {
  QUIVER_ASSIGN_OR_RETURN(auto entries, Collect(txn, Cf::kProvenance, DocEvidencePrefix(doc)));
  // Facts that lost a statement, with the qualifier keys the lost
  // statements gave (those a statement left must give again, or they go).
  std::map<EdgeId, std::set<std::string>> edges;
  for (const auto& [key, value] : entries) {
    uint64_t d = 0, edge = 0;
    uint32_t sentence = 0;
    if (!DecodeDocEvidenceKey(key, &d, &edge, &sentence)) {
      return absl::DataLossError(
          txn.Context(absl::StrCat("corrupted evidence entry of document ", doc,
                                   " in column family provenance")));
    }
    QUIVER_ASSIGN_OR_RETURN(auto evidence,
                            txn.Get(Cf::kEvidence, EvidenceKey(edge, doc, sentence)));
    if (!evidence) {  // A mirror left without its statement: drop it alone.
      txn.Delete(Cf::kProvenance, key);
      continue;
    }
    txn.DeleteStatement(edge, doc, sentence);
    ++removed->evidence;
    std::set<std::string>& keys = edges[edge];
    StatementRecord statement;
    if (DecodeStatement(value, &statement))
      for (const auto& [k, v] : statement.qualifiers) keys.insert(k);
  }

  for (const auto& [edge, lost_keys] : edges) {
    QUIVER_ASSIGN_OR_RETURN(auto record, txn.GetEdgeRecord(edge));
    if (!record) continue;
    // What the remaining statements say, earliest (document, sentence)
    // first: how many, the best confidence, and each one's own properties.
    std::vector<StatementRecord> left;
    std::optional<double> confidence;
    QUIVER_ASSIGN_OR_RETURN(auto rest, Collect(txn, Cf::kEvidence, IdKey(edge)));
    for (const auto& [key, value] : rest) {
      uint64_t e = 0, d = 0;
      uint32_t sentence = 0;
      if (!DecodeEvidenceKey(key, &e, &d, &sentence)) continue;
      QUIVER_ASSIGN_OR_RETURN(auto c, txn.Get(Cf::kProvenance, DocEvidenceKey(d, e, sentence)));
      StatementRecord statement;
      if (c && DecodeStatement(*c, &statement)) {
        if (!confidence || statement.confidence > *confidence) confidence = statement.confidence;
      } else {
        statement = StatementRecord();  // No mirror: properties unknown.
      }
      left.push_back(std::move(statement));
    }
    if (left.empty()) {
      QUIVER_RETURN_IF_ERROR(txn.DeleteEdge(edge));
      ++removed->edges;
      continue;
    }
    // "count" is how many statements state the fact: those left.
    ValueMap& props = record->properties;
    if (props.count("count")) props["count"] = Value(int64_t(left.size()));
    if (confidence) props["confidence"] = Value(*confidence);
    RestoreStatementProperties(left, lost_keys, &props);
    std::vector<DaySpan> spans;
    for (const auto& statement : left)
      if (auto span = StatementSpan(statement.qualifiers)) spans.push_back(*span);
    SetSeen(spans, &props);
    txn.Put(Cf::kEdges, IdKey(edge), EncodeEdge(*record));
  }
  return absl::OkStatus();
}

absl::Status DocumentRemover::RemoveMentions(WriteTxn& txn, DocId doc, RemoveResult* removed) {
  QUIVER_ASSIGN_OR_RETURN(auto entries, Collect(txn, Cf::kProvenance, DocNodePrefix(doc)));
  for (const auto& [key, value] : entries) {
    uint64_t d = 0, id = 0;
    MentionRecord mention;
    if (!DecodeIdPairKey(key, &d, &id) || !DecodeMention(value, &mention)) {
      return absl::DataLossError(txn.Context(absl::StrCat(
          "corrupted mention record of document ", doc, " in column family provenance")));
    }
    txn.DeleteMention(doc, id);
    QUIVER_ASSIGN_OR_RETURN(auto node, txn.GetNode(id));
    if (!node) continue;

    // The other documents that name the node, oldest first.
    QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> others, txn.DocumentsNaming(id));
    std::vector<std::pair<DocId, MentionRecord>> named_by;
    std::set<std::string> aliases_given, labels_given;
    for (DocId other : others) {
      QUIVER_ASSIGN_OR_RETURN(auto m, txn.GetMention(other, id));
      if (!m) continue;
      aliases_given.insert(m->aliases.begin(), m->aliases.end());
      labels_given.insert(m->labels.begin(), m->labels.end());
      named_by.emplace_back(other, std::move(*m));
    }

    if (mention.created && named_by.empty()) {
      bool has_edges = false;
      QUIVER_RETURN_IF_ERROR(txn.ScanAdjacent(id, Direction::kBoth, std::nullopt, std::nullopt,
                                              [&](const AdjEntry&) {
                                                has_edges = true;
                                                return false;
                                              }));
      if (!has_edges) {
        QUIVER_RETURN_IF_ERROR(txn.DeleteNode(id, /*detach=*/false));
        ++removed->nodes;
        continue;
      }
    }
    if (mention.created && !named_by.empty()) {
      MentionRecord& heir = named_by.front().second;
      heir.created = true;
      txn.AddMention(named_by.front().first, id, heir);
    }

    Node updated = *node;
    updated.mentions = std::max<int64_t>(0, node->mentions - mention.mentions);
    auto keep_alias = [&](const std::string& a) {
      return !Contains(mention.added_aliases, a) || aliases_given.count(a) > 0 ||
             a == node->name;
    };
    auto keep_label = [&](const std::string& l) {
      return !Contains(mention.added_labels, l) || labels_given.count(l) > 0;
    };
    updated.aliases.clear();
    for (const auto& a : node->aliases)
      if (keep_alias(a)) updated.aliases.push_back(a);
    updated.labels.clear();
    for (const auto& l : node->labels)
      if (keep_label(l)) updated.labels.push_back(l);
    QUIVER_RETURN_IF_ERROR(txn.UpdateNode(updated));
  }
  return absl::OkStatus();
}

}  // namespace quiver::graph
