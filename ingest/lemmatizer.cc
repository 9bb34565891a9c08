#include "ingest/lemmatizer.h"

#include <wn.h>

#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

namespace quiver::ingest {

namespace {

// WordNet's C library keeps static buffers and open files: every call into
// it holds this lock.
std::mutex& WordNetMutex() {
  static std::mutex mu;
  return mu;
}

bool WordNetReady() {  // REQUIRES: WordNetMutex() held.
  static const bool ready = wninit() == 0;
  return ready;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

int PosOf(WordClass c) {
  switch (c) {
    case WordClass::kNoun: return NOUN;
    case WordClass::kVerb: return VERB;
    case WordClass::kAdjective: return ADJ;
  }
  return NOUN;
}

bool TreeHas(SynsetPtr ss, const std::string& word, int depth) {
  for (; ss != nullptr; ss = ss->nextss) {
    for (int i = 0; i < ss->wcount; ++i)
      if (word == ss->words[i]) return true;
    if (depth < 20 && TreeHas(ss->ptrlist, word, depth + 1)) return true;
  }
  return false;
}

}  // namespace

std::string Lemma(std::string_view word, WordClass word_class) {
  std::string lower = Lower(word);
  static std::unordered_map<std::string, std::string> cache[3];
  std::lock_guard<std::mutex> lock(WordNetMutex());
  auto& c = cache[static_cast<int>(word_class)];
  auto it = c.find(lower);
  if (it != c.end()) return it->second;
  std::string lemma = lower;
  if (WordNetReady() && !lower.empty() && lower.size() < 64) {
    std::string buf = lower;
    // A known base form is its own lemma ("sees" is not "see" if... it is).
    char* m = morphstr(buf.data(), PosOf(word_class));
    if (m != nullptr) lemma = m;
  }
  c.emplace(lower, lemma);
  return lemma;
}

bool InWordNet(std::string_view lemma, WordClass word_class) {
  std::string w = Lower(lemma);
  std::lock_guard<std::mutex> lock(WordNetMutex());
  if (!WordNetReady() || w.empty() || w.size() >= 64) return false;
  for (char& ch : w)
    if (ch == ' ') ch = '_';
  return is_defined(w.data(), PosOf(word_class)) != 0;
}

std::string VerbOfNoun(std::string_view noun_lemma) {
  const std::string n = Lower(noun_lemma);
  if (n.size() < 3) return "";
  if (InWordNet(n, WordClass::kVerb)) return n;
  auto strip = [&](std::string_view suffix, std::string_view add) -> std::string {
    if (n.size() <= suffix.size() + 2 || n.compare(n.size() - suffix.size(), suffix.size(),
                                                   suffix.data(), suffix.size()) != 0)
      return "";
    std::string v = n.substr(0, n.size() - suffix.size()) + std::string(add);
    return InWordNet(v, WordClass::kVerb) ? v : "";
  };
  // "-ion" + "e" is left out: it turns "station" into "state".
  for (auto [suffix, add] : {std::pair<std::string_view, std::string_view>{"ment", ""},
                             {"al", "e"}, {"al", ""}, {"ation", ""}, {"ation", "e"},
                             {"ion", ""}, {"ing", ""}}) {
    std::string v = strip(suffix, add);
    if (!v.empty()) return v;
  }
  return "";
}

bool NounIsA(std::string_view lemma, std::string_view ancestor) {
  return NounSenseIsA(lemma, ancestor, 1);
}

bool NounSenseIsA(std::string_view lemma, std::string_view ancestor, int sense) {
  std::string w = Lower(lemma);
  for (char& ch : w)
    if (ch == ' ') ch = '_';
  std::string key = w + "|" + std::string(ancestor) + "|" + std::to_string(sense);
  static std::unordered_map<std::string, bool> cache;
  std::lock_guard<std::mutex> lock(WordNetMutex());
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  bool result = false;
  if (WordNetReady() && !w.empty() && w.size() < 64 && sense >= 1) {
    SynsetPtr ss = findtheinfo_ds(w.data(), NOUN, -HYPERPTR, sense);
    if (ss != nullptr) {
      result = TreeHas(ss->ptrlist, std::string(ancestor), 0);
      free_syns(ss);
    }
  }
  cache.emplace(key, result);
  return result;
}

}  // namespace quiver::ingest
