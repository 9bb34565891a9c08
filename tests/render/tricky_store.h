// A store whose names and values stress every export: quotes, backslashes,
// newlines, non-Latin scripts, empty values, labels, a negated fact.

#ifndef QUIVER_TESTS_RENDER_TRICKY_STORE_H_
#define QUIVER_TESTS_RENDER_TRICKY_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "graph/document_writer.h"
#include "graph/store.h"
#include "gtest/gtest.h"

namespace quiver::render::testing {

inline const std::vector<std::string>& TrickyNames() {
  static const std::vector<std::string> names = {
      "Say \"hi\", <friend> & 'co'", "line one\nline two", "Ελλάδα", "東京",
      "back\\slash;semi,comma", "Plain"};
  return names;
}

inline std::unique_ptr<graph::Store> TrickyStore(const std::string& path, bool in_memory = true) {
  Options options;
  options.in_memory = in_memory;
  auto store = graph::Store::Open(path, options);
  EXPECT_TRUE(store.ok()) << store.status();
  const auto& n = TrickyNames();
  DocumentInput doc;
  doc.content = "tricky";
  doc.source = "tricky.txt";
  auto add = [&](const std::string& s, const std::string& rel, const std::string& o,
                 const std::string& sentence) {
    Triple t;
    t.subject = s;
    t.relation = rel;
    t.object = o;
    t.text = rel + " as written";
    t.sentence_text = sentence;
    t.source = "tricky.txt";
    t.sentence = static_cast<uint32_t>(doc.triples.size());
    doc.triples.push_back(t);
    return &doc.triples.back();
  };
  add(n[0], "greet", n[1], "They said \"hi\" to the\nsecond line.");
  add(n[2], "capital", n[3], "Αθήνα και 東京 are cities.");
  Triple* t = add(n[4], "cite", n[5], "A <b>bold</b> claim & more </script>");
  t->qualifiers["note"] = Value(std::string());  // An empty property.
  t->qualifiers["year"] = Value(int64_t{2024});
  t->negated = true;
  t->subject_labels = {"Person"};
  t->object_labels = {"Place"};
  add(n[0], "greet", n[3], "Hi Tokyo.");
  add(n[0], "greet", n[3], "Hi again, Tokyo.");  // Same fact twice: count 2.
  auto added = graph::AddDocument(**store, doc);
  EXPECT_TRUE(added.ok()) << added.status();
  return std::move(*store);
}

}  // namespace quiver::render::testing

#endif  // QUIVER_TESTS_RENDER_TRICKY_STORE_H_
