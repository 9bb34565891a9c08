// embed: Quiver as a library. Builds a small graph from one document,
// questions it with a query, and prints the evidence of an edge.
//
//   build/release/examples/embed [STORE]     (default: an in-memory store)

#include <iostream>

#include "quiver/quiver.h"

int main(int argc, char** argv) {
  quiver::Options options;
  options.in_memory = argc < 2;  // No path given: nothing touches the disk.
  auto db = quiver::Database::Open(argc < 2 ? "/embed-example" : argv[1], options);
  if (!db.ok()) {
    std::cerr << "cannot open the store: " << db.status() << "\n";
    return 1;
  }

  // Facts you extracted yourself go in as triples with their evidence; the
  // whole document is one atomic write.
  quiver::DocumentInput doc;
  doc.source = "harbour-notes.txt";
  doc.content = "Marta Lind chairs the harbour committee. The committee approved the plan.";
  quiver::Triple chair;
  chair.subject = "Marta Lind";
  chair.relation = "chair";
  chair.object = "harbour committee";
  chair.subject_labels = {"Person"};
  chair.sentence = 0;
  chair.sentence_text = "Marta Lind chairs the harbour committee.";
  quiver::Triple approve;
  approve.subject = "harbour committee";
  approve.relation = "approve";
  approve.object = "harbour plan";
  approve.sentence = 1;
  approve.sentence_text = "The committee approved the plan.";
  doc.triples = {chair, approve};
  auto added = (*db)->AddDocument(doc);
  if (!added.ok()) {
    std::cerr << added.status() << "\n";
    return 1;
  }

  // Names are matched ignoring case and accents; parameters keep values out
  // of the query text.
  auto result = (*db)->Query(
      "MATCH (p {name: $who})-[:chair]->(c)-[r:approve]->(x) "
      "RETURN p.name AS who, c.name AS body, x.name AS decision, id(r) AS edge",
      {{"who", quiver::Value("marta lind")}});
  if (!result.ok()) {
    std::cerr << result.status() << "\n";
    return 1;
  }
  int64_t edge = -1;
  for (const auto& row : *result) {
    std::cout << row[0].AsString() << " chairs the " << row[1].AsString()
              << ", which approved the " << row[2].AsString() << "\n";
    edge = row[3].AsInt();
  }
  if (edge < 0) return 1;

  // Why is that edge there?
  auto evidence = (*db)->EvidenceFor(quiver::EdgeId(edge));
  if (!evidence.ok()) return 1;
  for (const auto& e : *evidence) {
    auto source = (*db)->GetDocument(e.doc);
    std::cout << "  stated in " << (source.ok() ? source->source : "?") << ", sentence "
              << e.sentence << ": " << e.text << "\n";
  }
  return 0;
}
