#include "ingest/carb_writer.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace quiver::ingest {

namespace {

std::string WordsText(const LinkGraph& g, std::vector<int> words, const std::string& sentence) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string out;
  for (int w : words) {
    const ParseWord& pw = g.word(w);
    if (pw.end <= pw.begin || pw.end > sentence.size()) continue;
    if (!out.empty()) out += ' ';
    out += sentence.substr(pw.begin, pw.end - pw.begin);
  }
  return out;
}

// Phrase words, minus any that belong to the relation.
std::vector<int> ArgWords(const LinkGraph& g, int head, const std::vector<int>& relation) {
  std::vector<int> words = PhraseWords(g, head, /*full=*/true);
  words.erase(std::remove_if(words.begin(), words.end(),
                             [&](int w) {
                               return std::find(relation.begin(), relation.end(), w) !=
                                      relation.end();
                             }),
              words.end());
  return words;
}

}  // namespace

double ClauseConfidence(const LinkGraph& g, const Clause& c, bool partial) {
  double conf = 0.85;
  if (partial) conf -= 0.25;
  if (!c.graph_worthy) conf -= 0.1;
  if (c.object_prep_word >= 0 && !c.passive) conf -= 0.05;
  if (c.modality == Modality::kReported) conf -= 0.05;
  const int span = std::abs(c.object_as_written - c.subject_as_written);
  conf -= 0.01 * std::max(0, span - 6);
  conf -= 0.03 * static_cast<double>(c.preps.size());
  conf += 0.002 * (10 - std::min(10, static_cast<int>(g.size()) / 4));
  return std::clamp(conf, 0.05, 0.99);
}

std::vector<OpenTuple> ToOpenTuples(const LinkGraph& g, const std::vector<Clause>& clauses,
                                    const std::string& sentence, bool partial) {
  std::vector<OpenTuple> out;
  std::set<std::string> seen;
  for (const Clause& c : clauses) {
    std::vector<int> rel = c.relation_words;
    if (c.object_prep_word >= 0) rel.push_back(c.object_prep_word);
    OpenTuple t;
    t.relation = c.apposition ? "is" : WordsText(g, rel, sentence);
    t.args.push_back(SpanText(g, ArgWords(g, c.subject_as_written, rel), sentence));
    if (c.clausal_object) {
      // The complement clause runs to the end of the sentence.
      std::vector<int> words;
      for (int w = c.object_as_written; w < g.size(); ++w) {
        const std::string& text = g.word(w).text;
        if (g.word(w).begin == g.word(w).end || text == "." || text == "''" || text == "\"")
          continue;
        words.push_back(w);
      }
      t.args.push_back(SpanText(g, words, sentence));
    } else {
      t.args.push_back(SpanText(g, ArgWords(g, c.object_as_written, rel), sentence));
    }
    for (const PrepArg& p : c.preps) {
      std::vector<int> words = ArgWords(g, p.head, rel);
      words.push_back(p.prep_word);
      t.args.push_back(SpanText(g, words, sentence));
    }
    if (t.relation.empty() || t.args[0].empty() || t.args[1].empty()) continue;
    t.confidence = ClauseConfidence(g, c, partial);
    std::string key = t.relation + "\t" + t.args[0] + "\t" + t.args[1];
    if (!seen.insert(key).second) continue;
    out.push_back(std::move(t));
  }
  return out;
}

std::string FormatCarb(const std::string& sentence, const std::vector<OpenTuple>& tuples) {
  std::string out;
  for (const OpenTuple& t : tuples) {
    char conf[32];
    std::snprintf(conf, sizeof(conf), "%.3f", t.confidence);
    if (!out.empty()) out += '\n';
    out += sentence + "\t" + conf + "\t" + t.relation;
    for (const std::string& a : t.args) out += "\t" + a;
  }
  return out;
}

}  // namespace quiver::ingest
