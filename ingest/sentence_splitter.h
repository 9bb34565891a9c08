// NFC normalisation and sentence splitting with ICU, keeping offsets.

#ifndef QUIVER_INGEST_SENTENCE_SPLITTER_H_
#define QUIVER_INGEST_SENTENCE_SPLITTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace quiver::ingest {

struct SentenceSpan {
  std::string text;    // Trimmed; internal line breaks become spaces.
  uint32_t begin = 0;  // Code-point offsets in the NFC text of the document.
  uint32_t end = 0;
};

// The NFC form of `text`. REQUIRES: valid UTF-8.
std::string NormalizeNfc(std::string_view text);

// Sentences of an NFC text, in order, by ICU's English sentence rules; a
// line break always ends a sentence (headlines carry no full stop).
// Sentences without a letter are dropped.
std::vector<SentenceSpan> SplitSentences(std::string_view nfc_text);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_SENTENCE_SPLITTER_H_
