#include "graph/bulk_loader.h"

#include <algorithm>
#include <thread>

#include "absl/strings/str_cat.h"
#include "graph/coding.h"
#include "graph/content_hash.h"
#include "graph/key_format.h"
#include "graph/name_normalizer.h"
#include "graph/reader.h"
#include "graph/records.h"
#include "graph/rocksdb_status.h"
#include "graph/write_txn.h"
#include "rocksdb/db.h"
#include "rocksdb/sst_file_writer.h"
#include "util/status_macros.h"
#include "util/strings.h"

namespace quiver::graph {

namespace {

std::string U64(uint64_t v) {
  std::string s;
  PutFixed64BE(&s, v);
  return s;
}

// Writes one column family's sorted entries to an SST file.
class SstSink {
 public:
  SstSink(Store* store, Cf cf, std::string path)
      : store_(store), cf_(cf), path_(std::move(path)) {}

  absl::Status Add(std::string_view key, std::string_view value) {
    if (!writer_) {
      rocksdb::Options options = store_->db()->GetOptions(store_->handle(cf_));
      // Index families are small fixed-width keys that compress poorly; and
      // the load is CPU-bound, so skip compression for all of them.
      options.compression = rocksdb::kNoCompression;
      writer_ = std::make_unique<rocksdb::SstFileWriter>(
          rocksdb::EnvOptions(), options, store_->handle(cf_));
      QUIVER_RETURN_IF_ERROR(FromRocksDb(writer_->Open(path_), Context()));
    }
    return FromRocksDb(writer_->Put(rocksdb::Slice(key.data(), key.size()),
                                    rocksdb::Slice(value.data(), value.size())),
                       Context());
  }

  // Finishes the file; returns false when nothing was written.
  absl::StatusOr<bool> Finish() {
    if (!writer_) return false;
    QUIVER_RETURN_IF_ERROR(FromRocksDb(writer_->Finish(), Context()));
    return true;
  }

  Cf cf() const { return cf_; }
  const std::string& path() const { return path_; }

