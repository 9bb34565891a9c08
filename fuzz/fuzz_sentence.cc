// Fuzz target: a short text through the extraction of `quiver ingest` and
// `quiver extract`: NFC and the sentence splitter (ICU), link-grammar, the
// clause extractor, entity resolution and the CaRB tuples
// (ingest/pipeline.h, ingest/carb_writer.h) as `quiver extract` reads a
// line. The input is the text of a
// document as the readers hand it on: valid UTF-8. Parsing costs
// milliseconds, so inputs are kept short (kMaxBytes).

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/carb_writer.h"
#include "ingest/clause_extractor.h"
#include "ingest/link_parser.h"
#include "ingest/pipeline.h"
#include "ingest/shallow_extractor.h"
#include "util/utf8.h"

namespace {

using namespace quiver::ingest;  // NOLINT: a harness, not a library

// A few sentences. Also keeps the input well below the 32767 bytes past
// which link-grammar's sentence_split corrupts the heap (TODO(lead): the
// sentence length limit in ingest/link_parser.cc; once on main, a longer
// limit here tests it).
constexpr size_t kMaxBytes = 1024;

// nullptr when the English dictionary is not installed.
ParserSession* Session() {
  static ParserSession* session = [] () -> ParserSession* {
    auto dict = LinkDictionary::Load();
    if (!dict.ok()) return nullptr;
    return new ParserSession(*dict, ParserSettings());
  }();
  return session;
}

// The CaRB line of `quiver extract --format carb` (cli/cmd_extract.cc).
void CarbPath(const std::string& sentence, ParserSession& parser) {
  ParseTree tree;
  ParseOutcome o = parser.Parse(sentence, &tree);
  std::vector<OpenTuple> tuples;
  if (o == ParseOutcome::kComplete || o == ParseOutcome::kPartial) {
    LinkGraph g(tree);
    tuples = ToOpenTuples(g, ExtractClauses(g), sentence, o == ParseOutcome::kPartial);
  }
  if (auto s = ShallowExtract(sentence)) tuples.push_back({s->relation, {s->arg1, s->arg2}, 0.3});
  FormatCarb(sentence, tuples);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxBytes) return 0;
  std::string text(reinterpret_cast<const char*>(data), size);
  if (!quiver::util::IsValidUtf8(text)) return 0;
  ParserSession* parser = Session();
  if (parser == nullptr) return 0;
  // One document through `quiver ingest`'s extraction.
  SourceDocument doc;
  doc.source = "fuzz.txt";
  doc.text = text;
  ExtractDocument(doc, *parser);
  // Its first line as `quiver extract --format carb` reads one.
  CarbPath(text.substr(0, text.find('\n')), *parser);
  return 0;
}
