#include "ingest/carb_writer.h"

#include "ingest/nominal_tuples.h"

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
std::vector<int> ArgWords(const LinkGraph& g, int head, const std::vector<int>& relation,
                          bool conjuncts = true) {
  std::vector<int> words = PhraseWords(g, head, /*full=*/true, conjuncts);
  words.erase(std::remove_if(words.begin(), words.end(),
                             [&](int w) {
                               return std::find(relation.begin(), relation.end(), w) !=
                                      relation.end();
                             }),
              words.end());
  return words;
}


// The subject as written, without the clause that states it: "two boys
// playing the game" is the subject of "playing" only as "two boys", and
// "the men who stumble upon" only as "the men".
std::vector<int> SubjectWords(const LinkGraph& g, const Clause& c, const std::vector<int>& rel) {
  std::vector<int> words = ArgWords(g, c.subject_as_written, rel);
  if (c.quote_before || c.apposition || rel.empty()) return words;
  int cut = *std::min_element(rel.begin(), rel.end());
  if (c.subject_as_written > cut) return words;
  for (const Adjacent& a : g.at(c.subject_as_written))
    if (a.to_right && a.Is(Rel::kRelative) && a.other < cut) cut = a.other;
  words.erase(std::remove_if(words.begin(), words.end(), [&](int w) { return w >= cut; }),
              words.end());
  while (!words.empty() && g.word(words.back()).text == ",") words.pop_back();
  return words;
}

// "also pulled off", "finally rendezvoused": an adverb before the verb (E
// link) belongs to the relation as CaRB's gold writes it.
void AddVerbAdverbs(const LinkGraph& g, const Clause& c, std::vector<int>* rel) {
  if (c.apposition || rel->empty()) return;
  const int first = *std::min_element(rel->begin(), rel->end());
  std::vector<int> add;
  for (int r : *rel)
    for (const Adjacent& a : g.at(r))
      if (!a.to_right && a.Is(Rel::kAdverb) && a.other > c.subject_as_written &&
          a.other >= first - 1)
        add.push_back(a.other);
  for (int w : add) rel->push_back(w);
}

// "In 2005 , X asked ...": an opening phrase (CO link to the subject or
// verb) up to its comma, which CaRB keeps as a further argument.
std::vector<int> OpenerWords(const LinkGraph& g, const Clause& c, const std::vector<int>& rel) {
  if (c.from_modifier || c.apposition || c.quote_before || c.subject_as_written <= 0) return {};
  int opener = -1;
  std::vector<int> targets = rel;
  targets.push_back(c.subject_as_written);
  for (int t : targets)
    for (const Adjacent& a : g.at(t))
      if (!a.to_right && a.Is(Rel::kOpener) && (opener < 0 || a.other < opener))
        opener = a.other;
  if (opener <= 0 || opener >= c.subject_as_written) return {};
  // Up to the comma, or else up to the subject's first word ("the").
  int stop = c.subject_as_written;
  for (int w : PhraseWords(g, c.subject_as_written, /*full=*/false)) stop = std::min(stop, w);
  std::vector<int> words;
  for (int w = opener; w < stop; ++w) {
    if (g.word(w).text == ",") break;
    if (g.word(w).begin != g.word(w).end) words.push_back(w);
  }
  return words;
}

}  // namespace

double ClauseConfidence(const LinkGraph& g, const Clause& c, bool partial) {
  // By clause kind, from how often each kind was right on our own test
  // sentences and the CaRB dev curve: main-clause subject-verb-object
  // first, then passives with their agent, prepositional objects, copulas,
  // modifiers and appositions.
  double conf;
  if (c.apposition) {
    conf = 0.6;
  } else if (c.clausal_object) {
    conf = 0.7;
  } else if (c.relation == "be") {
    conf = g.word(c.object_as_written).tag == "a" ? 0.45 : 0.65;
  } else if (c.passive && c.object_prep_word >= 0 &&
             g.word(c.object_prep_word).text == "by") {
    conf = 0.85;
  } else if (c.object_prep_word >= 0) {
    conf = c.graph_worthy ? 0.75 : 0.55;
  } else {
    conf = 0.9;
  }
  if (c.from_modifier) conf -= 0.2;
  if (partial) conf *= 0.7;
  if (c.modality == Modality::kReported) conf -= 0.03;
  const int span = std::abs(c.object_as_written - c.subject_as_written);
  conf -= 0.01 * std::max(0, span - 6);
  conf -= 0.03 * static_cast<double>(c.preps.size());
  conf -= 0.002 * std::min(20, g.size() / 2);
  return std::clamp(conf, 0.05, 0.99);
}