 private:
  std::string Context() const {
    return absl::StrCat("bulk load: writing ", path_, " for column family ", CfName(cf_));
  }
  Store* store_;
  Cf cf_;
  std::string path_;
  std::unique_ptr<rocksdb::SstFileWriter> writer_;
};

struct EdgeInfo {
  uint32_t src, dst, type, text;
};

// Adjacency entries packed into one 128-bit integer in key order, so the
// three index orders sort as plain integers (ids in a bulk load fit 32 bits).
using Packed = unsigned __int128;

Packed Pack(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  return (Packed((a << 32) | b) << 64) | Packed((c << 32) | d);
}

void Store32(char* p, uint32_t v) {
  p[0] = char(v >> 24);
  p[1] = char(v >> 16);
  p[2] = char(v >> 8);
  p[3] = char(v);
}

void Store64(char* p, uint64_t v) {
  Store32(p, uint32_t(v >> 32));
  Store32(p + 4, uint32_t(v));
}

// The 28-byte key of a packed entry whose second field is the 4-byte type
// (out, in: node, type, node, edge).
std::string_view NodeFirstKey(Packed v, char* buf) {
  uint64_t hi = uint64_t(v >> 64), lo = uint64_t(v);
  Store64(buf, hi >> 32);
  Store32(buf + 8, uint32_t(hi));
  Store64(buf + 12, lo >> 32);
  Store64(buf + 20, uint32_t(lo));
  return {buf, kAdjKeySize};
}

// by_type: type(4), src(8), dst(8), edge(8).
std::string_view TypeFirstKey(Packed v, char* buf) {
  uint64_t hi = uint64_t(v >> 64), lo = uint64_t(v);
  Store32(buf, uint32_t(hi >> 32));
  Store64(buf + 4, uint32_t(hi));
  Store64(buf + 12, lo >> 32);
  Store64(buf + 20, uint32_t(lo));
  return {buf, kAdjKeySize};
}

}  // namespace

BulkLoader::BulkLoader(Store* store) : store_(store) {}

void BulkLoader::SetDocument(const Document& doc, std::string_view content) {
  doc_ = doc;
  hash_ = ContentHash(content);
  Evidence ev;
  ev.source = doc_.source;
  evidence_values_ = {EncodeEvidence(ev)};
}

absl::StatusOr<uint32_t> BulkLoader::InternNode(std::string_view name) {
  auto known = node_by_form_.find(util::Absl(name));
  if (known != node_by_form_.end()) return known->second;
  QUIVER_RETURN_IF_ERROR(CheckText("name", name, kMaxNameBytes));
  std::string key = NormalizeName(name);
  auto [it, inserted] = node_by_key_.try_emplace(key, uint32_t(nodes_.size() + 1));
  if (inserted) {
    NodeEntry entry;
    entry.name = std::string(name);
    entry.aliases.push_back(entry.name);
    nodes_.push_back(std::move(entry));
  } else {
    auto& aliases = nodes_[it->second - 1].aliases;
    if (std::find(aliases.begin(), aliases.end(), name) == aliases.end())
      aliases.emplace_back(name);
  }
  node_by_form_.emplace(std::string(name), it->second);
  return it->second;
}

void BulkLoader::NoteMention(uint32_t node, std::string_view form) {
  NodeEntry& entry = nodes_[node - 1];
  if (entry.mentions++ == 0) return;  // The first: the new node's own name.
  for (auto& [f, n] : entry.later_forms) {
    if (f == form) {
      ++n;
      return;
    }
  }
  entry.later_forms.emplace_back(std::string(form), 1);
}

uint32_t BulkLoader::InternText(std::string_view text) {
  auto [it, inserted] = text_ids_.try_emplace(util::Absl(text), uint32_t(texts_.size()));
  if (inserted) texts_.emplace_back(text);
  return it->second;
}

absl::Status BulkLoader::AddNode(std::string_view name) {
  QUIVER_ASSIGN_OR_RETURN(uint32_t id, InternNode(name));
  (void)id;
  return absl::OkStatus();
}

absl::Status BulkLoader::AddStatement(std::string_view subject, std::string_view relation,
                                      std::string_view object, uint32_t line,
                                      std::string_view relation_text,
                                      std::string_view sentence_text,
                                      std::string_view source) {
  if (evidence_values_.empty()) SetDocument(doc_, "");
  // Few distinct relations recur across many statements: check and intern
  // a relation (and its text, when written the same) once, not per line.
  uint32_t term;
  auto known = term_ids_.find(util::Absl(relation));
  if (known != term_ids_.end()) {
    term = known->second;
  } else {
    QUIVER_RETURN_IF_ERROR(CheckText("relationship type", relation, kMaxTypeBytes));
    term = uint32_t(terms_.size() + 1);
    term_ids_.emplace(std::string(relation), term);
    terms_.emplace_back(relation);
    term_text_.push_back(kNoText);
  }
  QUIVER_ASSIGN_OR_RETURN(uint32_t s, InternNode(subject));
  NoteMention(s, subject);
  QUIVER_ASSIGN_OR_RETURN(uint32_t o, InternNode(object));
  NoteMention(o, object);
  uint32_t text;
  if (relation_text.empty() || relation_text == relation) {
    uint32_t& same = term_text_[term - 1];
    if (same == kNoText) same = InternText(relation);
    text = same;
  } else {
    text = InternText(relation_text);
  }
  uint32_t evidence = 0;
  if (!sentence_text.empty() || (!source.empty() && source != doc_.source)) {
    Evidence ev;
    ev.text = std::string(sentence_text);
    ev.source = std::string(source.empty() ? std::string_view(doc_.source) : source);
    evidence = uint32_t(evidence_values_.size());
    evidence_values_.push_back(EncodeEvidence(ev));
  }
  statements_.push_back({s, term, o, line, text, evidence});
  return absl::OkStatus();
}

absl::StatusOr<AddResult> BulkLoader::Finish() {
  // Holding the write transaction keeps every other writer out meanwhile.
  QUIVER_ASSIGN_OR_RETURN(auto txn, store_->BeginWrite());
  Counters c = txn->counters();
  if (c.nodes != 0 || c.edges != 0 || c.docs != 0 || c.next_term != 1) {
    return absl::FailedPreconditionError(absl::StrCat(
        "store ", store_->path(), " is not empty; the bulk loader only fills new stores"));
  }

  // Edges in order of first statement, as AddFact would create them; each
  // further statement of the same (s, type, o) on another line adds evidence.
  absl::flat_hash_map<std::tuple<uint32_t, uint32_t, uint32_t>, uint32_t> edge_ids;
  edge_ids.reserve(statements_.size());
  std::vector<EdgeInfo> edges;
  // (edge id, line, statement index): a line that states an edge twice
  // counts once, with the first statement's evidence, as AddFact keeps it.
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> evidence;
  evidence.reserve(statements_.size());
  for (uint32_t index = 0; index < statements_.size(); ++index) {
    const Statement& st = statements_[index];
    auto [it, inserted] = edge_ids.try_emplace(std::make_tuple(st.subject, st.relation, st.object),
                                               uint32_t(edges.size() + 1));
    if (inserted) edges.push_back({st.subject, st.object, st.relation, st.text});
    evidence.emplace_back(it->second, st.line, index);
  }
  edge_ids = {};
  // Usually already in order: each new edge gets the next id as it is met.
  if (!std::is_sorted(evidence.begin(), evidence.end()))
    std::sort(evidence.begin(), evidence.end());
  evidence.erase(std::unique(evidence.begin(), evidence.end(),
                             [](const auto& a, const auto& b) {
                               return std::get<0>(a) == std::get<0>(b) &&
                                      std::get<1>(a) == std::get<1>(b);
                             }),
                 evidence.end());
  std::vector<int64_t> counts(edges.size() + 1, 0);
  for (const auto& [edge, line, value] : evidence) ++counts[edge];

  const DocId doc_id = 1;
  const std::string dir = store_->path();
  auto sink_path = [&](Cf cf) { return absl::StrCat(dir, "/bulk-", CfName(cf), ".sst"); };

  // Two workers, each writing a balanced share of the column families.
  auto write_a = [&](std::vector<std::unique_ptr<SstSink>>& sinks) -> absl::Status {
    auto& nodes = *sinks.emplace_back(std::make_unique<SstSink>(store_, Cf::kNodes, sink_path(Cf::kNodes)));
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node node;
      node.aliases = nodes_[i].aliases;
      node.properties["name"] = Value(nodes_[i].name);
      node.mentions = nodes_[i].mentions;
      QUIVER_RETURN_IF_ERROR(nodes.Add(IdKey(i + 1), EncodeNode(node)));
    }
    std::vector<std::string> names;
    names.reserve(nodes_.size());
    for (const auto& [key, id] : node_by_key_) names.push_back(NameKey(key, id));
    std::sort(names.begin(), names.end());
    auto& name_sink = *sinks.emplace_back(std::make_unique<SstSink>(store_, Cf::kNames, sink_path(Cf::kNames)));
    for (const auto& k : names) QUIVER_RETURN_IF_ERROR(name_sink.Add(k, ""));

    char buf[kAdjKeySize];
    std::vector<Packed> adj(edges.size());
    for (size_t i = 0; i < edges.size(); ++i)
      adj[i] = Pack(edges[i].src, edges[i].type, edges[i].dst, i + 1);
    std::sort(adj.begin(), adj.end());
    auto& out = *sinks.emplace_back(std::make_unique<SstSink>(store_, Cf::kOut, sink_path(Cf::kOut)));
    for (Packed e : adj) QUIVER_RETURN_IF_ERROR(out.Add(NodeFirstKey(e, buf), ""));
    adj = {};

    // Edge records differ only in ids, count and text: encode the property
    // map once per (text, count) and splice it behind each record's header.
    absl::flat_hash_map<std::pair<uint32_t, int64_t>, std::string> encoded_props;
    auto& edge_sink = *sinks.emplace_back(std::make_unique<SstSink>(store_, Cf::kEdges, sink_path(Cf::kEdges)));
    std::string value;
    for (size_t i = 0; i < edges.size(); ++i) {
      auto [it, inserted] = encoded_props.try_emplace({edges[i].text, counts[i + 1]});
      if (inserted) {
        ValueMap props;
        props["confidence"] = Value(1.0);
        props["count"] = Value(counts[i + 1]);
        props["negated"] = Value(false);
        props["text"] = Value(texts_[edges[i].text]);
        PutValueMap(&it->second, props);
      }
      value.assign(1, char(kRecordFormat));
      PutFixed64BE(&value, edges[i].src);
      PutFixed64BE(&value, edges[i].dst);
      PutFixed32BE(&value, edges[i].type);
      value += it->second;
      Store64(buf, i + 1);
      QUIVER_RETURN_IF_ERROR(edge_sink.Add(std::string_view(buf, kIdSize), value));
    }
    return absl::OkStatus();
  };
  auto write_b = [&](std::vector<std::unique_ptr<SstSink>>& sinks) -> absl::Status {
    char buf[kAdjKeySize];
    std::vector<Packed> adj(edges.size());
    for (size_t i = 0; i < edges.size(); ++i)
      adj[i] = Pack(edges[i].dst, edges[i].type, edges[i].src, i + 1);
    std::sort(adj.begin(), adj.end());
    auto& in = *sinks.emplace_back(std::make_unique<SstSink>(store_, Cf::kIn, sink_path(Cf::kIn)));
    for (Packed e : adj) QUIVER_RETURN_IF_ERROR(in.Add(NodeFirstKey(e, buf), ""));
    for (size_t i = 0; i < edges.size(); ++i)
      adj[i] = Pack(edges[i].type, edges[i].src, edges[i].dst, i + 1);
    std::sort(adj.begin(), adj.end());
    auto& by_type = *sinks.emplace_back(std::make_unique<SstSink>(store_, Cf::kByType, sink_path(Cf::kByType)));
    for (Packed e : adj) QUIVER_RETURN_IF_ERROR(by_type.Add(TypeFirstKey(e, buf), ""));
    adj = {};

    auto& ev_sink = *sinks.emplace_back(std::make_unique<SstSink>(store_, Cf::kEvidence, sink_path(Cf::kEvidence)));
    for (const auto& [edge, line, statement] : evidence) {
      Store64(buf, edge);
      Store64(buf + 8, doc_id);
      Store32(buf + 16, line);
      QUIVER_RETURN_IF_ERROR(ev_sink.Add(std::string_view(buf, kEvidenceKeySize),
                                         evidence_values_[statements_[statement].evidence]));
    }

    // The small families: terms, the document and the counters.
    std::vector<std::pair<std::string, std::string>> terms;
    for (size_t i = 0; i < terms_.size(); ++i) {
      std::string id;
      PutFixed32BE(&id, uint32_t(i + 1));
      terms.emplace_back(TermByNameKey(terms_[i]), id);
      terms.emplace_back(TermByIdKey(uint32_t(i + 1)), terms_[i]);
    }
    std::sort(terms.begin(), terms.end());
    auto& term_sink = *sinks.emplace_back(std::make_unique<SstSink>(store_, Cf::kTerms, sink_path(Cf::kTerms)));
    for (const auto& [k, v] : terms) QUIVER_RETURN_IF_ERROR(term_sink.Add(k, v));

    Document doc = doc_;
    doc.statements = int64_t(statements_.size());
    auto& docs = *sinks.emplace_back(std::make_unique<SstSink>(store_, Cf::kDocs, sink_path(Cf::kDocs)));
    QUIVER_RETURN_IF_ERROR(docs.Add(IdKey(doc_id), EncodeDocument(doc, hash_)));
    auto& hashes = *sinks.emplace_back(std::make_unique<SstSink>(store_, Cf::kHashes, sink_path(Cf::kHashes)));
    QUIVER_RETURN_IF_ERROR(hashes.Add(hash_, IdKey(doc_id)));

    // Provenance, as AddDocument records it, in key order: 'e' < 'm' < 'n' < 's'.
    auto& prov = *sinks.emplace_back(
        std::make_unique<SstSink>(store_, Cf::kProvenance, sink_path(Cf::kProvenance)));
    // Each statement as AddFact records it: confidence 1, its relation as
    // written, no qualifiers (BulkLoadable triples have none).
    StatementRecord record;
    for (const auto& [edge, line, statement] : evidence) {
      record.text = texts_[statements_[statement].text];
      QUIVER_RETURN_IF_ERROR(prov.Add(DocEvidenceKey(doc_id, edge, line), EncodeStatement(record)));
    }
    for (size_t i = 0; i < nodes_.size(); ++i)
      QUIVER_RETURN_IF_ERROR(prov.Add(NodeDocKey(i + 1, doc_id), ""));
    for (size_t i = 0; i < nodes_.size(); ++i) {
      MentionRecord mention;
      mention.mentions = nodes_[i].mentions;
      mention.created = true;
      mention.aliases = nodes_[i].aliases;
      mention.added_aliases = nodes_[i].aliases;
      // Why each mention landed here, as AddDocument words it: the first
      // made the node, the others share its normalised name.
      mention.resolutions.push_back(
          {nodes_[i].name, nodes_[i].name, "", std::string(kNewNodeReason), 1});
      for (const auto& [form, n] : nodes_[i].later_forms) {
        mention.resolutions.push_back(
            {form, form, "",
             MatchReason("", i + 1, nodes_[i].name, kCreatedHere, kMentionHasNoLabels), n});
      }
      QUIVER_RETURN_IF_ERROR(prov.Add(DocNodeKey(doc_id, i + 1), EncodeMention(mention)));
    }
    QUIVER_RETURN_IF_ERROR(prov.Add(SourceKey(doc.source, doc_id), ""));
    return absl::OkStatus();
  };

