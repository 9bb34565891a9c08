#include "ingest/shallow_extractor.h"

#include <set>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "ingest/lemmatizer.h"
#include "ingest/noun_phrase.h"

namespace quiver::ingest {

namespace {

bool IsAux(const std::string& w) {
  static const std::set<std::string> k = {"is", "are", "was", "were", "be", "been", "being",
                                          "has", "have", "had", "will", "would", "can", "could",
                                          "may", "might", "must", "should", "shall", "did",
                                          "does", "do", "not", "never", "n't"};
  return k.count(w) > 0;
}

bool IsFunctionWord(const std::string& w) {
  static const std::set<std::string> k = {"the", "a", "an", "of", "in", "on", "at", "to",
                                          "for", "with", "by", "from", "and", "or", "but",
                                          "that", "which", "who", "as", "this", "these",
                                          "its", "his", "her", "their", "it", "he", "she",
                                          "they", "we", "i", "you", ",", ".", "``", "''"};
  return k.count(w) > 0;
}

// A finite-looking verb: a past form, or a third-person form WordNet knows
// as a verb whose base is not the word itself.
bool LooksLikeVerb(const std::string& w) {
  const std::string lower = absl::AsciiStrToLower(w);
  if (lower.size() < 3 || IsFunctionWord(lower) || IsCapitalized(w)) return false;
  const std::string lemma = Lemma(lower, WordClass::kVerb);
  if (!InWordNet(lemma, WordClass::kVerb)) return false;
  if (lower.size() > 3 && lower.compare(lower.size() - 2, 2, "ed") == 0) return true;
  return lemma != lower && lower.back() == 's';
}

bool IsBoundary(const std::string& w) {
  return w == "," || w == ";" || w == ":" || w == "." || w == "--" || w == "which" ||
         w == "who" || w == "because" || w == "while";
}

// Capitalised only because it opens the sentence ("He", "They", "This"):
// without a parse no pronoun can be resolved, so it names nothing.
bool NamesNothingUnresolved(const std::string& w) {
  static const std::set<std::string> k = {"he", "she", "it", "they", "him", "her", "them",
                                          "his", "its", "their", "we", "us", "our", "i",
                                          "you", "your", "this", "these", "those", "that",
                                          "there", "the", "a", "an"};
  return k.count(absl::AsciiStrToLower(w)) > 0;
}

std::string CapitalRun(const std::vector<std::string>& words, size_t begin, size_t end,
                       bool last) {
  std::vector<std::string> best, run;
  for (size_t i = begin; i < end; ++i) {
    if (IsCapitalized(words[i]) && !NamesNothingUnresolved(words[i]) && !(i == 0 && !last)) {
      run.push_back(words[i]);
    } else {
      if (!run.empty()) {
        best = run;
        if (!last) break;
      }
      run.clear();
    }
  }
  if (!run.empty()) best = run;
  return absl::StrJoin(best, " ");
}

}  // namespace

std::optional<ShallowTuple> ShallowExtract(const std::string& sentence) {
  std::vector<std::string> words = absl::StrSplit(sentence, ' ', absl::SkipEmpty());
  for (size_t i = 1; i + 1 < words.size(); ++i) {
    const std::string lower = absl::AsciiStrToLower(words[i]);
    if (!IsAux(lower) && !LooksLikeVerb(words[i])) continue;
    size_t end = i;
    while (end < words.size() &&
           (IsAux(absl::AsciiStrToLower(words[end])) || (end > i && LooksLikeVerb(words[end]))))
      ++end;
    if (end == i) end = i + 1;
    size_t stop = end;
    while (stop < words.size() && !IsBoundary(words[stop])) ++stop;
    if (stop == end) return std::nullopt;
    ShallowTuple t;
    std::vector<std::string> a1(words.begin(), words.begin() + i);
    std::vector<std::string> rel(words.begin() + i, words.begin() + end);
    std::vector<std::string> a2(words.begin() + end, words.begin() + stop);
    t.arg1 = absl::StrJoin(a1, " ");
    t.relation = absl::StrJoin(rel, " ");
    t.arg2 = absl::StrJoin(a2, " ");
    t.verb_lemma = Lemma(rel.back(), WordClass::kVerb);
    // Names only where they are the verb group's own neighbours: the last
    // words before it and the first after it (after an article), ending at
    // a boundary or a preposition. "Russia has become a party to the war in
    // Syria" names no fact between Russia and Syria; the hand check
    // rejected such pairs.
    if (i >= 1 && IsCapitalized(words[i - 1])) t.subject_name = CapitalRun(words, 0, i, true);
    size_t first = end;
    if (first < stop && (absl::AsciiStrToLower(words[first]) == "the")) ++first;
    if (first < stop && IsCapitalized(words[first])) {
      size_t after = first;
      while (after < stop && IsCapitalized(words[after])) ++after;
      const std::string next = after < words.size() ? absl::AsciiStrToLower(words[after]) : ".";
      if (after == stop || (IsFunctionWord(next) && next != "'s" && next != "of"))
        t.object_name = CapitalRun(words, first, after, /*last=*/false);
    }
    // An auxiliary alone ("has", "is") says nothing a graph can use.
    bool content = false;
    for (const std::string& r : rel) content = content || !IsAux(absl::AsciiStrToLower(r));
    if (!content) t.subject_name.clear();
    return t;
  }
  return std::nullopt;
}

}  // namespace quiver::ingest