std::vector<OpenTuple> ToOpenTuples(const LinkGraph& g, const std::vector<Clause>& clauses,
                                    const std::string& sentence, bool partial) {
  std::vector<OpenTuple> out;
  std::vector<OpenTuple> extras;
  std::set<std::string> seen;
  const Features parse_features = ParseFeatures(g, partial);
  // Features of a tuple: the parse's, the clause's (if any), its words'.
  auto describe = [&](OpenTuple* t, const Clause* c, const std::string& kind) {
    t->features = parse_features;
    if (c != nullptr) {
      Features cf = ClauseFeatures(g, *c);
      t->features.insert(t->features.end(), cf.begin(), cf.end());
    }
    Features wf = TupleWordFeatures(kind, t->relation, t->args, t->confidence);
    t->features.insert(t->features.end(), wf.begin(), wf.end());
  };
  for (const Clause& c : clauses) {
    const int clause_index = static_cast<int>(&c - clauses.data());
    std::vector<int> rel = c.relation_words;
    if (c.object_prep_word >= 0) rel.push_back(c.object_prep_word);
    AddVerbAdverbs(g, c, &rel);
    // "say that ...": CaRB's gold keeps the complementiser in the relation.
    if (c.clausal_object && !c.quote_before) {
      int next = c.verb + 1;
      for (int r : rel) next = std::max(next, r + 1);
      if (next < g.size() && g.word(next).text == "that") rel.push_back(next);
    }
    OpenTuple t;
    t.clause = clause_index;
    t.relation = c.apposition ? "is" : WordsText(g, rel, sentence);
    t.args.push_back(SpanText(g, SubjectWords(g, c, rel), sentence));
    if (c.object_as_written < 0) {
      // An intransitive clause: a tuple only with an opening phrase as its
      // second argument ("the lamps; went out; On one occasion").
      std::vector<int> opener = OpenerWords(g, c, rel);
      if (opener.empty() || t.relation.empty() || t.args[0].empty()) continue;
      t.args.push_back(SpanText(g, opener, sentence));
      Clause scored = c;
      scored.object_as_written = c.subject_as_written;
      t.confidence = ClauseConfidence(g, scored, partial) - 0.2;
      describe(&t, &c, "intransitive_opener");
      std::string key = t.relation + "\t" + t.args[0] + "\t" + t.args[1];
      if (seen.insert(key).second) out.push_back(std::move(t));
      continue;
    }
    if (c.clausal_object) {
      // The complement clause runs to the end of the sentence.
      std::vector<int> words;
      int first = c.verb + 1;
      for (int r : rel) first = std::max(first, r + 1);
      int last = g.size();
      if (c.quote_before) {
        first = 1;
        last = std::min(c.verb, c.subject_as_written);
        // Drop the comma and closing quote before the verb.
        while (last > first && (g.word(last - 1).text == "," || g.word(last - 1).text == "''" ||
                                g.word(last - 1).tag == "null"))
          --last;
      }
      for (int w = first; w < last; ++w) {
        const std::string& text = g.word(w).text;
        if (g.word(w).begin == g.word(w).end || text == "." || text == "''" || text == "\"")
          continue;
        words.push_back(w);
      }
      t.args.push_back(SpanText(g, words, sentence));
    } else {
      t.args.push_back(SpanText(g, ArgWords(g, c.object_as_written, rel), sentence));
    }
    std::vector<int> object_words = ArgWords(g, c.object_as_written, rel);
    for (const PrepArg& p : c.preps) {
      // The parser often attaches a preposition to both the verb and the
      // object; CaRB keeps it in the object.
      if (!c.clausal_object && std::find(object_words.begin(), object_words.end(),
                                         p.prep_word) != object_words.end())
        continue;
      std::vector<int> words = ArgWords(g, p.head, rel);
      words.push_back(p.prep_word);
      t.args.push_back(SpanText(g, words, sentence));
    }
    std::vector<int> opener = OpenerWords(g, c, rel);
    if (!opener.empty()) t.args.push_back(SpanText(g, opener, sentence));
    if (t.relation.empty() || t.args[0].empty() || t.args[1].empty()) continue;
    t.confidence = ClauseConfidence(g, c, partial);
    const std::string kind = ClauseKind(g, c);
    describe(&t, &c, kind);
    // Recall candidates: one conjunct of a coordinated subject or object
    // alone ("sold apples and pears" -> "apples", "pears"). As the tuple's
    // only reading they cost F1 (0.451-0.453 against 0.460, and 0.429 for
    // subjects); as extra candidates a model can rank them.
    if (!c.clausal_object && !c.apposition) {
      for (int side = 0; side < 2; ++side) {
        const int head = side == 0 ? c.subject_as_written : c.object_as_written;
        if (Conjuncts(g, head).size() > 1 || g.Find(head, Rel::kConjunct, true) >= 0 ||
            g.Find(head, Rel::kConjunct, false) >= 0) {
          std::vector<int> words = ArgWords(g, head, rel, /*conjuncts=*/false);
          if (side == 0) {
            const int cut = rel.empty() ? g.size() : *std::min_element(rel.begin(), rel.end());
            if (head < cut)
              words.erase(std::remove_if(words.begin(), words.end(),
                                         [&](int w) { return w >= cut; }),
                          words.end());
          }
          const std::string alone = SpanText(g, words, sentence);
          if (alone.empty() || alone == t.args[side]) continue;
          OpenTuple e = t;
          e.args[side] = alone;
          e.extra = true;
          describe(&e, &c, side == 0 ? "subject_conjunct" : "object_conjunct");
          extras.push_back(std::move(e));
        }
      }
    }
    // Tried and dropped: variants of a clause with one adjunct each, without
    // adjuncts, and with the object folded into the relation, as CaRB's
    // gold often writes them. They raised the recall of all candidates
    // (0.447 -> 0.464) but the cross-validated F1 fell to 0.433.
    std::string key = t.relation + "\t" + t.args[0] + "\t" + t.args[1];
    if (!seen.insert(key).second) continue;
    out.push_back(std::move(t));
  }
  for (OpenTuple& t : NominalTuples(g, sentence, partial)) {
    describe(&t, nullptr,
             t.extra ? "possession" : t.relation == "is" ? "nominal_title" : "nominal_place");
    if (t.extra) {
      extras.push_back(std::move(t));
      continue;
    }
    std::string key = t.relation + "\t" + t.args[0] + "\t" + t.args[1];
    if (!seen.insert(key).second) continue;
    out.push_back(std::move(t));
  }
  // Extras differ from a kept tuple in some argument, not only in the
  // first two: the whole tuple is their key.
  std::set<std::string> seen_whole;
  for (const OpenTuple& t : out) {
    std::string key = t.relation;
    for (const std::string& a : t.args) key += "\t" + a;
    seen_whole.insert(key);
  }
  for (OpenTuple& t : extras) {
    std::string key = t.relation;
    for (const std::string& a : t.args) key += "\t" + a;
    if (!seen_whole.insert(key).second) continue;
    out.push_back(std::move(t));
  }
  return out;
}

std::string FormatCarb(const std::string& sentence, const std::vector<OpenTuple>& tuples,
                       int decimals) {
  std::string out;
  for (const OpenTuple& t : tuples) {
    char conf[32];
    std::snprintf(conf, sizeof(conf), "%.*f", decimals, t.confidence);
    if (!out.empty()) out += '\n';
    out += sentence + "\t" + conf + "\t" + t.relation;
    for (const std::string& a : t.args) out += "\t" + a;
  }
  return out;
}

}  // namespace quiver::ingest
