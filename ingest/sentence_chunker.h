// Splits a sentence at top-level boundaries (";", dashes, a parenthetical,
// and for a sentence that has no complete linkage also some commas) into
// pieces that link-grammar parses on their own. A long sentence that has no
// complete linkage sends link-grammar into its null-link search, whose cost
// grows steeply with length; its pieces often parse completely and cheaply.
// A piece is a set of byte ranges of the sentence, so the parser can blank
// everything else byte for byte and word spans still index the sentence.

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

// Whitespace-separated words of `s`: the measure of every word threshold
// here and in ParserSession.
int CountWords(std::string_view s);

// Chunks of `sentence` when it has more than `min_words` whitespace-separated
// words and a boundary splits it into pieces of at least `min_piece_words`
// words each; otherwise one chunk covering the whole sentence. Boundary
// marks themselves (";", "--", "—", "–", "(", ")") belong to no chunk. A
// parenthetical, in parentheses or between a pair of dashes ("X — Y — Z"),
// becomes its own chunk and the text around it one chunk.
std::vector<SentenceChunk> ChunkSentence(std::string_view sentence, int min_words,
                                         int min_piece_words = 4);

// Chunks for a sentence (or a chunk of one, the rest blanked) that has no
// complete linkage: ChunkSentence's boundaries at any length, and also
// commas before a clause connective (", and", ", but", ", while", ",
// which" …: the comma and a coordinating conjunction belong to no chunk) and
// a comma-delimited phrase that opens with a participle, a relative pronoun
// or, after a capitalised name, a determiner ("Fabius , the French foreign
// minister , said": an apposition), which becomes its own chunk like a
// parenthetical. One chunk covering the whole when nothing splits it.
std::vector<SentenceChunk> FallbackChunks(std::string_view sentence, int min_piece_words = 3);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_SENTENCE_CHUNKER_H_
