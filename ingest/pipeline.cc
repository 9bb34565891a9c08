#include "ingest/pipeline.h"

#include <algorithm>
#include <map>
#include <set>

#include "ingest/carb_candidates.h"
#include "ingest/carb_writer.h"
#include "ingest/clause_extractor.h"
#include "ingest/entity_resolver.h"
#include "ingest/lemmatizer.h"
#include "ingest/parse_scheduler.h"
#include "ingest/quotation.h"
#include "ingest/sentence_splitter.h"
#include "ingest/shallow_extractor.h"
#include "ingest/time_expression_qualifiers.h"

namespace quiver::ingest {

void ExtractStats::Add(const ExtractStats& o) {
  sentences += o.sentences;
  parsed_complete += o.parsed_complete;
  parsed_partial += o.parsed_partial;
  fallback += o.fallback;
  too_long += o.too_long;
  long_cut += o.long_cut;
  no_triple += o.no_triple;
  triples += o.triples;
}

namespace {

Triple MakeTriple(const Entity& s, const std::string& relation, const Entity& o,
                  const SentenceSpan& span, uint32_t index) {
  Triple t;
  t.subject = s.name;
  t.object = o.name;
  t.relation = relation;
  t.subject_labels = s.labels;
  t.object_labels = o.labels;
  t.subject_aliases = s.aliases;
  t.object_aliases = o.aliases;
  t.subject_mention = s.mention;  // Kept in the evidence, for kg.split.
  t.object_mention = o.mention;
  t.subject_reason = s.reason;  // Stored with the mention: every merge explained.
  t.object_reason = o.reason;
  t.sentence = index;
  t.begin = span.begin;
  t.end = span.end;
  t.sentence_text = span.text;
  if (!s.reason.empty() && s.reason != "proper name" && s.reason != "common noun by lemma")
    t.qualifiers["subject_resolution"] = Value(s.mention + " -> " + s.name + ": " + s.reason);
  if (!o.reason.empty() && o.reason != "proper name" && o.reason != "common noun by lemma")
    t.qualifiers["object_resolution"] = Value(o.mention + " -> " + o.name + ": " + o.reason);
  return t;
}

std::string WordsText(const LinkGraph& g, std::vector<int> words, const std::string& sentence) {
  std::sort(words.begin(), words.end());
  std::string out;
  for (int w : words) {
    const ParseWord& pw = g.word(w);
    if (pw.end <= pw.begin || pw.end > sentence.size()) continue;
    if (!out.empty()) out += ' ';
    out += sentence.substr(pw.begin, pw.end - pw.begin);
  }
  return out;
}

// A relation type as DESIGN.md §2 has it: lower case, '_' between words.
std::string TypeName(std::string s) {
  for (char& c : s) {
    if (c == ' ' || c == '-') c = '_';
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
  return s;
}

// Letters and '_' only, starting with a letter: "'s" or ":_to" are parse
// debris, not relations.
bool ValidType(const std::string& type) {
  if (type.empty() || !(type[0] >= 'a' && type[0] <= 'z')) return false;
  for (char c : type)
    if (!((c >= 'a' && c <= 'z') || c == '_' || c == '-')) return false;
  return true;
}

// "said at the moment", "clashed in meetings": a speech verb's
// preposition, or a place or time preposition before a common noun, says
// where or when, not what the relation is with. The hand check rejected
// these; "travel_to Moscow", "meet_with Lavrov" stay.
bool AcceptsPrepositionalObject(const std::string& relation, const Entity& object) {
  const size_t us = relation.rfind('_');
  if (us == std::string::npos) return true;
  const std::string verb = relation.substr(0, us);
  const std::string prep = relation.substr(us + 1);
  static const std::set<std::string> kSpeech = {"say", "tell", "claim", "add", "state",
                                                "announce", "explain", "warn", "note"};
  if (kSpeech.count(verb) > 0) return false;
  // One meets with someone; "met with a curt refusal" was refused (the
  // hand check's reject): a meeting needs a name, a person or a group.
  if ((verb == "meet" || verb == "talk") && prep == "with" && !object.named &&
      !NounIsA(object.name, "person") && !NounIsA(object.name, "social_group"))
    return false;
  static const std::set<std::string> kWhereWhen = {"in", "at", "on", "during", "after", "before",
                                                   "amid", "since", "until", "for", "over",
                                                   "within", "throughout"};
  return object.named || kWhereWhen.count(prep) == 0;
}

// A document split into sentences whose parses are filled in one by one,
// possibly on several threads; extraction starts once all are there.
struct PendingDocument {
  ExtractedDocument out;  // Metadata and content; no triples yet.
  std::vector<SentenceSpan> sentences;
  std::vector<ParseTree> trees;
  std::vector<ParseOutcome> outcomes;
};

PendingDocument SplitDocument(const SourceDocument& doc) {
  PendingDocument p;
  p.out.input.source = doc.source;
  p.out.input.title = doc.title;
  p.out.input.url = doc.url;
  p.out.input.date = doc.date;
  p.out.input.content = NormalizeNfc(doc.text);
  SplitStats split;
  p.sentences = SplitSentences(p.out.input.content, &split);
  p.out.stats.long_cut = split.long_sentences_cut;
  p.trees.resize(p.sentences.size());
  p.outcomes.resize(p.sentences.size());
  return p;
}

// Depends on the sentence alone, so any session on any thread gives the
// same tree (repeatable_rand).
void ParseSentence(PendingDocument& p, size_t i, ParserSession& parser) {
  p.outcomes[i] = parser.Parse(p.sentences[i].text, &p.trees[i]);
}

// Entities and triples from a fully parsed document, sentence by sentence in
// order: entity resolution needs the sentences before (pronouns) and after
// (short forms before the full name).
ExtractedDocument FinishDocument(PendingDocument& p) {
  ExtractedDocument out = std::move(p.out);
  const std::vector<SentenceSpan>& sentences = p.sentences;
  const std::vector<ParseTree>& trees = p.trees;
  const std::vector<ParseOutcome>& outcomes = p.outcomes;
  DocumentEntities entities;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (outcomes[i] == ParseOutcome::kComplete || outcomes[i] == ParseOutcome::kPartial)
      entities.Observe(LinkGraph(trees[i]), sentences[i].text);
  }
  // A sentence wholly inside a quotation is its speaker's claim: what it
  // asserts is reported (a plan or a possibility stays what it is).
  const std::vector<bool> quoted = SentencesInsideQuotation(out.input.content, sentences);
  auto reported_if_quoted = [&](size_t i, Triple& t) {
    if (!quoted[i]) return;
    auto m = t.qualifiers.find("modality");
    if (m != t.qualifiers.end() && m->second == Value(std::string("asserted")))
      m->second = Value(std::string("reported"));
  };
  for (size_t i = 0; i < sentences.size(); ++i) {
    const SentenceSpan& span = sentences[i];
    ++out.stats.sentences;
    switch (outcomes[i]) {
      case ParseOutcome::kComplete: ++out.stats.parsed_complete; break;
      case ParseOutcome::kPartial: ++out.stats.parsed_partial; break;
      case ParseOutcome::kTooLong: ++out.stats.too_long; ++out.stats.fallback; break;
      default: ++out.stats.fallback; break;
    }
    if (outcomes[i] != ParseOutcome::kComplete && outcomes[i] != ParseOutcome::kPartial) {
      // Shallow fallback: only a statement between two names, since
      // without a parse nothing else can be told apart from noise.
      auto shallow = ShallowExtract(span.text);
      if (shallow && !shallow->subject_name.empty() && !shallow->object_name.empty() &&
          shallow->subject_name != shallow->object_name && ValidType(shallow->verb_lemma)) {
        Entity s, o;
        s.name = s.mention = shallow->subject_name;
        o.name = o.mention = shallow->object_name;
        s.named = o.named = true;
        Triple t = MakeTriple(s, shallow->verb_lemma, o, span, static_cast<uint32_t>(i));
        t.text = shallow->relation;
        t.confidence = 0.3;
        t.qualifiers["modality"] = Value(std::string("asserted"));
        t.qualifiers["extraction"] = Value(std::string("shallow"));
        reported_if_quoted(i, t);
        out.input.triples.push_back(std::move(t));
        ++out.stats.triples;
      } else {
        ++out.stats.no_triple;
      }
      continue;
    }
    LinkGraph g(trees[i]);
    const bool partial = outcomes[i] == ParseOutcome::kPartial;
    std::vector<Triple> triples;
    std::vector<TitleFact> titles;
    // Resolve in word order so pronouns see the entities before them.
    std::map<int, std::optional<Entity>> resolved;
    auto resolve = [&](int head) -> const std::optional<Entity>& {
      auto it = resolved.find(head);
      if (it == resolved.end()) it = resolved.emplace(head, entities.Resolve(g, head, &titles)).first;
      return it->second;
    };
    std::vector<Clause> clauses = ExtractClauses(g);
    KeepConfidentClauses(g, span.text, partial, &clauses);
    // Resolve every argument and every name in word order, so a pronoun
    // sees the entities before it and names outside any clause still give
    // their offices ("..., Kremlin spokesman Dmitry Peskov said").
    std::set<int> heads;
    for (const Clause& c : clauses) {
      if (!c.graph_worthy) continue;
      heads.insert(c.subject);
      if (c.relation != "be") heads.insert(c.object);
    }
    for (int w = 1; w < g.size(); ++w)
      if (IsCapitalized(g.word(w).text) && g.Find(w, "G", true) < 0 && g.word(w).tag != "a" &&
          g.word(w).tag != "null")
        heads.insert(w);
    for (int h : heads)
      if (h > 0) resolve(h);
    // "Maria Sand said that Norway vetoed it": who reported the fact.
    auto add_speaker = [&](const Clause& c, const std::string& subject, Triple* t) {
      if (c.speech_verb <= 0) return;
      int speaker = g.Find(c.speech_verb, Rel::kSubject, false);
      if (speaker < 0) speaker = g.Find(c.speech_verb, Rel::kSubjectInverted, true);
      if (speaker <= 0) return;
      if (const auto& who = resolve(speaker); who && who->name != subject)
        t->qualifiers["speaker"] = Value(who->name);
    };
    // Titles stated by a copula or an apposition, by index into `titles`:
    // they take that clause's polarity, modality and speaker ("'X is the
    // murderer of his people,' says Y" is Y's claim, "X is not a member").
    std::map<size_t, const Clause*> title_clauses;
    for (const Clause& c : clauses) {
      if (!c.graph_worthy || c.subject < 0 || c.object < 0) continue;
      const auto& s = resolve(c.subject);
      if (!s) continue;
      if (c.relation == "be") {
        for (TitleFact& f : entities.OfficeFacts(g, *s, c.object)) {
          title_clauses[titles.size()] = &c;
          titles.push_back(std::move(f));
        }
        continue;
      }
      const auto& o = resolve(c.object);
      if (!o) continue;
      // Concept-to-concept statements ("gas -use-> technique") were mostly
      // wrong in the hand check (docs/extraction.md): the graph keeps a fact
      // when it names at least one entity.
      if (!s->named && !o->named) continue;
      if (!ValidType(c.relation)) continue;
      if (c.object_prep_word >= 0 && !c.passive && !AcceptsPrepositionalObject(c.relation, *o))
        continue;
      std::vector<int> rel = c.relation_words;
      if (c.object_prep_word >= 0) rel.push_back(c.object_prep_word);
      Triple t = MakeTriple(*s, TypeName(c.relation), *o, span, static_cast<uint32_t>(i));
      t.text = WordsText(g, rel, span.text);
      t.negated = c.negated;
      t.confidence = ClauseConfidence(g, c, partial);
      t.qualifiers["modality"] = Value(std::string(ModalityName(c.modality)));
      for (const PrepArg& p : c.preps) {
        const auto& q = resolve(p.head);
        if (q && p.preposition != "of") t.qualifiers[p.preposition] = Value(q->name);
      }
      add_speaker(c, s->name, &t);
      triples.push_back(std::move(t));
    }
    for (size_t k = 0; k < titles.size(); ++k) {
      const TitleFact& f = titles[k];
      Triple t = MakeTriple(f.holder, TypeName(f.relation), f.of, span, static_cast<uint32_t>(i));
      t.text = f.relation.substr(0, f.relation.size() - 3);
      t.confidence = partial ? 0.7 : 0.9;
      t.qualifiers["modality"] = Value(std::string("asserted"));
      if (auto c = title_clauses.find(k); c != title_clauses.end()) {
        t.negated = c->second->negated;
        t.qualifiers["modality"] = Value(std::string(ModalityName(c->second->modality)));
        add_speaker(*c->second, f.holder.name, &t);
      }
      triples.push_back(std::move(t));
    }
    // Not redundant: one triple per (subject, relation, object, polarity),
    // and none from a name to itself, whichever rule made it (a clause whose
    // two sides resolve to one entity, or "[of Syrian President Bashar
    // al-Assad]" reading the name as the office's organisation too).
    std::vector<Triple> unique;
    for (Triple& t : triples) {
      if (t.subject == t.object) continue;
      bool dup = false;
      for (const Triple& u : unique)
        dup = dup || (u.subject == t.subject && u.relation == t.relation &&
                      u.object == t.object && u.negated == t.negated);
      if (!dup) unique.push_back(std::move(t));
    }
    if (unique.empty()) ++out.stats.no_triple;
    out.stats.triples += static_cast<int64_t>(unique.size());
    for (Triple& t : unique) {
      reported_if_quoted(i, t);
      out.input.triples.push_back(std::move(t));
    }
  }
  AddTimeQualifiers(out.input.date, &out.input.triples);
  return out;
}

}  // namespace

ExtractedDocument ExtractDocument(const SourceDocument& doc, ParserSession& parser) {
  PendingDocument p = SplitDocument(doc);
  for (size_t i = 0; i < p.sentences.size(); ++i) ParseSentence(p, i, parser);
  return FinishDocument(p);
}

absl::Status RunInOrder(size_t n, int jobs, const ParserSettings& settings,
                        const std::function<void(size_t, ParserSession&)>& work,
                        const std::function<void(size_t)>& sink) {
  // Each item is a one-sentence document for the sentence scheduler.
  SentenceSteps steps;
  steps.split = [](size_t) -> size_t { return 1; };
  steps.parse = [&](size_t i, size_t, ParserSession& parser) { work(i, parser); };
  steps.finish = [](size_t) {};
  steps.deliver = sink;
  if (n < static_cast<size_t>(std::max(jobs, 1))) jobs = static_cast<int>(n);
  return ParseSentencesInOrder(n, jobs, settings, steps);
}

absl::Status ExtractAll(const std::vector<SourceDocument>& docs, int jobs,
                        const ParserSettings& settings,
                        const std::function<void(size_t, ExtractedDocument&&)>& sink) {
  // Slot d holds document d from its split to its delivery; the scheduler's
  // window keeps only a few filled, and each is written by one step at a
  // time (the scheduler orders the steps of a document).
  struct Slot {
    PendingDocument pending;
    ExtractedDocument result;
  };
  std::vector<std::unique_ptr<Slot>> slots(docs.size());
  SentenceSteps steps;
  steps.split = [&](size_t d) {
    slots[d] = std::make_unique<Slot>();
    slots[d]->pending = SplitDocument(docs[d]);
    return slots[d]->pending.sentences.size();
  };
  steps.parse = [&](size_t d, size_t s, ParserSession& parser) {
    ParseSentence(slots[d]->pending, s, parser);
  };
  steps.finish = [&](size_t d) {
    slots[d]->result = FinishDocument(slots[d]->pending);
    slots[d]->pending = PendingDocument();  // The parse trees are no longer needed.
  };
  steps.deliver = [&](size_t d) {
    sink(d, std::move(slots[d]->result));
    slots[d].reset();
  };
  return ParseSentencesInOrder(docs.size(), jobs, settings, steps);
}

}  // namespace quiver::ingest
