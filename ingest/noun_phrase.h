// Noun phrases in a parse: which words belong to the phrase a head word
// governs, for arguments as written (CaRB) and for naming entities.

#ifndef QUIVER_INGEST_NOUN_PHRASE_H_
#define QUIVER_INGEST_NOUN_PHRASE_H_

#include <string>
#include <vector>

#include "ingest/sentence_view.h"

namespace quiver::ingest {

// The typed view is what the noun-phrase, clause and entity code read; the
// old name stays for callers outside extraction (pipeline, fuzz targets).
using LinkGraph = SentenceView;

// Conjuncts of a coordinated phrase ("Russia and China" -> Russia, China);
// the word itself when it does not coordinate.
std::vector<int> Conjuncts(const LinkGraph& g, int head);

// The words of the phrase headed by `head`, sorted. `full` adds post-nominal
// modifiers (prepositional phrases, participles), as CaRB's arguments do;
// otherwise only the words before the head that name it ("French Foreign
// Minister Laurent Fabius"). `conjuncts` (the default) takes in the whole
// coordination the head stands in ("apples and pears"); without, the
// conjunct's own phrase ("pears").
std::vector<int> PhraseWords(const LinkGraph& g, int head, bool full, bool conjuncts = true);

// The text from the first to the last word of `words` in `sentence`.
std::string SpanText(const LinkGraph& g, const std::vector<int>& words,
                     const std::string& sentence);

bool IsCapitalized(const std::string& word);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_NOUN_PHRASE_H_
