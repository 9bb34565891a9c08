// A parsed sentence as a typed view: words with a coarse part of speech and
// the relations between them (subject, object, passive, prepositional
// argument, modifier, apposition, relative and complement clauses,
// conjuncts, negation, auxiliaries, particles...). This is the one layer
// that knows link-grammar's link labels (sentence_view.cc); clauses, noun
// phrases, entities, tuples and their features read relations only, so a
// second parse source needs only a second way to build this view.

#ifndef QUIVER_INGEST_SENTENCE_VIEW_H_
#define QUIVER_INGEST_SENTENCE_VIEW_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/internal/parse_tree.h"

namespace quiver::ingest {

// A typed relation between two words, named for what it says. Where one
// relation has sub-kinds (every noun post-modifier, every verb modifier),
// the general member also stands for the whole family: asking for
// kNounModifier finds kNounPrep, kPastParticipleModifier... as well (RelIs).
enum class Rel : uint8_t {
  kOther,  // Anything the view does not type; never matches a query.
  // Clause core.
  kSubject,          // subject -> finite verb
  kSubjectInverted,  // verb -> subject after it ("said X", questions)
  kSubjectI,         // "I" -> its verb
  kObject,           // verb -> direct object (also the complement of "be")
  kWallVerb,         // the sentence's start -> its main verb
  kWallFragment,     // the sentence's start -> a verbless fragment
  // Verb chain: auxiliary or governing verb -> next verb or complement.
  kPredicative,          // family: auxiliary -> participle/adjective
  kPassive,              // "was" -> past participle
  kAdjectiveComplement,  // "is" -> adjective
  kProgressive,          // "is" -> -ing form
  kPerfect,              // "has" -> past participle
  kInfinitive,           // modal or "to" -> bare infinitive
  kInfinitiveVerb,       // verb -> infinitive it takes ("want to go")
  kToInfinitive,         // verb or noun -> "to" of an infinitive
  kParticle,             // verb -> particle ("round up")
  kNegation,             // auxiliary -> "not"
  kAdverb,               // adverb -> verb it modifies (left of it)
  kAdverbAfterBe,        // "is" -> adverb after it ("is not", "is also")
  kVerbConjunct,         // coordinator <-> coordinated verbs
  // Verb modifiers.
  kVerbModifier,  // family: verb -> post-verbal modifier
  kVerbPrep,      // verb -> preposition of a prepositional argument
  kVerbPrepX,     // verb -> preposition after a comma
  kPurpose,       // verb -> "to" of a purpose infinitive
  kOpener,        // opening phrase -> the clause it opens
  // Clauses inside clauses.
  kClause,            // family: verb/conjunction -> subordinate clause's subject
  kClauseEmbedded,    // verb -> complement clause without "that"
  kThatClause,        // verb -> "that" of a complement clause
  kRelative,          // family: noun -> relative pronoun
  kRelativeN,         // noun -> relative "who/what" in a free relative
  kRelativeSubject,   // relative pronoun -> verb of the relative clause
  kRelativeObject,    // noun -> verb of an object relative (B)
  // Noun phrase.
  kNounModifier,            // family: noun -> post-nominal modifier
  kNounPrep,                // noun -> preposition ("museum in Bergen")
  kNounOf,                  // noun -> "of"
  kPastParticipleModifier,  // noun -> past participle ("a man arrested")
  kGerundModifier,          // noun -> -ing form ("boys playing")
  kAdjectiveModifier,       // noun -> adjective after it
  kApposition,              // noun -> apposition
  kPrepObject,              // preposition -> its object
  kDeterminer,              // determiner -> noun
  kDeterminerG,             // determiner -> proper noun (DG)
  kDeterminerD,             // determiner -> determiner (DD)
  kPossessor,               // possessor -> "'s"
  kPossessorPlural,         // plural possessor -> "'"
  kPossessive,              // "'s" family, bare (Y)
  kNamePart,                // name word -> next name word
  kTitle,                   // title -> name ("President Bush")
  kAdjective,               // adjective -> noun
  kNounAdjunct,             // noun -> noun it modifies ("quota dispute")
  kAdjectiveAdjunct,        // AL
  kNumberModifier,          // NM
  kNumberDeterminer,        // ND
  kNumberNumber,            // NN
  kNumberI,                 // family: NI
  kNumberIa,                // NIa
  kAdverbOfAdjective,       // EA
  kAdverbOfNumber,          // EN
  kAdverbOfComparative,     // EC
  kQuantity,                // H
  // Conjunction.
  kConjunct,       // family: coordinator <-> noun conjunct
  kConjunctLeft,   // left conjunct -> coordinator
  kConjunctRight,  // coordinator -> right conjunct
  // Punctuation.
  kPunctuation,       // family: X
  kPunctuationComma,  // Xd: comma or dash before a phrase
  kPunctuationClose,  // Xc: comma closing a phrase
};

// The relation a link-grammar label states.
Rel RelOfLabel(std::string_view label);
// Whether `actual` is `wanted` or belongs to the family `wanted` names.
bool RelIs(Rel actual, Rel wanted);
// Stable name for features and debugging ("subject", "noun_prep").
const char* RelName(Rel r);

// Coarse part of speech from the parser's word tag.
enum class WordPos : uint8_t {
  kWall, kUnlinked, kNoun, kProperNoun, kPronoun, kVerb, kAdjective, kAdverb,
  kPreposition, kConjunction, kDeterminer, kNumber, kOther
};
const char* WordPosName(WordPos p);

// One relation of a word, seen from that word.
struct Adjacent {
  int other;
  Rel rel;
  bool to_right;  // `other` is right of the word.
  bool plural;    // A subject relation in the plural ("They are").
  bool Is(Rel wanted) const { return RelIs(rel, wanted); }
};

// One relation between two words, left to right in the sentence.
struct Relation {
  int left;
  int right;
  Rel rel;
  bool Is(Rel wanted) const { return RelIs(rel, wanted); }
};

// The view over one parse tree. The tree must outlive it.
class SentenceView {
 public:
  explicit SentenceView(const ParseTree& tree);
  const ParseTree& tree() const { return tree_; }
  const std::vector<Adjacent>& at(int word) const { return adj_[word]; }
  // Every relation, in the parser's order.
  const std::vector<Relation>& relations() const { return relations_; }
  // The first word related to `word` on the given side by `rel`, or -1.
  int Find(int word, Rel rel, bool to_right) const;
  std::vector<int> FindAll(int word, Rel rel, bool to_right) const;
  // The "of" after the noun `word` ("a member of the party"), linked as
  // Mf or, before a mass noun, Mp; -1 when there is none.
  int OfAfter(int word) const;
  // Who owns the noun `word` through its possessive determiner ("Moscow"
  // in "Moscow's last ally"), or -1.
  int PossessorOf(int word) const;
  // For callers still written in link families ("G"): the same as
  // Find(word, RelOfLabel(family), to_right).
  int Find(int word, const char* family, bool to_right) const;
  const ParseWord& word(int i) const { return tree_.words[i]; }
  WordPos pos(int i) const { return pos_[i]; }
  int size() const { return static_cast<int>(tree_.words.size()); }
  // Words the linkage left out.
  int null_count() const { return tree_.null_count; }

 private:
  const ParseTree& tree_;
  std::vector<std::vector<Adjacent>> adj_;
  std::vector<Relation> relations_;
  std::vector<WordPos> pos_;
};

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_SENTENCE_VIEW_H_
