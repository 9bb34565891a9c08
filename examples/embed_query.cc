// embed_query: Quiver as a library in a few lines. Opens a store, ingests a
// few sentences (Quiver extracts the facts), asks a query with parameters
// and prints the answer with the sentence behind each fact.
//
//   embed_query [STORE]     (default: an in-memory store)

#include <iostream>

#include "quiver/quiver.h"

int main(int argc, char** argv) {
  quiver::Options options;
  options.in_memory = argc < 2;  // No path given: nothing touches the disk.
  auto db = quiver::Database::Open(argc < 2 ? "/embed-query" : argv[1], options);
  if (!db.ok()) {
    std::cerr << "cannot open the store: " << db.status() << "\n";
    return 1;
  }

  // Plain text in: sentences are parsed and their facts stored, each with
  // the sentence that states it. Re-ingesting the same text changes nothing.
  quiver::DocumentInput doc;
  doc.source = "council-minutes.txt";
  doc.date = "2024-03-04";
  doc.content =
      "Mayor Ingrid Holm opened the new library on Monday. "
      "The council approved the harbour budget. "
      "Holm criticised the budget.";
  auto added = (*db)->Ingest(doc);
  if (!added.ok()) {
    std::cerr << "cannot ingest: " << added.status() << "\n";
    return 1;
  }
  std::cout << "ingested " << doc.source << ": " << added->edges_created << " facts\n";

  // Parameters keep values out of the query text; names match ignoring
  // case, and a short form ("Holm") finds the full name.
  auto result = (*db)->Query(
      "MATCH (p {name: $who})-[r]->(x) "
      "RETURN p.name AS who, type(r) AS did, x.name AS what, id(r) AS edge "
      "ORDER BY did, what",
      {{"who", quiver::Value("holm")}});
  if (!result.ok()) {
    std::cerr << "query failed: " << result.status() << "\n";
    return 1;
  }
  quiver::ValueList row;
  while (result->Next(&row)) {
    std::cout << row[0].AsString() << " -" << row[1].AsString() << "-> " << row[2].AsString()
              << "\n";
    auto evidence = (*db)->EvidenceFor(quiver::EdgeId(row[3].AsInt()));
    if (!evidence.ok()) {
      std::cerr << evidence.status() << "\n";
      return 1;
    }
    for (const auto& e : *evidence) std::cout << "  because: " << e.text << "\n";
  }
  if (!result->status().ok()) {  // An error after the first rows.
    std::cerr << result->status() << "\n";
    return 1;
  }
  return 0;
}
