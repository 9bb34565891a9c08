// BulkLoader::Finish's stages: grouping the statements into edges, and
// writing each family's SST file from the sorted entries.

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "graph/bulk_loader.h"
#include "graph/coding.h"
#include "graph/internal/bulk_entries.h"
#include "graph/key_format.h"
#include "graph/records.h"
#include "graph/sst_sink.h"
#include "util/status_macros.h"

namespace quiver::graph {

namespace {

// The build targets plain x86-64, which has no popcnt instruction, so
// __builtin_popcountll is a call into libgcc (perf at 1M edges: 0.75% of the
// load in __popcountdi2, for the five million edge ids looked up).
inline uint32_t PopCount(uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return uint32_t((x * 0x0101010101010101ULL) >> 56);
}

}  // namespace

absl::StatusOr<BulkLoader::EdgeTotals> BulkLoader::GroupEdges() {
  Entries& e = *entries_;
  // Once statements have spilled, their last run goes to disk too, so that
  // they and the entries made from them do not both fill the budget.
  if (e.statements.runs() > 0) QUIVER_RETURN_IF_ERROR(e.statements.Spill());
  const size_t held = e.statements.memory_bytes();
  const size_t left = options_.memory_budget > held ? options_.memory_budget - held : 0;
  // Per edge: 16 bytes in each of the three index orders, 32 for its record
  // and 32 for each line stating it, budgeted in proportion, and room for
  // the two largest to be sorted at once (two threads): 176 bytes in all.
  const size_t unit = left / 176;
  for (auto* runs : {&e.out, &e.in, &e.by_type}) runs->set_budget(16 * unit);
  for (auto* runs : {&e.edges, &e.evidence}) runs->set_budget(32 * unit);

  // Edges are numbered in order of their first statement, as AddFact would
  // create them. Sorted by fact, each fact's first statement is the first of
  // its group. The entries made here carry that statement's index in place
  // of the edge id (the order is the same), and mark it in a bitmap over
  // statement indexes; once all are marked, an edge's id is the number of
  // marks up to its first statement (EdgeId), so one pass over the
  // statements does.
  first_.assign((statements_ + 63) / 64, 0);
  EdgeTotals totals;
  std::vector<Wide> group;
  auto flush = [&]() -> absl::Status {
    const Wide& head = group.front();
    const uint32_t s = Field(head.key, 0), t = Field(head.key, 1), o = Field(head.key, 2);
    const uint32_t edge = Field(head.key, 3);  // Its first statement, for now.
    first_[edge >> 6] |= uint64_t{1} << (edge & 63);
    const uint32_t text = head.b;  // The first statement's relation as written.
    QUIVER_RETURN_IF_ERROR(e.out.Add(Pack(s, t, o, edge)));
    QUIVER_RETURN_IF_ERROR(e.in.Add(Pack(o, t, s, edge)));
    QUIVER_RETURN_IF_ERROR(e.by_type.Add(Pack(t, s, o, edge)));
    // A line that states the fact twice counts once, with its first
    // statement's evidence, as AddFact keeps it.
    if (group.size() > 1) {
      std::sort(group.begin(), group.end(), [](const Wide& x, const Wide& y) {
        return x.a != y.a ? x.a < y.a : x.key < y.key;
      });
    }
    uint32_t count = 0;
    for (size_t i = 0; i < group.size(); ++i) {
      if (i > 0 && group[i].a == group[i - 1].a) continue;
      ++count;
      QUIVER_RETURN_IF_ERROR(
          e.evidence.Add({Pack(edge, group[i].a, 0, 0), group[i].b, group[i].c, 0, 0}));
    }
    QUIVER_RETURN_IF_ERROR(e.edges.Add({Pack(edge, count, 0, 0), s, o, t, text}));
    ++totals.edges;
    totals.evidence += count;
    group.clear();
    return absl::OkStatus();
  };
  Packed previous = ~Packed(0);  // No fact: facts are 96 bits.
  QUIVER_RETURN_IF_ERROR(e.statements.ForEach([&](const Wide& w) {
    Packed fact = w.key >> 32;
    if (fact != previous && !group.empty()) QUIVER_RETURN_IF_ERROR(flush());
    previous = fact;
    group.push_back(w);
    return absl::OkStatus();
  }));
  if (!group.empty()) QUIVER_RETURN_IF_ERROR(flush());
  // Everything after works from the entries made here: the statements'
  // memory (32 MB at 1M) is free for the sorts of the families' tasks.
  e.statements.Release();
  rank_.resize(first_.size());
  uint32_t marks = 0;
  for (size_t i = 0; i < first_.size(); ++i) {
    rank_[i] = marks;
    marks += PopCount(first_[i]);
  }
  return totals;
}

uint32_t BulkLoader::EdgeId(uint32_t first_statement) const {
  const uint32_t i = first_statement;
  uint64_t below = first_[i >> 6] & ((uint64_t{1} << (i & 63)) - 1);
  return rank_[i >> 6] + PopCount(below) + 1;
}

absl::Status BulkLoader::WriteIndex(Cf cf, std::vector<std::unique_ptr<SstSink>>& sinks) {
  Entries& e = *entries_;
  auto& sink = *sinks.emplace_back(std::make_unique<SstSink>(store_, cf, SinkPath(CfName(cf))));
  // One buffer for every key: the appending encoders reuse it.
  std::string key;
  auto add = [&](void (*append)(std::string*, const AdjEntry&), const AdjEntry& entry) {
    key.clear();
    append(&key, entry);
    return sink.Add(key, {});
  };
  switch (cf) {
    case Cf::kOut:
      return e.out.ForEach([&](Packed v) {
        return add(AppendOutKey, {Field(v, 0), Field(v, 1), Field(v, 2), EdgeId(Field(v, 3))});
      });
    case Cf::kIn:
      return e.in.ForEach([&](Packed v) {
        return add(AppendInKey, {Field(v, 2), Field(v, 1), Field(v, 0), EdgeId(Field(v, 3))});
      });
    case Cf::kByType:
      return e.by_type.ForEach([&](Packed v) {
        return add(AppendByTypeKey, {Field(v, 1), Field(v, 0), Field(v, 2), EdgeId(Field(v, 3))});
      });
    default:
      return absl::InternalError(absl::StrCat("bulk load: ", CfName(cf), " is no index family"));
  }
}

absl::Status BulkLoader::WriteEdges(std::vector<std::unique_ptr<SstSink>>& sinks) {
  // Edge records differ only in ids, count and text: encode one record per
  // (text, count) with its property map, and change only the ids.
  absl::flat_hash_map<std::pair<uint32_t, uint32_t>, std::string> records;
  auto& edges = *sinks.emplace_back(std::make_unique<SstSink>(
      store_, Cf::kEdges, SinkPath(CfName(Cf::kEdges)), SstFilter::kNone));
  std::string key;
  return entries_->edges.ForEach([&](const Wide& w) {
    const uint32_t count = Field(w.key, 1);
    auto [it, inserted] = records.try_emplace({w.d, count});
    std::string& record = it->second;
    if (inserted) {
      EdgeRecord edge;
      edge.properties["confidence"] = Value(1.0);
      edge.properties["count"] = Value(int64_t(count));
      edge.properties["negated"] = Value(false);
      edge.properties["text"] = Value(texts_[w.d]);
      record = EncodeEdge(edge);
    }
    SetEdgeEnds(&record, w.a, w.b, w.c);
    key.clear();
    AppendIdKey(&key, EdgeId(Field(w.key, 0)));
    return edges.Add(key, record);
  });
}

absl::Status BulkLoader::WriteEvidence(std::vector<std::unique_ptr<SstSink>>& sinks) {
  auto& evidence = *sinks.emplace_back(
      std::make_unique<SstSink>(store_, Cf::kEvidence, SinkPath(CfName(Cf::kEvidence))));
  auto& provenance = *sinks.emplace_back(std::make_unique<SstSink>(
      store_, Cf::kProvenance, SinkPath("provenance-statements"), SstFilter::kNone));
  // Each statement as AddFact records it: confidence 1, its relation as
  // written, no qualifiers (BulkLoadable triples have none). One encoding
  // per relation text.
  std::vector<std::string> statement_by_text(texts_.size());
  std::string key;
  return entries_->evidence.ForEach([&](const Wide& w) -> absl::Status {
    const uint32_t edge = EdgeId(Field(w.key, 0)), line = Field(w.key, 1);
    key.clear();
    AppendEvidenceKey(&key, edge, kDocId, line);
    QUIVER_RETURN_IF_ERROR(evidence.Add(key, evidence_values_[w.b]));
    std::string& value = statement_by_text[w.a];
    if (value.empty()) {
      StatementRecord record;
      record.text = texts_[w.a];
      value = EncodeStatement(record);
    }
    key.clear();
    AppendDocEvidenceKey(&key, kDocId, edge, line);
    return provenance.Add(key, value);
  });
}

absl::Status BulkLoader::WriteNodeFamilies(std::vector<std::unique_ptr<SstSink>>& sinks) {
  const std::vector<std::pair<const std::string*, int64_t>> form_by_id = CountMentions();
  auto& nodes = *sinks.emplace_back(std::make_unique<SstSink>(
      store_, Cf::kNodes, SinkPath(CfName(Cf::kNodes)), SstFilter::kNone));
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
  auto& name_sink = *sinks.emplace_back(
      std::make_unique<SstSink>(store_, Cf::kNames, SinkPath(CfName(Cf::kNames))));
  for (const auto& k : names) QUIVER_RETURN_IF_ERROR(name_sink.Add(k, ""));

  // The small families: terms, the document and its hash.
  std::vector<std::pair<std::string, std::string>> terms;
  for (size_t i = 0; i < terms_.size(); ++i) {
    std::string id;
    PutFixed32BE(&id, uint32_t(i + 1));
    terms.emplace_back(TermByNameKey(terms_[i]), id);
    terms.emplace_back(TermByIdKey(uint32_t(i + 1)), terms_[i]);
  }
  std::sort(terms.begin(), terms.end());
  auto& term_sink = *sinks.emplace_back(
      std::make_unique<SstSink>(store_, Cf::kTerms, SinkPath(CfName(Cf::kTerms))));
  for (const auto& [k, v] : terms) QUIVER_RETURN_IF_ERROR(term_sink.Add(k, v));
  Document doc = doc_;
  doc.statements = int64_t(statements_);
  auto& docs = *sinks.emplace_back(
      std::make_unique<SstSink>(store_, Cf::kDocs, SinkPath(CfName(Cf::kDocs))));
  QUIVER_RETURN_IF_ERROR(docs.Add(IdKey(kDocId), EncodeDocument(doc, hash_)));
  auto& hashes = *sinks.emplace_back(
      std::make_unique<SstSink>(store_, Cf::kHashes, SinkPath(CfName(Cf::kHashes))));
  QUIVER_RETURN_IF_ERROR(hashes.Add(hash_, IdKey(kDocId)));

  // The nodes' provenance, as AddDocument records it, in key order:
  // 'm' < 'n' < 's' (the statements' 'e' keys are in a file of their own).
  auto& provenance = *sinks.emplace_back(
      std::make_unique<SstSink>(store_, Cf::kProvenance, SinkPath("provenance-nodes")));
  for (size_t i = 0; i < nodes_.size(); ++i)
    QUIVER_RETURN_IF_ERROR(provenance.Add(NodeDocKey(i + 1, kDocId), ""));
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
    for (uint32_t form : nodes_[i].later_forms) {
      const auto& [text_ptr, later] = form_by_id[form];
      const std::string& text = *text_ptr;
      mention.resolutions.push_back(
          {text, text, "",
           MatchReason("", i + 1, nodes_[i].name, kCreatedHere, kMentionHasNoLabels),
           later});
    }
    QUIVER_RETURN_IF_ERROR(provenance.Add(DocNodeKey(kDocId, i + 1), EncodeMention(mention)));
  }
  return provenance.Add(SourceKey(doc.source, kDocId), "");
}

}  // namespace quiver::graph
