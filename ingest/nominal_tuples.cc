#include "ingest/nominal_tuples.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "ingest/lemmatizer.h"

namespace quiver::ingest {

namespace {

bool IsNounTag(const std::string& tag) {
  return (tag.empty() || tag[0] == 'n' || tag[0] == 's' || tag[0] == 'l' || tag[0] == 'b' ||
          tag[0] == 'g' || tag[0] == 'm' || tag[0] == 'f' || tag[0] == 'p') &&
         tag != "null";
}

// The words from `first` to `last` that are not walls.
std::vector<int> Range(const LinkGraph& g, int first, int last) {
  std::vector<int> out;
  for (int w = first; w <= last; ++w)
    if (g.word(w).begin != g.word(w).end) out.push_back(w);
  return out;
}

// The name-like words of the phrase headed by `head` that lie in
// [from, head]: its left modifiers without anything before `from`.
std::vector<int> LeftPhrase(const LinkGraph& g, int head, int from) {
  std::vector<int> words = PhraseWords(g, head, /*full=*/false);
  std::vector<int> out;
  // Only the contiguous run that ends at the head.
  int start = head;
  while (start - 1 >= from && std::find(words.begin(), words.end(), start - 1) != words.end())
    --start;
  for (int w = start; w <= head; ++w) out.push_back(w);
  return out;
}

void Push(std::vector<OpenTuple>* out, const std::string& rel, std::string a1, std::string a2,
          double conf) {
  if (a1.empty() || a2.empty() || a1 == a2) return;
  OpenTuple t;
  t.relation = rel;
  t.args = {std::move(a1), std::move(a2)};
  t.confidence = conf;
  out->push_back(std::move(t));
}

}  // namespace

std::vector<OpenTuple> NominalTuples(const LinkGraph& g, const std::string& sentence,
                                     bool partial) {
  std::vector<OpenTuple> out;
  const double scale = partial ? 0.7 : 1.0;
  for (const Relation& l : g.relations()) {
    // A title before a name: title -GN- name.
    if (l.Is(Rel::kTitle)) {
      const int title = l.left, name = l.right;
      // Only an office or a kind of person ("former U.S. Attorney Todd
      // Graves"); "Walloon Region", "Communist Party" are names.
      const std::string lemma =
          Lemma(absl::AsciiStrToLower(g.word(title).text), WordClass::kNoun);
      if (!IsCapitalized(g.word(name).text) || !NounIsA(lemma, "person")) continue;
      std::vector<int> title_words = LeftPhrase(g, title, 1);
      // Determiners belong to the whole phrase, not to the title.
      while (!title_words.empty()) {
        const std::string w = absl::AsciiStrToLower(g.word(title_words.front()).text);
        if (w != "the" && w != "a" && w != "an" &&
            g.Find(title_words.front(), Rel::kPossessor, false) < 0 && w != "'s")
          break;
        title_words.erase(title_words.begin());
      }
      Push(&out, "is", SpanText(g, Range(g, title + 1, name), sentence),
           SpanText(g, title_words, sentence), 0.4 * scale);
    }
    // "the Academy Building in downtown Milwaukee" -> (...; is in; ...): a
    // place stated inside a noun phrase. Ranked below every clause: a third
    // of them match CaRB's gold (an attachment the parser guessed), and
    // above the F1-optimal threshold they cost 0.002 F1.
    if (l.Is(Rel::kNounPrep)) {
      const std::string prep = g.word(l.right).text;
      if (prep != "in" && prep != "at" && prep != "near") continue;
      if (!IsNounTag(g.word(l.left).tag) || g.word(l.left).tag[0] == 'm' ||
          g.word(l.left).tag[0] == 'f' || g.word(l.left).tag[0] == 'p')
        continue;
      int obj = g.Find(l.right, Rel::kPrepObject, true);
      if (obj < 0) continue;
      Push(&out, "is " + prep, SpanText(g, PhraseWords(g, l.left, /*full=*/false), sentence),
           SpanText(g, PhraseWords(g, obj, /*full=*/true), sentence), partial ? 0.06 : 0.1);
    }
    // Possession, an extra candidate (see the header): "Kesey 's son" ->
    // (Kesey; has; son), the possessor's name and the possessed noun's.
    if (l.Is(Rel::kPossessor) || l.Is(Rel::kPossessorPlural)) {
      const int owner = l.left, mark = l.right;
      const int noun = g.Find(mark, Rel::kDeterminer, true);
      if (noun < 0) continue;
      std::vector<int> owner_words = LeftPhrase(g, owner, 1);
      const size_t before = out.size();
      Push(&out, "has", SpanText(g, owner_words, sentence),
           SpanText(g, LeftPhrase(g, noun, mark + 1), sentence), 0.02 * scale);
      if (out.size() > before) out.back().extra = true;
    }
  }
  return out;
}

}  // namespace quiver::ingest
