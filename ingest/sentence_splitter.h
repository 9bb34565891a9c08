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

// The longest sentence handed on to the parser. Longer "sentences" (a text
// with no full stop, a list of thousands of clauses joined by "and") are
// cut into pieces of at most this size, each after the last ';', ':' or
// ',' in its second half, else at the last space, else (one word longer
// than the byte limit) where the limit falls. The longest sentence of the
// CaRB dev set has 81 words and 437 bytes, of the shared news corpus 82
// words; link-grammar corrupts its heap past 32,767 bytes (5.12), and its
// tokenizer alone takes 0.9 s and 200 MB on a 32 KB sentence.
inline constexpr int kMaxSentenceWords = 150;
inline constexpr size_t kMaxSentenceBytes = 2048;

struct SplitStats {
  int64_t long_sentences_cut = 0;  // Sentences over the limits above.
};

// The NFC form of `text`. REQUIRES: valid UTF-8.
std::string NormalizeNfc(std::string_view text);

// Sentences of an NFC text, in order, by ICU's English sentence rules; a
// line break always ends a sentence (headlines carry no full stop).
// Sentences without a letter are dropped. Sentences over the limits above
// are cut into pieces (counted in `stats` when given).
std::vector<SentenceSpan> SplitSentences(std::string_view nfc_text,
                                         SplitStats* stats = nullptr);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_SENTENCE_SPLITTER_H_
