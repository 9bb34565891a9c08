// Built-in db.* procedures: what the store holds.
//
//   CALL db.labels() YIELD label
//   CALL db.relationshipTypes() YIELD relationshipType
//   CALL db.documents() YIELD id, source, title, url, date, published, statements
//   CALL db.evidence(r) YIELD doc, source, sentence, text, time, time_start,
//                             time_end, time_granularity, time_kind, reported

#include <optional>
#include <vector>

#include "graph/reader.h"
#include "graph/store.h"
#include "query/procedures/registry.h"

namespace quiver::query {

namespace {

// Terms in use as labels (kLabels) or relationship types (kByType).
std::vector<ValueList> TermsInUse(const graph::Reader& reader, bool labels) {
  std::vector<ValueList> rows;
  for (const auto& [id, text] : reader.store().Terms()) {
    bool used = false;
    auto stop = [&](auto&&...) { used = true; return false; };
    absl::Status s = labels ? reader.ScanLabel(id, stop) : reader.ScanEdges(id, stop);
    if (s.ok() && used) rows.push_back({Value(text)});
  }
  return rows;
}

// A statement's qualifier, or null.
Value Qualifier(const Evidence& e, const char* key) {
  auto it = e.qualifiers.find(key);
  return it == e.qualifiers.end() ? Value() : it->second;
}

// Each statement of a relationship with its time (graph/fact_time.h): what
// first_seen / last_seen were folded from.
absl::StatusOr<std::vector<ValueList>> EvidenceRows(const graph::Reader& reader,
                                                    const ValueList& args) {
  if (args[0].is_null()) return std::vector<ValueList>();
  const EdgeId edge = args[0].AsRelationship().id;
  auto statements = reader.EvidenceFor(edge);
  if (!statements.ok()) return statements.status();
  std::vector<ValueList> rows;
  std::optional<DocId> doc;
  Value source;
  for (const Evidence& e : *statements) {
    if (doc != e.doc) {  // Statements come by document: one lookup each.
      doc = e.doc;
      auto d = reader.GetDocument(e.doc);
      if (!d.ok()) return d.status();
      source = *d ? Value((*d)->source) : Value();
    }
    rows.push_back({Value(int64_t(e.doc)), source, Value(int64_t(e.sentence)), Value(e.text),
                    Qualifier(e, "time"), Qualifier(e, "time_start"), Qualifier(e, "time_end"),
                    Qualifier(e, "time_granularity"), Qualifier(e, "time_kind"),
                    Qualifier(e, "reported")});
  }
  return rows;
}

}  // namespace

void RegisterDbProcedures(ProcedureRegistry& registry) {
  Procedure labels;
  labels.name = "db.labels";
  labels.outputs = {{"label", ProcType::kString}};
  labels.description = "Every node label in use.";
  labels.fn = [](const graph::Reader& reader, const ValueList&)
      -> absl::StatusOr<std::vector<ValueList>> { return TermsInUse(reader, true); };
  (void)registry.Register(std::move(labels));

  Procedure types;
  types.name = "db.relationshipTypes";
  types.outputs = {{"relationshipType", ProcType::kString}};
  types.description = "Every relationship type in use.";
  types.fn = [](const graph::Reader& reader, const ValueList&)
      -> absl::StatusOr<std::vector<ValueList>> { return TermsInUse(reader, false); };
  (void)registry.Register(std::move(types));

  Procedure documents;
  documents.name = "db.documents";
  documents.outputs = {{"id", ProcType::kInt},        {"source", ProcType::kString},
                       {"title", ProcType::kString},  {"url", ProcType::kString},
                       {"date", ProcType::kAny},      {"published", ProcType::kString},
                       {"statements", ProcType::kInt}};
  documents.description =
      "Every document, by id: its source, title, URL, publication day (a Date, null when "
      "unknown), the date as stored (with time and offset when the document gave them) "
      "and how many statements it made.";
  documents.fn = [](const graph::Reader& reader, const ValueList&)
      -> absl::StatusOr<std::vector<ValueList>> {
    auto docs = reader.Documents();
    if (!docs.ok()) return docs.status();
    std::vector<ValueList> rows;
    rows.reserve(docs->size());
    for (const Document& d : *docs) {
      rows.push_back({Value(int64_t(d.id)), Value(d.source), Value(d.title), Value(d.url),
                      d.date_value(), d.date.empty() ? Value() : Value(d.date),
                      Value(d.statements)});
    }
    return rows;
  };
  (void)registry.Register(std::move(documents));

  Procedure evidence;
  evidence.name = "db.evidence";
  evidence.inputs = {{"relationship", ProcType::kRelationship}};
  evidence.outputs = {{"doc", ProcType::kInt},           {"source", ProcType::kString},
                      {"sentence", ProcType::kInt},      {"text", ProcType::kString},
                      {"time", ProcType::kString},       {"time_start", ProcType::kAny},
                      {"time_end", ProcType::kAny},      {"time_granularity", ProcType::kString},
                      {"time_kind", ProcType::kString},  {"reported", ProcType::kAny}};
  evidence.description =
      "Every statement of a relationship, by document then sentence: the document, its "
      "source, the sentence index and text, the time expression the sentence gave (words, "
      "first and last day as Dates, granularity, kind; null when none) and the document's "
      "date (reported).";
  evidence.fn = EvidenceRows;
  (void)registry.Register(std::move(evidence));
}

}  // namespace quiver::query
