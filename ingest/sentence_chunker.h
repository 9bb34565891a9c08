// Splits a long sentence at top-level boundaries (";", dashes, a
// parenthetical) into pieces that link-grammar parses on their own. A long
// sentence that has no complete linkage sends link-grammar into its null-link
// search, whose cost grows steeply with length; its pieces often parse
// completely and cheaply. A piece is a set of byte ranges of the sentence, so
// the parser can blank everything else byte for byte and word spans still
// index the sentence.

#ifndef QUIVER_INGEST_SENTENCE_CHUNKER_H_
#define QUIVER_INGEST_SENTENCE_CHUNKER_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace quiver::ingest {

struct SentenceChunk {
  std::vector<std::pair<uint32_t, uint32_t>> ranges;  // [begin, end) byte ranges, ascending.
};

// Chunks of `sentence` when it has more than `min_words` whitespace-separated
// words and a boundary splits it into pieces of at least `min_piece_words`
// words each; otherwise one chunk covering the whole sentence. Boundary
// marks themselves (";", "--", "—", "–", "(", ")") belong to no chunk. A
// parenthetical becomes its own chunk and the text around it one chunk.
std::vector<SentenceChunk> ChunkSentence(std::string_view sentence, int min_words,
                                         int min_piece_words = 4);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_SENTENCE_CHUNKER_H_
