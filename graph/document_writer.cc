#include "graph/document_writer.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "graph/bulk_loader.h"
#include "graph/content_hash.h"
#include "graph/write_txn.h"
#include "util/status_macros.h"

namespace quiver::graph {

namespace {

absl::Status InTriple(size_t index, const absl::Status& status) {
  if (status.ok()) return status;
  return absl::Status(status.code(),
                      absl::StrCat("triple ", index + 1, ": ", status.message()));
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
  Document doc;
  doc.source = input.source;
  doc.title = input.title;
  doc.date = input.date;
  doc.url = input.url;
  doc.statements = int64_t(input.triples.size());
  result.doc = txn->AddDocumentRecord(doc, hash);

  const Counters before = txn->counters();
  for (size_t i = 0; i < input.triples.size(); ++i) {
    const Triple& t = input.triples[i];
    auto subject = txn->FindOrCreateNamedNode(t.subject, t.subject_labels, t.subject_aliases);
    QUIVER_RETURN_IF_ERROR(InTriple(i, subject.status()));
    auto object = txn->FindOrCreateNamedNode(t.object, t.object_labels, t.object_aliases);
    QUIVER_RETURN_IF_ERROR(InTriple(i, object.status()));
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
  const Counters& after = txn->counters();
  result.nodes_created = after.nodes - before.nodes;
  result.edges_created = after.edges - before.edges;
  result.evidence_added = after.evidence - before.evidence;
  QUIVER_RETURN_IF_ERROR(txn->Commit());
  return result;
}

}  // namespace quiver::graph
