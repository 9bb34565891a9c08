// Built-in db.* procedures: what the store holds.

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
}

}  // namespace quiver::query
