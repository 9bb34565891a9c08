// Fuzz target: the document readers (ingest/document_reader.h) on the bytes
// of one file. The first byte picks the reader as the file's extension
// would: 't' plain text, 'm' Markdown, 'h' HTML, 'j' JSON Lines (any other
// byte: its value modulo 4); the rest is the file. Beyond not crashing:
// what the readers hand on is valid UTF-8, as the sentence splitter
// requires (ingest/sentence_splitter.h).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "ingest/document_reader.h"
#include "util/utf8.h"

namespace {

const char* PathFor(uint8_t selector) {
  switch (selector) {
    case 't': return "fuzz.txt";
    case 'm': return "fuzz.md";
    case 'h': return "fuzz.html";
    case 'j': return "fuzz.jsonl";
  }
  static const char* const kPaths[] = {"fuzz.txt", "fuzz.md", "fuzz.html", "fuzz.jsonl"};
  return kPaths[selector % 4];
}

void CheckText(std::string_view s) {
  if (!quiver::util::IsValidUtf8(s)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string path = PathFor(data[0]);
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  quiver::ingest::ReadResult result;
  quiver::ingest::ParseContent(path, bytes, &result);
  for (const auto& doc : result.documents) {
    CheckText(doc.text);
    CheckText(doc.title);
    CheckText(doc.source);
    CheckText(doc.url);
    CheckText(doc.date);
  }
  return 0;
}
