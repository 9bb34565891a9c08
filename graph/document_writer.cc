#include "graph/document_writer.h"

#include <algorithm>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "graph/bulk_loader.h"
#include "graph/content_hash.h"
#include "graph/document_remover.h"
#include "graph/curation.h"
#include "graph/name_normalizer.h"
#include "graph/write_txn.h"
#include "util/status_macros.h"
#include "util/utf8.h"

namespace quiver::graph {

namespace {

absl::Status InTriple(size_t index, const absl::Status& status) {
  if (status.ok()) return status;
  return absl::Status(status.code(),
                      absl::StrCat("triple ", index + 1, ": ", status.message()));
}

// Sources that name one document over time. Standard input ("-") and an
// unnamed document are new documents each time, never a new version.
bool Replaceable(std::string_view source) { return !source.empty() && source != "-"; }

// What the document's statements did to one node, gathered over the document.
void NoteMention(MentionRecord* m, bool created, std::string_view name,
                 const std::vector<std::string>& labels,
                 const std::vector<std::string>& aliases, const NodeAdditions& added) {
  auto add = [](std::vector<std::string>* to, const std::string& s) {
    if (std::find(to->begin(), to->end(), s) == to->end()) to->push_back(s);
  };
  ++m->mentions;
  m->created |= created;
  add(&m->aliases, std::string(name));
  for (const auto& a : aliases) add(&m->aliases, a);
  for (const auto& l : labels) add(&m->labels, l);
  for (const auto& a : added.aliases) add(&m->added_aliases, a);
  for (const auto& l : added.labels) add(&m->added_labels, l);
}

// The mention as written (the triple's name when it gives none), kept in the
// evidence for kg.split; empty when it is the node's own name, which is what
// an empty mention means, so the common case costs nothing. Node names do
// not change within the document's transaction, so they are looked up once.
class MentionKeeper {
 public:
  explicit MentionKeeper(const WriteTxn& txn) : txn_(txn) {}

  absl::StatusOr<std::string> Keep(NodeId node, const std::string& name,
                                   const std::string& mention) {
    const std::string& written = mention.empty() ? name : mention;
    auto it = names_.find(node);
    if (it == names_.end()) {
      QUIVER_ASSIGN_OR_RETURN(auto n, txn_.GetNode(node));
      it = names_.emplace(node, n ? n->name : std::string()).first;
    }
    if (written == it->second || NormalizeName(written) == NormalizeName(it->second))
      return std::string();
    return written;
  }

