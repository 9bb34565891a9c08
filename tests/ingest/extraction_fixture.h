// Shared helpers of the extraction tests: a document through the real
// parser, and the triples it gave looked up by (subject, relation, object).

#ifndef QUIVER_TESTS_INGEST_EXTRACTION_FIXTURE_H_
#define QUIVER_TESTS_INGEST_EXTRACTION_FIXTURE_H_

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "ingest/pipeline.h"

namespace quiver::ingest::fixture {

// The triples of one document `text`, parsed with the default settings.
inline std::vector<Triple> Extract(const std::string& text) {
  static auto dict = LinkDictionary::Load();
  EXPECT_TRUE(dict.ok()) << dict.status();
  ParserSession parser(*dict, ParserSettings());
  SourceDocument doc;
  doc.source = "test";
  doc.text = text;
  return ExtractDocument(doc, parser).input.triples;
}

inline const Triple* Find(const std::vector<Triple>& ts, const std::string& s,
                          const std::string& r, const std::string& o) {
  for (const Triple& t : ts)
    if (t.subject == s && t.relation == r && t.object == o) return &t;
  return nullptr;
}

inline bool HasSubject(const std::vector<Triple>& ts, const std::string& s) {
  for (const Triple& t : ts)
    if (t.subject == s) return true;
  return false;
}

inline bool HasRelation(const std::vector<Triple>& ts, const std::string& r) {
  for (const Triple& t : ts)
    if (t.relation == r) return true;
  return false;
}

// The modality qualifier of (s, r, o), or "(no such triple)": one
// EXPECT_EQ checks both that the triple is there and how sure it is.
inline std::string ModalityOf(const std::vector<Triple>& ts, const std::string& s,
                              const std::string& r, const std::string& o) {
  const Triple* t = Find(ts, s, r, o);
  return t == nullptr ? "(no such triple)" : t->qualifiers.at("modality").AsString();
}

// "(s; r; o) ..." for failure messages.
inline std::string Dump(const std::vector<Triple>& ts) {
  std::string out;
  for (const Triple& t : ts) out += "(" + t.subject + "; " + t.relation + "; " + t.object + ") ";
  return out;
}

}  // namespace quiver::ingest::fixture

#endif  // QUIVER_TESTS_INGEST_EXTRACTION_FIXTURE_H_
