// extract_only: facts out of text, printed as tab-separated lines (subject,
// relation, object, the sentence that states it), for a pipeline that keeps
// its own store.
//
// The public API extracts through Database::Ingest, so this program still
// opens a store: an in-memory one, thrown away at exit, that nothing else
// sees. A store-free extractor (quiver::Extractor) is being added to the
// public API; with it this program needs no store at all.
//
//   extract_only FILE...     (no file: standard input)

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "quiver/quiver.h"

namespace {

bool Extract(quiver::Database& db, const std::string& source, const std::string& text) {
  quiver::DocumentInput doc;
  doc.source = source;
  doc.content = text;
  auto added = db.Ingest(doc);
  if (!added.ok()) {
    std::cerr << source << ": " << added.status() << "\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  quiver::Options options;
  options.in_memory = true;
  auto db = quiver::Database::Open("/extract-only", options);
  if (!db.ok()) {
    std::cerr << db.status() << "\n";
    return 1;
  }
  bool ok = true;
  if (argc < 2) {
    std::stringstream text;
    text << std::cin.rdbuf();
    ok = Extract(**db, "stdin", text.str());
  }
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << argv[i] << ": cannot read\n";
      return 1;
    }
    std::stringstream text;
    text << in.rdbuf();
    ok = Extract(**db, argv[i], text.str()) && ok;
  }

  // Each fact once per sentence that states it.
  absl::Status status = (*db)->ForEachEdge([&](const quiver::Edge& edge) {
    auto subject = (*db)->GetNode(edge.src);
    auto object = (*db)->GetNode(edge.dst);
    auto evidence = (*db)->EvidenceFor(edge.id);
    if (!subject.ok() || !object.ok() || !evidence.ok()) {
      ok = false;
      return false;
    }
    for (const quiver::Evidence& e : *evidence) {
      std::cout << subject->name << "\t" << (edge.negated() ? "not " : "") << edge.type << "\t"
                << object->name << "\t" << e.text << "\n";
    }
    return true;
  });
  if (!status.ok()) std::cerr << status << "\n";
  return ok && status.ok() ? 0 : 1;
}
