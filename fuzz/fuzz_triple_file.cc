// Fuzz target: the triple files of `quiver load` (cli/triple_file.h). The
// first byte picks the format: 'j' JSON Lines, anything else TSV; the rest
// is the file. Beyond not crashing, every triple kept has the fields the
// loader relies on: a non-empty subject, relation and object of valid
// UTF-8 within kMaxFieldBytes, and a relation type without white space.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cli/triple_file.h"
#include "util/utf8.h"

namespace {

void CheckField(const std::string& s) {
  if (s.empty() || s.size() > quiver::cli::kMaxFieldBytes || !quiver::util::IsValidUtf8(s))
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool jsonl = data[0] == 'j';
  std::string_view content(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto parsed = quiver::cli::ParseTriples(
      jsonl ? "fuzz.jsonl" : "fuzz.tsv", content,
      jsonl ? quiver::cli::TripleFormat::kJsonl : quiver::cli::TripleFormat::kTsv);
  if (!parsed.ok()) return 0;
  for (const quiver::Triple& t : parsed->triples) {
    CheckField(t.subject);
    CheckField(t.relation);
    CheckField(t.object);
    if (t.relation.find_first_of(" \t\n\r") != std::string::npos) std::abort();
    if (!quiver::util::IsValidUtf8(t.source) || !quiver::util::IsValidUtf8(t.sentence_text))
      std::abort();
    for (const auto& l : t.subject_labels) CheckField(l);
    for (const auto& l : t.object_labels) CheckField(l);
  }
  return 0;
}
