#include "graph/write_txn.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "graph/coding.h"
#include "graph/fact_time.h"
#include "graph/name_normalizer.h"
#include "graph/rocksdb_status.h"
#include "rocksdb/comparator.h"
#include "rocksdb/db.h"
#include "rocksdb/utilities/write_batch_with_index.h"
#include "util/status_macros.h"
#include "util/utf8.h"
#include "util/strings.h"

namespace quiver::graph {

namespace {

std::string EncodeU64(uint64_t v) {
  std::string s;
  PutFixed64BE(&s, v);
  return s;
}

void AddUnique(std::vector<std::string>* to, const std::string& s) {
  if (std::find(to->begin(), to->end(), s) == to->end()) to->push_back(s);
}

}  // namespace

bool HasLabel(const std::vector<std::string>& labels, std::string_view label) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

bool LabelsAgree(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return true;
  for (const auto& l : a)
    if (HasLabel(b, l)) return true;
  return false;
}

std::set<std::string> NameKeysOf(const Node& node) {
  std::set<std::string> keys;
  auto it = node.properties.find("name");
  if (it != node.properties.end() && it->second.is_string() &&
      !it->second.AsString().empty()) {
    keys.insert(NormalizeName(it->second.AsString()));
  }
  for (const auto& alias : node.aliases) {
    std::string key = NormalizeName(alias);
    if (!key.empty()) keys.insert(std::move(key));
  }
  return keys;
}

WriteTxn::WriteTxn(Store* store, Counters counters)
    : Reader(*store),
      store_(store),
      // overwrite_key: the index keeps only the latest write of a key, which
      // iterators over batch + base require.
      batch_(std::make_unique<rocksdb::WriteBatchWithIndex>(
          rocksdb::BytewiseComparator(), 0, /*overwrite_key=*/true)),
      counters_(counters) {}

WriteTxn::~WriteTxn() { store_->EndWrite(); }

absl::StatusOr<std::optional<std::string>> WriteTxn::Get(
    Cf cf, std::string_view key) const {
  std::string value;
  rocksdb::Status s = batch_->GetFromBatchAndDB(
      store_->db(), rocksdb::ReadOptions(), store_->handle(cf),
      rocksdb::Slice(key.data(), key.size()), &value);
  if (s.IsNotFound()) return std::nullopt;
  QUIVER_RETURN_IF_ERROR(FromRocksDb(s, Context(absl::StrCat("reading column family ", CfName(cf)))));
  return value;
}

std::unique_ptr<Cursor> WriteTxn::Scan(Cf cf, std::string_view prefix) const {
  rocksdb::DB* db = store_->db();
  rocksdb::ColumnFamilyHandle* handle = store_->handle(cf);
  rocksdb::WriteBatchWithIndex* batch = batch_.get();
  return std::make_unique<Cursor>(
      std::string(prefix), rocksdb::ReadOptions(),
      [db, handle, batch](const rocksdb::ReadOptions& ro) {
        return batch->NewIteratorWithBase(handle, db->NewIterator(ro, handle), &ro);
      },
      Context(absl::StrCat("scanning column family ", CfName(cf))));
}

std::optional<TermId> WriteTxn::FindTerm(std::string_view text) const {
  auto it = new_term_ids_.find(util::Absl(text));
  if (it != new_term_ids_.end()) return it->second;
  return store_->FindTerm(text);
}

std::string WriteTxn::TermText(TermId id) const {
  auto it = new_term_texts_.find(id);
  if (it != new_term_texts_.end()) return it->second;
  return store_->TermText(id);
}

void WriteTxn::Put(Cf cf, std::string_view key, std::string_view value) {
  batch_->Put(store_->handle(cf), rocksdb::Slice(key.data(), key.size()),
              rocksdb::Slice(value.data(), value.size()));
}

void WriteTxn::Delete(Cf cf, std::string_view key) {
  batch_->Delete(store_->handle(cf), rocksdb::Slice(key.data(), key.size()));
}

TermId WriteTxn::InternTerm(std::string_view text) {
  if (auto id = FindTerm(text)) return *id;
  TermId id = TermId(counters_.next_term++);
  Put(Cf::kTerms, TermByNameKey(text), [&] {
    std::string v;
    PutFixed32BE(&v, id);
    return v;
  }());
  Put(Cf::kTerms, TermByIdKey(id), text);
  new_terms_.emplace_back(std::string(text), id);
  new_term_ids_[std::string(text)] = id;
  new_term_texts_[id] = std::string(text);
  return id;
}

absl::Status CheckText(std::string_view what_sv, std::string_view text, size_t limit) {
  absl::string_view what = util::Absl(what_sv);
  if (text.empty()) return absl::InvalidArgumentError(absl::StrCat(what, " is empty"));
  size_t bad = util::FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat(what, " is not valid UTF-8 (byte ", bad, ")"));
  }
  if (text.size() > limit) {
    return absl::InvalidArgumentError(absl::StrCat(
        what, " is too long (", text.size(), " bytes; at most ", limit, ")"));
  }
  return absl::OkStatus();
}

