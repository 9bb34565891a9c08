#include "graph/document_writer.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "graph/bulk_loader.h"
#include "graph/content_hash.h"
#include "graph/document_remover.h"
#include "graph/write_txn.h"
#include "util/status_macros.h"

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

bool BulkLoadable(const Triple& t) {
  return t.subject_labels.empty() && t.object_labels.empty() &&
         t.subject_aliases.empty() && t.object_aliases.empty() &&
         t.qualifiers.empty() && !t.negated && t.confidence == 1.0 &&
         t.begin == 0 && t.end == 0;
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
  for (size_t i = 0; i < input.triples.size(); ++i) {
    const Triple& t = input.triples[i];
    NodeAdditions subject_added, object_added;
    auto subject = txn->FindOrCreateNamedNode(t.subject, t.subject_labels, t.subject_aliases,
                                              &subject_added);
    QUIVER_RETURN_IF_ERROR(InTriple(i, subject.status()));
    NoteMention(&mentions[subject->first], subject->second, t.subject, t.subject_labels,
                t.subject_aliases, subject_added);
    auto object = txn->FindOrCreateNamedNode(t.object, t.object_labels, t.object_aliases,
                                             &object_added);
    QUIVER_RETURN_IF_ERROR(InTriple(i, object.status()));
    NoteMention(&mentions[object->first], object->second, t.object, t.object_labels,
                t.object_aliases, object_added);
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
