// extract_only: facts out of text, printed as tab-separated lines (subject,
// relation, object, the sentence that states it), for a pipeline that keeps
// its own store. No store is opened: quiver::Extractor (quiver/extractor.h)
// parses and extracts, nothing more.
//
//   extract_only FILE...     (no file: standard input)

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "quiver/quiver.h"

namespace {

// Prints each triple of `text` once per sentence that states it.
bool Extract(quiver::Extractor& extractor, const std::string& source, const std::string& text) {
  quiver::DocumentInput doc;
  doc.source = source;
  doc.content = text;
  auto extracted = extractor.ExtractText(doc);
  if (!extracted.ok()) {
    std::cerr << source << ": " << extracted.status() << "\n";
    return false;
  }
  for (const quiver::Triple& t : extracted->triples) {
    std::cout << t.subject << "\t" << (t.negated ? "not " : "") << t.relation << "\t" << t.object
              << "\t" << t.sentence_text << "\n";
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  auto extractor = quiver::Extractor::Create();
  if (!extractor.ok()) {
    std::cerr << extractor.status() << "\n";
    return 1;
  }
  bool ok = true;
  if (argc < 2) {
    std::stringstream text;
    text << std::cin.rdbuf();
    ok = Extract(**extractor, "stdin", text.str());
  }
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << argv[i] << ": cannot read\n";
      return 1;
    }
    std::stringstream text;
    text << in.rdbuf();
    ok = Extract(**extractor, argv[i], text.str()) && ok;
  }
  return ok ? 0 : 1;
}
