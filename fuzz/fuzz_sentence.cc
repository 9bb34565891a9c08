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

#include "ingest/carb_candidates.h"
#include "ingest/carb_writer.h"
#include "ingest/link_parser.h"
#include "ingest/pipeline.h"
#include "util/utf8.h"

namespace {

using namespace quiver::ingest;  // NOLINT: a harness, not a library

// A few sentences: link-grammar takes milliseconds a sentence. (The
// sentence length limits themselves are the splitter's and ParserSession's
// own, tested beside them.)
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

// The CaRB line of `quiver extract --format carb` (cli/cmd_extract.cc): every
// candidate with its features, ranked by the embedded model.
void CarbPath(const std::string& sentence, ParserSession& parser) {
  std::vector<OpenTuple> candidates = CarbCandidates(sentence, parser);
  FormatCarbFeatures(sentence, candidates);
  FormatCarb(sentence, RankCandidates(std::move(candidates), ConfidenceModel::Embedded()), 6);
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