absl::Status WriteTxn::CheckName(std::string_view what, std::string_view text) const {
  return CheckText(what, text, what == "relationship type" ? kMaxTypeBytes : kMaxNameBytes);
}

absl::Status WriteTxn::CheckProperties(const ValueMap& properties) const {
  for (const auto& [key, value] : properties) {
    if (!IsStorable(value)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "property ", key, " holds a ", Value::TypeName(value.type()),
          ", which cannot be stored as a property"));
    }
    std::string encoded;
    PutValue(&encoded, value);
    if (encoded.size() > kMaxPropertyBytes) {
      return absl::InvalidArgumentError(absl::StrCat("property ", key, " is too large (",
                                                     encoded.size(), " bytes encoded; at most ",
                                                     kMaxPropertyBytes, ")"));
    }
  }
  return absl::OkStatus();
}

void WriteTxn::IndexNode(NodeId id, const Node& node, bool add) {
  for (const auto& key : NameKeysOf(node)) {
    add ? Put(Cf::kNames, NameKey(key, id), "") : Delete(Cf::kNames, NameKey(key, id));
  }
  for (const auto& label : node.labels) {
    TermId t = InternTerm(label);
    add ? Put(Cf::kLabels, LabelKey(t, id), "") : Delete(Cf::kLabels, LabelKey(t, id));
  }
}

absl::StatusOr<NodeId> WriteTxn::CreateNode(const std::vector<std::string>& labels,
                                            const ValueMap& properties,
                                            const std::vector<std::string>& aliases) {
  for (const auto& l : labels) QUIVER_RETURN_IF_ERROR(CheckName("label", l));
  for (const auto& a : aliases) QUIVER_RETURN_IF_ERROR(CheckName("alias", a));
  QUIVER_RETURN_IF_ERROR(CheckProperties(properties));
  Node node;
  node.id = counters_.next_node++;
  for (const auto& l : labels) AddUnique(&node.labels, l);
  for (const auto& a : aliases) AddUnique(&node.aliases, a);
  node.properties = properties;
  Put(Cf::kNodes, IdKey(node.id), EncodeNode(node));
  IndexNode(node.id, node, /*add=*/true);
  ++counters_.nodes;
  return node.id;
}

absl::StatusOr<std::optional<NodeId>> WriteTxn::FindNamedNode(
    std::string_view name, const std::vector<std::string>& labels) const {
  QUIVER_ASSIGN_OR_RETURN(std::vector<NodeId> candidates, FindNodesByName(name));
  for (NodeId id : candidates) {
    QUIVER_ASSIGN_OR_RETURN(auto node, GetNode(id));
    if (!node || !LabelsAgree(node->labels, labels)) continue;
    // kg.split ruled this name away from this node: never merge it back.
    QUIVER_ASSIGN_OR_RETURN(bool blocked, NameBlocked(*this, NormalizeName(name), id));
    if (!blocked) return id;
  }
  return std::nullopt;
}

absl::StatusOr<std::pair<NodeId, bool>> WriteTxn::FindOrCreateNamedNode(
    std::string_view name, const std::vector<std::string>& labels,
    const std::vector<std::string>& aliases, NodeAdditions* added) {
  QUIVER_RETURN_IF_ERROR(CheckName("name", name));
  QUIVER_ASSIGN_OR_RETURN(std::optional<NodeId> found, FindNamedNode(name, labels));
  if (found) {
    QUIVER_RETURN_IF_ERROR(NameExistingNode(*found, name, labels, aliases, added));
    return std::make_pair(*found, false);
  }
  QUIVER_ASSIGN_OR_RETURN(NodeId id, CreateNamedNode(name, labels, aliases, added));
  return std::make_pair(id, true);
}

