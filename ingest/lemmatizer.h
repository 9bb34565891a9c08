// Verb and noun lemmas from WordNet's morphology ("vetoed" -> "veto",
// "talks" -> "talk"). Thread-safe: WordNet's morphstr keeps static state, so
// calls are serialised, and results are cached.

#ifndef QUIVER_INGEST_LEMMATIZER_H_
#define QUIVER_INGEST_LEMMATIZER_H_

#include <string>
#include <string_view>

namespace quiver::ingest {

enum class WordClass { kNoun, kVerb, kAdjective };

// The lower-case lemma of `word`, or `word` lower-cased when WordNet does not
// know it. Falls back to lower-casing when WordNet's files are missing.
std::string Lemma(std::string_view word, WordClass word_class);

// True when WordNet lists `lemma` (lower case) as a word of that class.
bool InWordNet(std::string_view lemma, WordClass word_class);

// The verb an event noun names, when WordNet knows it as a verb: the same
// word ("veto", "visit", "talk") or the noun less -ment, -al, -ation, -ion
// or -ing ("endorsement", "refusal", "condemnation", "rejection",
// "meeting"); "" otherwise.
std::string VerbOfNoun(std::string_view noun_lemma);

// True when the first sense of the noun `lemma` descends from `ancestor`
// ("paris" from "city"): the dominant reading ("Paris" the city, not the
// Trojan prince). Cached; used to type entities.
bool NounIsA(std::string_view lemma, std::string_view ancestor);

// The same for WordNet's sense number `sense` (1 = the first): "ally" is
// first a state and second a person.
bool NounSenseIsA(std::string_view lemma, std::string_view ancestor, int sense);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_LEMMATIZER_H_
