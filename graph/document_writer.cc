#include "graph/document_writer.h"

#include "absl/strings/str_cat.h"
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

}  // namespace

absl::StatusOr<AddResult> AddDocument(Store& store, const DocumentInput& input) {
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