absl::Status WriteTxn::NameExistingNode(NodeId id, std::string_view name,
                                        const std::vector<std::string>& labels,
                                        const std::vector<std::string>& aliases,
                                        NodeAdditions* added) {
  QUIVER_RETURN_IF_ERROR(CheckName("name", name));
  QUIVER_ASSIGN_OR_RETURN(auto node, GetNode(id));
  if (!node) return absl::NotFoundError(absl::StrCat("node ", id, " does not exist"));
  Node updated = *node;
  for (const auto& l : labels) {
    QUIVER_RETURN_IF_ERROR(CheckName("label", l));
    AddUnique(&updated.labels, l);
  }
  AddUnique(&updated.aliases, std::string(name));
  for (const auto& a : aliases) {
    QUIVER_RETURN_IF_ERROR(CheckName("alias", a));
    QUIVER_ASSIGN_OR_RETURN(bool alias_blocked, NameBlocked(*this, NormalizeName(a), id));
    if (!alias_blocked) AddUnique(&updated.aliases, a);
  }
  ++updated.mentions;
  QUIVER_RETURN_IF_ERROR(UpdateNode(updated));
  if (added) {
    added->matched = std::move(*node);
    const Node& before = *added->matched;
    for (const auto& l : updated.labels)
      if (std::find(before.labels.begin(), before.labels.end(), l) == before.labels.end())
        added->labels.push_back(l);
    for (const auto& a : updated.aliases)
      if (std::find(before.aliases.begin(), before.aliases.end(), a) == before.aliases.end())
        added->aliases.push_back(a);
  }
  return absl::OkStatus();
}

absl::StatusOr<NodeId> WriteTxn::CreateNamedNode(std::string_view name,
                                                 const std::vector<std::string>& labels,
                                                 const std::vector<std::string>& aliases,
                                                 NodeAdditions* added) {
  QUIVER_RETURN_IF_ERROR(CheckName("name", name));
  std::vector<std::string> all_aliases = {std::string(name)};
  for (const auto& a : aliases) AddUnique(&all_aliases, a);
  ValueMap properties;
  properties["name"] = Value(std::string(name));
  QUIVER_ASSIGN_OR_RETURN(NodeId id, CreateNode(labels, properties, all_aliases));
  // A node created for a statement has been mentioned once.
  QUIVER_ASSIGN_OR_RETURN(auto node, GetNode(id));
  node->mentions = 1;
  Put(Cf::kNodes, IdKey(id), EncodeNode(*node));
  if (added) {
    added->labels = node->labels;
    added->aliases = node->aliases;
    added->matched.reset();
  }
  return id;
}

absl::Status WriteTxn::UpdateNode(const Node& node) {
  QUIVER_ASSIGN_OR_RETURN(auto old, GetNode(node.id));
  if (!old) return absl::NotFoundError(absl::StrCat("node ", node.id, " does not exist"));
  for (const auto& l : node.labels) QUIVER_RETURN_IF_ERROR(CheckName("label", l));
  QUIVER_RETURN_IF_ERROR(CheckProperties(node.properties));
  IndexNode(node.id, *old, /*add=*/false);
  IndexNode(node.id, node, /*add=*/true);
  Put(Cf::kNodes, IdKey(node.id), EncodeNode(node));
  return absl::OkStatus();
}

absl::Status WriteTxn::DeleteNode(NodeId id, bool detach) {
  QUIVER_ASSIGN_OR_RETURN(auto node, GetNode(id));
  if (!node) return absl::NotFoundError(absl::StrCat("node ", id, " does not exist"));
  QUIVER_ASSIGN_OR_RETURN(std::vector<EdgeId> edges, EdgesAt(id));
  if (!edges.empty() && !detach) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cannot delete node ", id, ": it still has ", edges.size(),
        " relationship(s); delete them first or use DETACH DELETE"));
  }
  for (EdgeId e : edges) QUIVER_RETURN_IF_ERROR(DeleteEdge(e));
  // The documents that named the node no longer can undo anything on it.
  QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> docs, DocumentsNaming(id));
  for (DocId doc : docs) DeleteMention(doc, id);
  IndexNode(id, *node, /*add=*/false);
  Delete(Cf::kNodes, IdKey(id));
  --counters_.nodes;
  return absl::OkStatus();
}

absl::StatusOr<EdgeId> WriteTxn::CreateEdge(NodeId src, std::string_view type,
                                            NodeId dst, const ValueMap& properties) {
  QUIVER_RETURN_IF_ERROR(CheckName("relationship type", type));
  QUIVER_RETURN_IF_ERROR(CheckProperties(properties));
  for (NodeId n : {src, dst}) {
    QUIVER_ASSIGN_OR_RETURN(auto raw, Get(Cf::kNodes, IdKey(n)));
    if (!raw) return absl::NotFoundError(absl::StrCat("node ", n, " does not exist"));
  }
  EdgeRecord record{src, dst, InternTerm(type), properties};
  EdgeId id = counters_.next_edge++;
  AdjEntry e{src, record.type, dst, id};
  Put(Cf::kEdges, IdKey(id), EncodeEdge(record));
  Put(Cf::kOut, OutKey(e), "");
  Put(Cf::kIn, InKey(e), "");
  Put(Cf::kByType, ByTypeKey(e), "");
  ++counters_.edges;
  return id;
}

