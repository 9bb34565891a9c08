#include "ingest/noun_phrase.h"

#include <algorithm>
#include <set>


namespace quiver::ingest {

namespace {

void CollectConjuncts(const LinkGraph& g, int head, int depth, std::vector<int>* out) {
  const std::string& tag = g.word(head).tag;
  if (depth > 8 || tag.empty() || tag[0] != 'j') {
    out->push_back(head);
    return;
  }
  bool any = false;
  for (const Adjacent& a : g.at(head)) {
    // The coordinator is the right end of a left conjunct's relation and
    // the left end of a right conjunct's.
    const bool left_conjunct = a.rel == Rel::kConjunctLeft && !a.to_right;
    const bool right_conjunct = a.rel == Rel::kConjunctRight && a.to_right;
    if (!left_conjunct && !right_conjunct) continue;
    any = true;
    CollectConjuncts(g, a.other, depth + 1, out);
  }
  if (!any) out->push_back(head);
}

}  // namespace

std::vector<int> Conjuncts(const LinkGraph& g, int head) {
  std::vector<int> out;
  CollectConjuncts(g, head, 0, &out);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// Relations inside a noun phrase, by the side of the head they lie on.
bool LeftModifier(Rel rel) {
  for (Rel r : {Rel::kDeterminer, Rel::kAdjective, Rel::kNounAdjunct, Rel::kNamePart,
                Rel::kTitle, Rel::kPossessor, Rel::kPossessorPlural, Rel::kDeterminerG,
                Rel::kNumberModifier, Rel::kAdverbOfAdjective, Rel::kDeterminerD,
                Rel::kNumberIa, Rel::kNumberDeterminer, Rel::kNumberNumber,
                Rel::kAdjectiveAdjunct, Rel::kAdverbOfNumber, Rel::kAdverbOfComparative,
                Rel::kQuantity})
    if (RelIs(rel, r)) return true;
  return false;
}

// kNounModifier stands for all its kinds (noun_prep, noun_of, participle
// and adjective modifiers), kVerbModifier for verb_prep, purpose...
bool RightModifier(Rel rel) {
  for (Rel r : {Rel::kNounModifier, Rel::kPrepObject, Rel::kNamePart, Rel::kApposition,
                Rel::kConjunct, Rel::kObject, Rel::kVerbModifier, Rel::kRelative,
                Rel::kRelativeSubject, Rel::kRelativeObject, Rel::kPunctuationComma,
                Rel::kPunctuationClose, Rel::kInfinitive, Rel::kToInfinitive,
                Rel::kNumberModifier, Rel::kThatClause, Rel::kClause, Rel::kSubject,
                Rel::kPassive, Rel::kAdjectiveComplement, Rel::kPerfect, Rel::kParticle})
    if (RelIs(rel, r)) return true;
  return false;
}

// `inner`: w is inside a modifier (a preposition, participle or relative
// clause), whose own arguments belong to the phrase; otherwise w is a noun
// head, whose clause (its verb, its subject link) does not.
void Collect(const LinkGraph& g, int w, bool full, bool inner, bool conjuncts, int depth,
             std::set<int>* seen) {
  if (depth > 30 || !seen->insert(w).second) return;
  for (const Adjacent& a : g.at(w)) {
    const Rel rel = a.rel;
    if (g.word(a.other).begin == g.word(a.other).end) continue;  // walls
    if (!a.to_right && LeftModifier(rel)) {
      Collect(g, a.other, full, false, conjuncts, depth + 1, seen);
    } else if ((conjuncts && RelIs(rel, Rel::kConjunct)) ||
               (a.to_right && RelIs(rel, Rel::kNamePart))) {
      Collect(g, a.other, full, false, conjuncts, depth + 1, seen);
    } else if (!full || !a.to_right) {
      continue;
    } else if (!inner && (RelIs(rel, Rel::kNounModifier) || RelIs(rel, Rel::kRelative) ||
                          RelIs(rel, Rel::kToInfinitive) || RelIs(rel, Rel::kInfinitiveVerb))) {
      Collect(g, a.other, full, true, conjuncts, depth + 1, seen);
    } else if (RelIs(rel, Rel::kPrepObject)) {
      Collect(g, a.other, full, false, conjuncts, depth + 1, seen);
    } else if (inner && RightModifier(rel) && !RelIs(rel, Rel::kSubject)) {
      Collect(g, a.other, full, true, conjuncts, depth + 1, seen);
    }
  }
}

}  // namespace

std::vector<int> PhraseWords(const LinkGraph& g, int head, bool full, bool conjuncts) {
  std::set<int> seen;
  Collect(g, head, full, /*inner=*/false, conjuncts, 0, &seen);
  std::vector<int> out(seen.begin(), seen.end());
  // A phrase as written ends before a trailing comma.
  while (out.size() > 1 && (g.word(out.back()).text == "," || g.word(out.back()).text == "."))
    out.pop_back();
  return out;
}

std::string SpanText(const LinkGraph& g, const std::vector<int>& words,
                     const std::string& sentence) {
  if (words.empty()) return "";
  uint32_t b = UINT32_MAX, e = 0;
  for (int w : words) {
    const ParseWord& pw = g.word(w);
    if (pw.begin == pw.end) continue;
    b = std::min(b, pw.begin);
    e = std::max(e, pw.end);
  }
  if (b >= e || e > sentence.size()) return "";
  return sentence.substr(b, e - b);
}

bool IsCapitalized(const std::string& word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // "al-Assad", "bin-Salman": a lower-case particle before a capital.
  size_t dash = word.find('-');
  if (dash != std::string::npos && dash <= 3 && dash + 1 < word.size() &&
      word[dash + 1] >= 'A' && word[dash + 1] <= 'Z')
    return true;
  // Accented capitals (É, Ö, ...) in UTF-8: C3 80..9E.
  return c == 0xC3 && word.size() > 1 && static_cast<unsigned char>(word[1]) < 0x9F;
}

}  // namespace quiver::ingest
