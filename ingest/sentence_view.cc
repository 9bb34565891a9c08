#include "ingest/sentence_view.h"

#include <cctype>

namespace quiver::ingest {

namespace {

// A label is an upper-case family ("MV", "S") and lower-case or '*'
// subscripts ("p", "s*s"). The family and the first subscript letter decide
// the relation; link-grammar's further subscripts (number, person) do not,
// except a subject's number, kept apart in Adjacent::plural.
struct LabelParts {
  std::string_view family;
  char sub = 0;
};

LabelParts Split(std::string_view label) {
  size_t n = 0;
  while (n < label.size() && label[n] >= 'A' && label[n] <= 'Z') ++n;
  LabelParts p;
  p.family = label.substr(0, n);
  if (n < label.size()) p.sub = label[n];
  return p;
}

// Family -> relation, with sub-kinds by the first subscript.
Rel RelOfParts(const LabelParts& p) {
  const std::string_view f = p.family;
  const char s = p.sub;
  if (f == "S") return Rel::kSubject;
  if (f == "SI") return Rel::kSubjectInverted;
  if (f == "SX") return Rel::kSubjectI;
  if (f == "O") return Rel::kObject;
  if (f == "WV") return Rel::kWallVerb;
  if (f == "W") return s == 'a' ? Rel::kWallFragment : Rel::kOther;
  if (f == "P") {
    if (s == 'v') return Rel::kPassive;
    if (s == 'a') return Rel::kAdjectiveComplement;
    if (s == 'g') return Rel::kProgressive;
    return Rel::kPredicative;
  }
  if (f == "PP") return Rel::kPerfect;
  if (f == "I") return Rel::kInfinitive;
  if (f == "IV") return Rel::kInfinitiveVerb;
  if (f == "TO") return Rel::kToInfinitive;
  if (f == "K") return Rel::kParticle;
  if (f == "N") return Rel::kNegation;
  if (f == "E") return Rel::kAdverb;
  if (f == "EB") return Rel::kAdverbAfterBe;
  if (f == "VJ") return Rel::kVerbConjunct;
  if (f == "MV") {
    if (s == 'p') return Rel::kVerbPrep;
    if (s == 'x') return Rel::kVerbPrepX;
    if (s == 'i') return Rel::kPurpose;
    return Rel::kVerbModifier;
  }
  if (f == "CO") return Rel::kOpener;
  if (f == "C") return s == 'e' ? Rel::kClauseEmbedded : Rel::kClause;
  if (f == "TH") return Rel::kThatClause;
  if (f == "R") return s == 'n' ? Rel::kRelativeN : Rel::kRelative;
  if (f == "RS") return Rel::kRelativeSubject;
  if (f == "B") return Rel::kRelativeObject;
  if (f == "M") {
    if (s == 'p') return Rel::kNounPrep;
    if (s == 'f') return Rel::kNounOf;
    if (s == 'v') return Rel::kPastParticipleModifier;
    if (s == 'g') return Rel::kGerundModifier;
    if (s == 'a') return Rel::kAdjectiveModifier;
    return Rel::kNounModifier;
  }
  if (f == "MX") return Rel::kApposition;
  if (f == "J") return Rel::kPrepObject;
  if (f == "D") return Rel::kDeterminer;
  if (f == "DG") return Rel::kDeterminerG;
  if (f == "DD") return Rel::kDeterminerD;
  if (f == "YS") return Rel::kPossessor;
  if (f == "YP") return Rel::kPossessorPlural;
  if (f == "Y") return Rel::kPossessive;
  if (f == "G") return Rel::kNamePart;
  if (f == "GN") return Rel::kTitle;
  if (f == "A") return Rel::kAdjective;
  if (f == "AN") return Rel::kNounAdjunct;
  if (f == "AL") return Rel::kAdjectiveAdjunct;
  if (f == "NM") return Rel::kNumberModifier;
  if (f == "ND") return Rel::kNumberDeterminer;
  if (f == "NN") return Rel::kNumberNumber;
  if (f == "NI") return s == 'a' ? Rel::kNumberIa : Rel::kNumberI;
  if (f == "EA") return Rel::kAdverbOfAdjective;
  if (f == "EN") return Rel::kAdverbOfNumber;
  if (f == "EC") return Rel::kAdverbOfComparative;
  if (f == "H") return Rel::kQuantity;
  if (f == "SJ") {
    if (s == 'l') return Rel::kConjunctLeft;
    if (s == 'r') return Rel::kConjunctRight;
    return Rel::kConjunct;
  }
  if (f == "X") {
    if (s == 'd') return Rel::kPunctuationComma;
    if (s == 'c') return Rel::kPunctuationClose;
    return Rel::kPunctuation;
  }
  return Rel::kOther;
}

// The family a sub-kind belongs to, or the relation itself.
Rel FamilyOf(Rel r) {
  switch (r) {
    case Rel::kPassive:
    case Rel::kAdjectiveComplement:
    case Rel::kProgressive:
      return Rel::kPredicative;
    case Rel::kVerbPrep:
    case Rel::kVerbPrepX:
    case Rel::kPurpose:
      return Rel::kVerbModifier;
    case Rel::kClauseEmbedded:
      return Rel::kClause;
    case Rel::kRelativeN:
      return Rel::kRelative;
    case Rel::kNounPrep:
    case Rel::kNounOf:
    case Rel::kPastParticipleModifier:
    case Rel::kGerundModifier:
    case Rel::kAdjectiveModifier:
      return Rel::kNounModifier;
    case Rel::kNumberIa:
      return Rel::kNumberI;
    case Rel::kConjunctLeft:
    case Rel::kConjunctRight:
      return Rel::kConjunct;
    case Rel::kPunctuationComma:
    case Rel::kPunctuationClose:
      return Rel::kPunctuation;
    default:
      return r;
  }
}

WordPos PosOf(const ParseWord& w) {
  if (w.begin == w.end) return WordPos::kWall;
  const std::string& t = w.tag;
  if (t == "null") return WordPos::kUnlinked;
  const bool capital = !w.text.empty() && w.text[0] >= 'A' && w.text[0] <= 'Z';
  if (!t.empty()) {
    switch (t[0]) {
      case 'v': return WordPos::kVerb;
      case 'a': return WordPos::kAdjective;
      case 'e': return WordPos::kAdverb;
      case 'j': return WordPos::kConjunction;
      case 'p':
        // "he.p", "they.p": link-grammar types pronouns so.
        return WordPos::kPronoun;
      case 'l': case 'b': case 'g': case 'm': case 'f':
        return WordPos::kProperNoun;
      case 'n': case 's':
        return capital ? WordPos::kProperNoun : WordPos::kNoun;
      case 'r': return WordPos::kOther;
      default: break;
    }
  }
  if (!w.text.empty() && std::isdigit(static_cast<unsigned char>(w.text[0])))
    return WordPos::kNumber;
  if (w.guessed) return capital ? WordPos::kProperNoun : WordPos::kNoun;
  return WordPos::kOther;
}

}  // namespace

Rel RelOfLabel(std::string_view label) { return RelOfParts(Split(label)); }

bool RelIs(Rel actual, Rel wanted) {
  if (actual == Rel::kOther || wanted == Rel::kOther) return false;
  return actual == wanted || FamilyOf(actual) == wanted;
}

const char* RelName(Rel r) {
  switch (r) {
    case Rel::kOther: return "other";
    case Rel::kSubject: return "subject";
    case Rel::kSubjectInverted: return "subject_inverted";
    case Rel::kSubjectI: return "subject_i";
    case Rel::kObject: return "object";
    case Rel::kWallVerb: return "wall_verb";
    case Rel::kWallFragment: return "wall_fragment";
    case Rel::kPredicative: return "predicative";
    case Rel::kPassive: return "passive";
    case Rel::kAdjectiveComplement: return "adjective_complement";
    case Rel::kProgressive: return "progressive";
    case Rel::kPerfect: return "perfect";
    case Rel::kInfinitive: return "infinitive";
    case Rel::kInfinitiveVerb: return "infinitive_verb";
    case Rel::kToInfinitive: return "to_infinitive";
    case Rel::kParticle: return "particle";
    case Rel::kNegation: return "negation";
    case Rel::kAdverb: return "adverb";
    case Rel::kAdverbAfterBe: return "adverb_after_be";
    case Rel::kVerbConjunct: return "verb_conjunct";
    case Rel::kVerbModifier: return "verb_modifier";
    case Rel::kVerbPrep: return "verb_prep";
    case Rel::kVerbPrepX: return "verb_prep_x";
    case Rel::kPurpose: return "purpose";
    case Rel::kOpener: return "opener";
    case Rel::kClause: return "clause";
    case Rel::kClauseEmbedded: return "clause_embedded";
    case Rel::kThatClause: return "that_clause";
    case Rel::kRelative: return "relative";
    case Rel::kRelativeN: return "relative_n";
    case Rel::kRelativeSubject: return "relative_subject";
    case Rel::kRelativeObject: return "relative_object";
    case Rel::kNounModifier: return "noun_modifier";
    case Rel::kNounPrep: return "noun_prep";
    case Rel::kNounOf: return "noun_of";
    case Rel::kPastParticipleModifier: return "past_participle_modifier";
    case Rel::kGerundModifier: return "gerund_modifier";
    case Rel::kAdjectiveModifier: return "adjective_modifier";
    case Rel::kApposition: return "apposition";
    case Rel::kPrepObject: return "prep_object";
    case Rel::kDeterminer: return "determiner";
    case Rel::kDeterminerG: return "determiner_g";
    case Rel::kDeterminerD: return "determiner_d";
    case Rel::kPossessor: return "possessor";
    case Rel::kPossessorPlural: return "possessor_plural";
    case Rel::kPossessive: return "possessive";
    case Rel::kNamePart: return "name_part";
    case Rel::kTitle: return "title";
    case Rel::kAdjective: return "adjective";
    case Rel::kNounAdjunct: return "noun_adjunct";
    case Rel::kAdjectiveAdjunct: return "adjective_adjunct";
    case Rel::kNumberModifier: return "number_modifier";
    case Rel::kNumberDeterminer: return "number_determiner";
    case Rel::kNumberNumber: return "number_number";
    case Rel::kNumberI: return "number_i";
    case Rel::kNumberIa: return "number_ia";
    case Rel::kAdverbOfAdjective: return "adverb_of_adjective";
    case Rel::kAdverbOfNumber: return "adverb_of_number";
    case Rel::kAdverbOfComparative: return "adverb_of_comparative";
    case Rel::kQuantity: return "quantity";
    case Rel::kConjunct: return "conjunct";
    case Rel::kConjunctLeft: return "conjunct_left";
    case Rel::kConjunctRight: return "conjunct_right";
    case Rel::kPunctuation: return "punctuation";
    case Rel::kPunctuationComma: return "punctuation_comma";
    case Rel::kPunctuationClose: return "punctuation_close";
  }
  return "other";
}

const char* WordPosName(WordPos p) {
  switch (p) {
    case WordPos::kWall: return "wall";
    case WordPos::kUnlinked: return "unlinked";
    case WordPos::kNoun: return "noun";
    case WordPos::kProperNoun: return "proper_noun";
    case WordPos::kPronoun: return "pronoun";
    case WordPos::kVerb: return "verb";
    case WordPos::kAdjective: return "adjective";
    case WordPos::kAdverb: return "adverb";
    case WordPos::kPreposition: return "preposition";
    case WordPos::kConjunction: return "conjunction";
    case WordPos::kDeterminer: return "determiner";
    case WordPos::kNumber: return "number";
    case WordPos::kOther: return "other";
  }
  return "other";
}

SentenceView::SentenceView(const ParseTree& tree)
    : tree_(tree), adj_(tree.words.size()), pos_(tree.words.size()) {
  for (size_t i = 0; i < tree.words.size(); ++i) pos_[i] = PosOf(tree.words[i]);
  for (const ParseLink& l : tree.links) {
    if (l.left < 0 || l.right < 0 || l.left >= size() || l.right >= size()) continue;
    const LabelParts parts = Split(l.label);
    const Rel rel = RelOfParts(parts);
    // "Sp", "Spx": the plural subjects ("SF", the "it" of "it seems", is
    // another family and no subject here).
    const bool plural = rel == Rel::kSubject && parts.sub == 'p';
    relations_.push_back({l.left, l.right, rel});
    adj_[l.left].push_back({l.right, rel, true, plural});
    adj_[l.right].push_back({l.left, rel, false, plural});
  }
}

int SentenceView::OfAfter(int word) const {
  int of = Find(word, Rel::kNounOf, true);
  if (of < 0) of = Find(word, Rel::kNounPrep, true);
  if (of < 0) return -1;
  const std::string& text = this->word(of).text;
  return (text == "of" || text == "Of" || text == "OF") ? of : -1;
}

int SentenceView::PossessorOf(int word) const {
  for (const Adjacent& a : at(word)) {
    if (a.to_right || !a.Is(Rel::kDeterminer)) continue;
    int possessor = Find(a.other, Rel::kPossessor, false);
    if (possessor < 0) possessor = Find(a.other, Rel::kPossessorPlural, false);
    if (possessor > 0) return possessor;
  }
  return -1;
}

int SentenceView::Find(int word, Rel rel, bool to_right) const {
  for (const Adjacent& a : adj_[word])
    if (a.to_right == to_right && a.Is(rel)) return a.other;
  return -1;
}

std::vector<int> SentenceView::FindAll(int word, Rel rel, bool to_right) const {
  std::vector<int> out;
  for (const Adjacent& a : adj_[word])
    if (a.to_right == to_right && a.Is(rel)) out.push_back(a.other);
  return out;
}

int SentenceView::Find(int word, const char* family, bool to_right) const {
  return Find(word, RelOfLabel(family), to_right);
}

}  // namespace quiver::ingest