 private:
  const WriteTxn& txn_;
  absl::flat_hash_map<NodeId, std::string> names_;
};

// The name and aliases one side of a triple is resolved by: ingest's
// canonical name, except when the mention as written is a name that kg.split
// took away from the node that canonical name finds ("Dahl" written, "Erik
// Dahl" resolved, "Dahl" split off Erik Dahl): the user said that mention is
// someone else, so it is resolved by the mention alone.
struct ResolveBy {
  std::string_view name;
  const std::vector<std::string>* aliases;
};

absl::StatusOr<ResolveBy> NameToResolve(const WriteTxn& txn, const std::string& name,
                                        const std::string& mention,
                                        const std::vector<std::string>& labels,
                                        const std::vector<std::string>& aliases) {
  static const std::vector<std::string>* const kNone = new std::vector<std::string>();
  ResolveBy by{name, &aliases};
  if (mention.empty()) return by;
  if (util::FindInvalidUtf8(mention) != std::string_view::npos)
    return absl::InvalidArgumentError("mention is not valid UTF-8");
  if (mention.size() > kMaxNameBytes) return absl::InvalidArgumentError("mention is too long");
  const std::string key = NormalizeName(mention);
  if (key.empty() || key == NormalizeName(name)) return by;
  QUIVER_ASSIGN_OR_RETURN(bool split_off, NameEverSplitOff(txn, key));
  if (!split_off) return by;
  QUIVER_ASSIGN_OR_RETURN(auto target, txn.FindNamedNode(name, labels));
  if (!target) return by;
  QUIVER_ASSIGN_OR_RETURN(bool blocked, NameBlocked(txn, key, *target));
  return blocked ? ResolveBy{mention, kNone} : by;
}

bool BulkLoadable(const Triple& t) {
  return t.subject_labels.empty() && t.object_labels.empty() &&
         t.subject_aliases.empty() && t.object_aliases.empty() &&
         t.qualifiers.empty() && !t.negated && t.confidence == 1.0 &&
         t.begin == 0 && t.end == 0 && t.subject_mention.empty() &&
         t.object_mention.empty();
}

absl::StatusOr<AddResult> BulkAdd(Store& store, const DocumentInput& input) {
  BulkLoader loader(&store);
  Document doc;
  doc.source = input.source;
  doc.title = input.title;
  doc.date = input.date;
  doc.url = input.url;
  loader.SetDocument(doc, input.content);
  for (size_t i = 0; i < input.triples.size(); ++i) {
    const Triple& t = input.triples[i];
    QUIVER_RETURN_IF_ERROR(InTriple(i, loader.AddStatement(t.subject, t.relation, t.object,
                                                           t.sentence, t.text,
                                                           t.sentence_text, t.source)));
  }
  return loader.Finish();
}

}  // namespace

absl::StatusOr<AddResult> AddDocument(Store& store, const DocumentInput& input,
                                      size_t bulk_threshold) {
  if (input.source.find('\0') != std::string::npos) {
    return absl::InvalidArgumentError("document source contains a NUL byte");
  }
  const Counters counters = store.counters();
  if (input.triples.size() >= bulk_threshold && counters.nodes == 0 &&
      counters.docs == 0 && counters.next_term == 1 &&
      std::all_of(input.triples.begin(), input.triples.end(), BulkLoadable)) {
    // Finish() re-checks emptiness under the writer lock; a writer that got
    // in first makes it fail cleanly, and the ordinary path takes over.
    auto result = BulkAdd(store, input);
    if (result.ok() || result.status().code() != absl::StatusCode::kFailedPrecondition)
      return result;
  }
  std::string hash = ContentHash(input.content);
  QUIVER_ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  AddResult result;
  QUIVER_ASSIGN_OR_RETURN(auto existing, txn->FindDocumentByHash(hash));
  if (existing) {
    result.duplicate = true;
    result.doc = *existing;
    return result;
  }
  // A new version of a document replaces the old one in this same batch, so
  // a crash leaves one version or the other, never both or a mix.
  if (Replaceable(input.source)) {
    QUIVER_ASSIGN_OR_RETURN(std::vector<DocId> old, FindDocumentsBySource(*txn, input.source));
    RemoveResult removed;
    for (DocId id : old) QUIVER_RETURN_IF_ERROR(RemoveDocument(*txn, id, &removed));
    result.replaced = removed.documents;
  }
  Document doc;
  doc.source = input.source;
  doc.title = input.title;
  doc.date = input.date;
  doc.url = input.url;
  doc.statements = int64_t(input.triples.size());
  result.doc = txn->AddDocumentRecord(doc, hash);

  const Counters before = txn->counters();
  // Ordered by node id so the provenance entries are written in key order.
  std::map<NodeId, MentionRecord> mentions;
  MentionKeeper mentions_as_written(*txn);
  for (size_t i = 0; i < input.triples.size(); ++i) {
    const Triple& t = input.triples[i];
    NodeAdditions subject_added, object_added;
    auto s = NameToResolve(*txn, t.subject, t.subject_mention, t.subject_labels,
                           t.subject_aliases);
    QUIVER_RETURN_IF_ERROR(InTriple(i, s.status()));
    auto subject = txn->FindOrCreateNamedNode(s->name, t.subject_labels, *s->aliases,
                                              &subject_added);
    QUIVER_RETURN_IF_ERROR(InTriple(i, subject.status()));
    NoteMention(&mentions[subject->first], subject->second, s->name, t.subject_labels,
                *s->aliases, subject_added);
    auto o = NameToResolve(*txn, t.object, t.object_mention, t.object_labels, t.object_aliases);
    QUIVER_RETURN_IF_ERROR(InTriple(i, o.status()));
    auto object = txn->FindOrCreateNamedNode(o->name, t.object_labels, *o->aliases,
                                             &object_added);
    QUIVER_RETURN_IF_ERROR(InTriple(i, object.status()));
    NoteMention(&mentions[object->first], object->second, o->name, t.object_labels,
                *o->aliases, object_added);
    FactProperties fact;
    fact.text = t.text;
    fact.negated = t.negated;
    fact.confidence = t.confidence;
    fact.qualifiers = t.qualifiers;
    Evidence evidence;
    evidence.doc = result.doc;
    evidence.sentence = t.sentence;
    evidence.begin = t.begin;
    evidence.end = t.end;
    evidence.text = t.sentence_text;
    evidence.source = t.source;
    QUIVER_ASSIGN_OR_RETURN(evidence.subject_mention,
                            mentions_as_written.Keep(subject->first, t.subject, t.subject_mention));
    QUIVER_ASSIGN_OR_RETURN(evidence.object_mention,
                            mentions_as_written.Keep(object->first, t.object, t.object_mention));
    auto edge = txn->AddFact(subject->first, t.relation, object->first, fact, evidence);
    QUIVER_RETURN_IF_ERROR(InTriple(i, edge.status()));
  }
  for (const auto& [node, mention] : mentions) txn->AddMention(result.doc, node, mention);
  const Counters& after = txn->counters();
  result.nodes_created = after.nodes - before.nodes;
  result.edges_created = after.edges - before.edges;
  result.evidence_added = after.evidence - before.evidence;
  QUIVER_RETURN_IF_ERROR(txn->Commit());
  return result;
}

}  // namespace quiver::graph