absl::Status WriteTxn::UpdateEdgeProperties(EdgeId id, const ValueMap& properties) {
  QUIVER_RETURN_IF_ERROR(CheckProperties(properties));
  QUIVER_ASSIGN_OR_RETURN(auto record, GetEdgeRecord(id));
  if (!record) return absl::NotFoundError(absl::StrCat("relationship ", id, " does not exist"));
  record->properties = properties;
  Put(Cf::kEdges, IdKey(id), EncodeEdge(*record));
  return absl::OkStatus();
}

absl::Status WriteTxn::DeleteEdge(EdgeId id) {
  QUIVER_ASSIGN_OR_RETURN(auto record, GetEdgeRecord(id));
  if (!record) return absl::NotFoundError(absl::StrCat("relationship ", id, " does not exist"));
  AdjEntry e{record->src, record->type, record->dst, id};
  Delete(Cf::kEdges, IdKey(id));
  Delete(Cf::kOut, OutKey(e));
  Delete(Cf::kIn, InKey(e));
  Delete(Cf::kByType, ByTypeKey(e));
  // Collect first: changing the batch under its own iterator is unsafe.
  std::vector<std::string> evidence_keys;
  auto cursor = Scan(Cf::kEvidence, IdKey(id));
  for (; cursor->Valid(); cursor->Next()) evidence_keys.emplace_back(cursor->key());
  QUIVER_RETURN_IF_ERROR(cursor->status());
  for (const auto& k : evidence_keys) {
    uint64_t edge = 0, doc = 0;
    uint32_t sentence = 0;
    if (!DecodeEvidenceKey(k, &edge, &doc, &sentence)) {
      return absl::DataLossError(
          Context(absl::StrCat("corrupted evidence key of relationship ", id)));
    }
    DeleteStatement(edge, doc, sentence);
  }
  --counters_.edges;
  return absl::OkStatus();
}

absl::StatusOr<std::pair<EdgeId, bool>> WriteTxn::AddFact(
    NodeId src, std::string_view type, NodeId dst, const FactProperties& fact,
    const Evidence& evidence) {
  QUIVER_RETURN_IF_ERROR(CheckName("relationship type", type));
  QUIVER_RETURN_IF_ERROR(CheckProperties(fact.qualifiers));
  std::optional<EdgeId> found;
  std::optional<EdgeRecord> record;
  if (auto type_id = FindTerm(type)) {
    std::vector<EdgeId> parallel;
    QUIVER_RETURN_IF_ERROR(ScanAdjacent(src, Direction::kOutgoing, *type_id, dst,
                                        [&](const AdjEntry& e) {
                                          parallel.push_back(e.edge);
                                          return true;
                                        }));
    for (EdgeId id : parallel) {
      QUIVER_ASSIGN_OR_RETURN(auto r, GetEdgeRecord(id));
      if (!r) continue;
      auto neg = r->properties.find("negated");
      bool negated = neg != r->properties.end() && neg->second.is_bool() &&
                     neg->second.AsBool();
      if (negated == fact.negated) {
        found = id;
        record = std::move(r);
        break;
      }
    }
  }
  bool created = !found;
  if (created) {
    ValueMap properties;
    for (const auto& [k, v] : fact.qualifiers)
      if (!IsStatementTimeKey(k)) properties.emplace(k, v);
    properties["text"] = Value(fact.text.empty() ? std::string(type) : fact.text);
    properties["negated"] = Value(fact.negated);
    properties["confidence"] = Value(fact.confidence);
    properties["count"] = Value(int64_t{0});
    QUIVER_ASSIGN_OR_RETURN(EdgeId id, CreateEdge(src, type, dst, properties));
    found = id;
    QUIVER_ASSIGN_OR_RETURN(record, GetEdgeRecord(id));
  }
  std::string key = EvidenceKey(*found, evidence.doc, evidence.sentence);
  QUIVER_ASSIGN_OR_RETURN(auto existing, Get(Cf::kEvidence, key));
  if (existing) return std::make_pair(*found, created);

  // The statement's own confidence, relation as written and qualifiers, so
  // the edge's can be recomputed from the statements left when a document
  // is removed (DocumentRemover).
  StatementRecord statement;
  statement.confidence = fact.confidence;
  statement.text = fact.text.empty() ? std::string(type) : fact.text;
  statement.qualifiers = fact.qualifiers;
  PutStatement(*found, evidence, EncodeStatement(statement));
  ValueMap& props = record->properties;
  auto count = props.find("count");
  int64_t n = count != props.end() && count->second.is_int() ? count->second.AsInt() : 0;
  props["count"] = Value(n + 1);
  auto conf = props.find("confidence");
  if (conf == props.end() || !conf->second.is_number() ||
      conf->second.AsNumber() < fact.confidence) {
    props["confidence"] = Value(fact.confidence);
  }
  for (const auto& [k, v] : fact.qualifiers)
    if (!IsStatementTimeKey(k)) props.emplace(k, v);
  WidenSeen(fact.qualifiers, &props);
  Put(Cf::kEdges, IdKey(*found), EncodeEdge(*record));
  return std::make_pair(*found, created);
}