  std::vector<std::unique_ptr<SstSink>> sinks_a, sinks_b;
  absl::Status status_a;
  std::thread worker([&] { status_a = write_a(sinks_a); });
  absl::Status status_b = write_b(sinks_b);
  worker.join();
  QUIVER_RETURN_IF_ERROR(status_a);
  QUIVER_RETURN_IF_ERROR(status_b);

  Counters after = c;
  after.next_node = nodes_.size() + 1;
  after.next_edge = edges.size() + 1;
  after.next_doc = doc_id + 1;
  after.next_term = terms_.size() + 1;
  after.nodes = int64_t(nodes_.size());
  after.edges = int64_t(edges.size());
  after.docs = 1;
  after.evidence = int64_t(evidence.size());
  std::vector<std::pair<std::string_view, uint64_t>> meta_entries = {
      {meta::kNodeCount, uint64_t(after.nodes)},   {meta::kDocCount, uint64_t(after.docs)},
      {meta::kEdgeCount, uint64_t(after.edges)},   {meta::kEvidenceCount, uint64_t(after.evidence)},
      {meta::kNextDocId, after.next_doc},          {meta::kNextEdgeId, after.next_edge},
      {meta::kNextNodeId, after.next_node},        {meta::kNextTermId, after.next_term}};
  std::sort(meta_entries.begin(), meta_entries.end());
  auto& meta_sink = *sinks_b.emplace_back(std::make_unique<SstSink>(store_, Cf::kMeta, sink_path(Cf::kMeta)));
  for (const auto& [k, v] : meta_entries) QUIVER_RETURN_IF_ERROR(meta_sink.Add(k, U64(v)));

  std::vector<rocksdb::IngestExternalFileArg> args;
  for (auto* sinks : {&sinks_a, &sinks_b}) {
    for (auto& sink : *sinks) {
      QUIVER_ASSIGN_OR_RETURN(bool written, sink->Finish());
      if (!written) continue;
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = store_->handle(sink->cf());
      arg.external_files = {sink->path()};
      arg.options.move_files = true;
      args.push_back(std::move(arg));
    }
  }
  QUIVER_RETURN_IF_ERROR(FromRocksDb(store_->db()->IngestExternalFiles(args),
                                     absl::StrCat("store ", dir, ": ingesting bulk files")));

  std::vector<std::pair<std::string, TermId>> new_terms;
  for (size_t i = 0; i < terms_.size(); ++i) new_terms.emplace_back(terms_[i], TermId(i + 1));
  store_->PublishCommit(after, new_terms);

  AddResult result;
  result.doc = doc_id;
  result.nodes_created = after.nodes;
  result.edges_created = after.edges;
  result.evidence_added = after.evidence;
  return result;
}

}  // namespace quiver::graph