DocId WriteTxn::AddDocumentRecord(Document doc, std::string_view hash) {
  doc.id = counters_.next_doc++;
  Put(Cf::kDocs, IdKey(doc.id), EncodeDocument(doc, hash));
  Put(Cf::kHashes, hash, IdKey(doc.id));
  Put(Cf::kProvenance, SourceKey(doc.source, doc.id), "");
  ++counters_.docs;
  return doc.id;
}

void WriteTxn::PutStatement(EdgeId edge, const Evidence& evidence,
                            std::optional<std::string_view> confidence) {
  Put(Cf::kEvidence, EvidenceKey(edge, evidence.doc, evidence.sentence), EncodeEvidence(evidence));
  if (confidence)
    Put(Cf::kProvenance, DocEvidenceKey(evidence.doc, edge, evidence.sentence), *confidence);
  ++counters_.evidence;
}

void WriteTxn::DeleteStatement(EdgeId edge, DocId doc, uint32_t sentence) {
  Delete(Cf::kEvidence, EvidenceKey(edge, doc, sentence));
  Delete(Cf::kProvenance, DocEvidenceKey(doc, edge, sentence));
  --counters_.evidence;
}

void WriteTxn::AddMention(DocId doc, NodeId node, const MentionRecord& mention) {
  Put(Cf::kProvenance, DocNodeKey(doc, node), EncodeMention(mention));
  Put(Cf::kProvenance, NodeDocKey(node, doc), "");
}

void WriteTxn::DeleteMention(DocId doc, NodeId node) {
  Delete(Cf::kProvenance, DocNodeKey(doc, node));
  Delete(Cf::kProvenance, NodeDocKey(node, doc));
}

absl::Status WriteTxn::ForEachChangedKey(
    Cf cf, const std::function<absl::Status(std::string_view)>& fn) const {
  // The batch's index keeps one entry per key (overwrite_key), its latest.
  std::unique_ptr<rocksdb::WBWIIterator> it(batch_->NewIterator(store_->handle(cf)));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    const rocksdb::Slice key = it->Entry().key;
    QUIVER_RETURN_IF_ERROR(fn(std::string_view(key.data(), key.size())));
  }
  return FromRocksDb(it->status(), Context("listing the transaction's keys"));
}

absl::Status WriteTxn::Commit() {
  if (done_) return absl::FailedPreconditionError("transaction already ended");
  done_ = true;
  Put(Cf::kMeta, meta::kNextNodeId, EncodeU64(counters_.next_node));
  Put(Cf::kMeta, meta::kNextEdgeId, EncodeU64(counters_.next_edge));
  Put(Cf::kMeta, meta::kNextDocId, EncodeU64(counters_.next_doc));
  Put(Cf::kMeta, meta::kNextTermId, EncodeU64(counters_.next_term));
  Put(Cf::kMeta, meta::kNodeCount, EncodeU64(uint64_t(counters_.nodes)));
  Put(Cf::kMeta, meta::kEdgeCount, EncodeU64(uint64_t(counters_.edges)));
  Put(Cf::kMeta, meta::kDocCount, EncodeU64(uint64_t(counters_.docs)));
  Put(Cf::kMeta, meta::kEvidenceCount, EncodeU64(uint64_t(counters_.evidence)));
  rocksdb::WriteOptions wo;
  wo.sync = store_->options().sync_writes;
  QUIVER_RETURN_IF_ERROR(FromRocksDb(
      store_->db()->Write(wo, batch_->GetWriteBatch()), Context("committing")));
  store_->PublishCommit(counters_, new_terms_);
  return absl::OkStatus();
}

}  // namespace quiver::graph
