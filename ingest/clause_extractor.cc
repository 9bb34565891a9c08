#include "ingest/clause_extractor.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "ingest/lemmatizer.h"

namespace quiver::ingest {

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted: return "asserted";
    case Modality::kPossible: return "possible";
    case Modality::kPlanned: return "planned";
    case Modality::kReported: return "reported";
  }
  return "asserted";
}

namespace {

bool IsBe(const std::string& word) {
  static const std::set<std::string> kBe = {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re"};
  return kBe.count(absl::AsciiStrToLower(word)) > 0;
}

bool IsSpeechVerb(const std::string& lemma) {
  static const std::set<std::string> k = {"say", "tell", "announce", "claim", "report", "state",
                                          "declare", "insist", "argue", "add", "warn", "confirm",
                                          "deny", "suggest", "believe", "think", "write", "allege",
                                          "explain", "note", "acknowledge", "admit"};
  return k.count(lemma) > 0;
}

// Verbs whose infinitive complement is intended rather than done.
bool IsPlanVerb(const std::string& lemma) {
  static const std::set<std::string> k = {"want", "plan", "intend", "hope", "seek", "aim",
                                          "prepare", "expect", "threaten", "try", "attempt",
                                          "propose", "promise", "wish", "mean", "offer",
                                          "ask", "urge", "press", "push", "call", "need",
                                          "persuade", "convince", "encourage", "invite",
                                          "vow", "pledge", "prefer"};
  return k.count(lemma) > 0;
}

// "Russia is expected to veto": a passive verb of saying or believing
// whose subject is the infinitive's subject; what it says of the
// infinitive's fact (reported by others, or only thought possible).
std::optional<Modality> RaisingPassive(const std::string& lemma) {
  static const std::set<std::string> kReported = {"say", "report", "allege", "rumour", "rumor"};
  static const std::set<std::string> kPossible = {"expect", "believe", "think", "suppose",
                                                  "fear", "predict", "consider"};
  if (kReported.count(lemma) > 0) return Modality::kReported;
  if (kPossible.count(lemma) > 0) return Modality::kPossible;
  return std::nullopt;
}

// "Russia is likely to veto": an adjective before a to-infinitive whose
// subject acts, how sure that is, and whether it denies it ("unlikely").
struct InfinitiveAdjective {
  Modality modality;
  bool negates;
};
std::optional<InfinitiveAdjective> AdjectiveBeforeInfinitive(const std::string& adjective) {
  static const auto* k = new std::map<std::string, InfinitiveAdjective>{
      {"likely", {Modality::kPossible, false}},   {"unlikely", {Modality::kPossible, true}},
      {"able", {Modality::kPossible, false}},     {"unable", {Modality::kPossible, true}},
      {"ready", {Modality::kPlanned, false}},     {"willing", {Modality::kPlanned, false}},
      {"unwilling", {Modality::kPlanned, true}},  {"eager", {Modality::kPlanned, false}},
      {"poised", {Modality::kPlanned, false}},    {"determined", {Modality::kPlanned, false}},
      {"keen", {Modality::kPlanned, false}},      {"prepared", {Modality::kPlanned, false}}};
  auto it = k->find(adjective);
  if (it == k->end()) return std::nullopt;
  return it->second;
}

bool IsNegatingVerb(const std::string& lemma) {
  return lemma == "refuse" || lemma == "fail" || lemma == "decline";
}

struct State {
  std::vector<int> subjects;
  std::vector<int> words;  // Relation words so far.
  bool negated = false;
  bool passive = false;
  bool copula = false;
  Modality modality = Modality::kAsserted;
  int speech_verb = -1;  // With kReported: the verb that reports it.
  std::vector<int> shared_objects;  // Objects a verb coordinator shares.
  std::vector<int> shared_preps;
  // The subject is a guess the parse makes often wrongly: CaRB keeps the
  // clause, the graph does not (graph_worthy = false).
  bool weak = false;
};

class Extractor {
 public:
  explicit Extractor(const LinkGraph& g) : g_(g) {}

  std::vector<Clause> Run() {
    MarkReported();
    NoteObjectRelatives();
    MainClauses();
    LightVerbs();
    const size_t main_clauses = out_.size();  // The rest hang on a noun.
    SubjectRelatives();
    Participles();
    PossessorInfinitives();
    Nominalisations();
    for (size_t i = main_clauses; i < out_.size(); ++i) out_[i].from_modifier = true;
    Appositions();
    QuotationVerbs();
    for (Clause& c : out_)
      if (DeniedByDeterminer(c.subject_as_written) || DeniedByDeterminer(c.object_as_written))
        c.negated = !c.negated;
    std::stable_sort(out_.begin(), out_.end(),
                     [](const Clause& a, const Clause& b) { return a.verb < b.verb; });
    return std::move(out_);
  }

 private:
  // Clauses with a subject: S links, a relative pronoun standing for its
  // antecedent.
  void MainClauses() {
    for (const Relation& l : g_.relations()) {
      // S covers Ss, Sp, ...; SX ("I am") is a family of its own.
      if (!l.Is(Rel::kSubject) && !l.Is(Rel::kSubjectI)) continue;
      int subj = l.left;
      if (IsWall(subj)) continue;
      const std::string lower = absl::AsciiStrToLower(g_.word(subj).text);
      bool weak = false;
      if (lower == "which" || lower == "who" || lower == "that") {
        int antecedent = RelativeAntecedent(subj);
        if (antecedent < 0) continue;
        subj = antecedent;
        weak = AmbiguousAntecedent(subj);
      }
      State st;
      st.subjects = Conjuncts(g_, subj);
      st.negated = NeitherNor(subj);  // "Neither Russia nor China backed it".
      st.weak = weak || UnlikelySubject(subj, l.right) || denied_.count(l.left) > 0;
      if (auto r = reported_.find(l.left); r != reported_.end()) {
        st.modality = Modality::kReported;
        st.speech_verb = r->second;
      }
      if (conditional_.count(l.left)) st.modality = Modality::kPossible;
      Verb(l.right, st, 0);
    }
  }

  // The noun a relative pronoun stands for: "the man who" (R), or, set off
  // by commas, "Karin Ek, who heads the authority" (the parser links
  // "who" to the name as an apposition, MXsr). -1 when there is none.
  int RelativeAntecedent(int pronoun) const {
    const int restrictive = g_.Find(pronoun, Rel::kRelative, false);
    if (restrictive >= 0) return restrictive;
    const std::string lower = absl::AsciiStrToLower(g_.word(pronoun).text);
    if (lower != "who" && lower != "which") return -1;
    return g_.Find(pronoun, Rel::kApposition, false);
  }

  // Object relatives: "the resolution (that) Russia vetoed", "the draft,
  // which Russia was expected to veto": the verb at the right end of a B
  // link lacks its object, and the noun the clause modifies is it. A
  // subject relative's verb (RS from "who") is left to SubjectRelatives.
  void NoteObjectRelatives() {
    for (const Relation& l : g_.relations()) {
      if (!l.Is(Rel::kRelativeObject)) continue;
      const int verb = l.right;
      const std::string& tag = g_.word(verb).tag;
      if (tag.empty() || tag[0] != 'v') continue;
      if (g_.Find(verb, Rel::kRelativeSubject, false) >= 0) continue;
      int noun = l.left;
      const std::string lower = absl::AsciiStrToLower(g_.word(noun).text);
      if (lower == "which" || lower == "that" || lower == "who" || lower == "whom") {
        noun = RelativeAntecedent(noun);
      } else {
        // The noun's own "that" ("the resolution that Russia vetoed"). No
        // relative pronoun at all ("the major Western powers to expel" read
        // as "the major (that) Western powers") is too often a misparse.
        const int that = g_.Find(noun, Rel::kRelative, true);
        if (that < 0 || absl::AsciiStrToLower(g_.word(that).text) != "that") continue;
      }
      if (noun <= 0 || IsWall(noun)) continue;
      relative_objects_.emplace(verb, noun);
    }
  }

  // Subject relatives: "the man who met Putin" (R then RS).
  void SubjectRelatives() {
    for (const Relation& l : g_.relations()) {
      if (!l.Is(Rel::kRelativeSubject)) continue;
      int rel = l.left;
      int antecedent = RelativeAntecedent(rel);
      if (antecedent < 0) continue;
      State st;
      st.subjects = Conjuncts(g_, antecedent);
      st.weak = AmbiguousAntecedent(antecedent);
      Verb(l.right, st, 0);
    }
  }

  // Participles modifying a noun: "a resolution drafted by France" (Mv),
  // "an armada preparing to invade" (Mg).
  void Participles() {
    for (const Relation& l : g_.relations()) {
      const bool past = l.Is(Rel::kPastParticipleModifier);
      if (!past && !l.Is(Rel::kGerundModifier)) continue;
      const std::string& tag = g_.word(l.left).tag;
      if (!(tag.empty() || tag[0] == 'n' || tag[0] == 's' || tag[0] == 'g') || tag == "null" ||
          (tag.empty() && !IsCapitalized(g_.word(l.left).text)))
        continue;
      State st;
      st.subjects = Conjuncts(g_, l.left);
      st.passive = past;
      Verb(l.right, st, 0);
    }
  }

  // "Hollande's decision to cancel the meeting": the possessor acts.
  void PossessorInfinitives() {
    for (const Relation& l : g_.relations()) {
      if (!l.Is(Rel::kInfinitiveVerb) && !l.Is(Rel::kToInfinitive)) continue;
      const std::string& tag = g_.word(l.left).tag;
      if (tag.empty() || tag[0] != 'n') continue;
      int inf = l.Is(Rel::kInfinitiveVerb) ? l.right : g_.Find(l.right, Rel::kInfinitive, true);
      if (inf < 0 ||
          (l.Is(Rel::kToInfinitive) && g_.Find(l.left, Rel::kInfinitiveVerb, true) >= 0))
        continue;
      PossessorInfinitive(l.left, g_.Find(l.left, Rel::kToInfinitive, true), inf);
    }
    // The parser sometimes hangs the "to" elsewhere (a long sentence read
    // with its first word as a verb: "French President X's decision to
    // cancel" with "French" an imperative). A noun that takes an infinitive,
    // with a possessor and "to V" right after it, governs that infinitive
    // whatever the linkage says: a possessor's decision cannot be followed
    // by a purpose of someone else's.
    for (int n = 1; n + 1 < g_.size(); ++n) {
      const int to = NextWord(n);
      if (to < 0 || !PossessedInfinitiveNoun(n) || g_.Find(n, Rel::kToInfinitive, true) >= 0 ||
          g_.Find(n, Rel::kInfinitiveVerb, true) >= 0)
        continue;
      PossessorInfinitive(n, to, g_.Find(to, Rel::kInfinitive, true));
    }
  }

  // The next word after `w` that is not blanked (chunked sentences), or -1.
  int NextWord(int w) const {
    for (int n = w + 1; n < g_.size(); ++n)
      if (!IsWall(n)) return n;
    return -1;
  }

  // The word before `w` that is not blanked, or 0 (the wall).
  int PrevWord(int w) const {
    for (int p = w - 1; p > 0; --p)
      if (!IsWall(p)) return p;
    return 0;
  }

  // The possessor of a noun ("Hollande's decision", "Russia's refusal"), or -1.
  int Possessor(int noun) const {
    for (int det : g_.FindAll(noun, Rel::kDeterminer, false)) {
      int possessor = g_.Find(det, Rel::kPossessor, false);
      if (possessor < 0) possessor = g_.Find(det, Rel::kPossessorPlural, false);
      if (possessor >= 0) return possessor;
    }
    return -1;
  }

  // `n` is a noun of deciding or intending with a possessor, and "to" + an
  // infinitive follow it: "X's decision to V".
  bool PossessedInfinitiveNoun(int n) const {
    static const std::set<std::string> kNouns = {
        "decision", "plan", "refusal", "attempt", "bid", "effort", "intention", "promise",
        "threat", "offer", "move", "determination", "readiness", "willingness", "pledge", "vow",
        "proposal", "choice", "resolve"};
    const std::string& tag = g_.word(n).tag;
    if (!tag.empty() && tag[0] != 'n' && tag[0] != 's') return false;
    if (kNouns.count(Lemma(absl::AsciiStrToLower(g_.word(n).text), WordClass::kNoun)) == 0)
      return false;
    const int to = NextWord(n);
    return to > 0 && absl::AsciiStrToLower(g_.word(to).text) == "to" &&
           g_.Find(to, Rel::kInfinitive, true) >= 0 && Possessor(n) >= 0;
  }

  void PossessorInfinitive(int noun_word, int to, int inf) {
    const int possessor = Possessor(noun_word);
    if (possessor < 0 || inf < 0) return;
    State st;
    st.subjects = Conjuncts(g_, possessor);
    const std::string noun = Lemma(g_.word(noun_word).text, WordClass::kNoun);
    if (noun != "decision" && noun != "refusal" && noun != "choice")
      st.modality = Modality::kPlanned;
    if (noun == "refusal") st.negated = true;
    st.words.push_back(noun_word);
    if (to >= 0) st.words.push_back(to);
    Verb(inf, st, 0);
  }

  // The preposition after `noun` and that preposition's object:
  // "talks WITH the rebels", "veto OF the resolution". {-1, -1} if none.
  std::pair<int, int> NounPrepObject(int noun) const {
    int prep = g_.Find(noun, Rel::kNounOf, true);
    if (prep < 0) prep = g_.Find(noun, Rel::kNounPrep, true);
    if (prep < 0) return {-1, -1};
    const int obj = g_.Find(prep, Rel::kPrepObject, true);
    return obj < 0 ? std::pair<int, int>{-1, -1} : std::pair<int, int>{prep, obj};
  }

  // The verb an event noun stands for, or "" (people and offices are not
  // events: "Sweden's ambassador of …").
  std::string EventVerb(int noun) const {
    const std::string& tag = g_.word(noun).tag;
    if (!tag.empty() && tag[0] != 'n' && tag[0] != 's') return "";
    if (IsCapitalized(g_.word(noun).text)) return "";
    const std::string lemma = Lemma(g_.word(noun).text, WordClass::kNoun);
    if (NounIsA(lemma, "person")) return "";
    return VerbOfNoun(lemma);
  }

  // Light verbs: the noun says what happened, the verb only that it did.
  // "X held talks with Y" -> X talk_with Y; "X paid a visit to Oslo" ->
  // X visit Oslo; "X launched an attack on Y" -> X attack Y. Added beside
  // the light verb's own clause.
  void LightVerbs() {
    static const std::set<std::string> kLight = {"hold", "pay", "make", "give", "conduct",
                                                 "launch", "stage", "carry", "have"};
    const size_t n = out_.size();
    for (size_t i = 0; i < n; ++i) {
      const Clause c = out_[i];
      if (c.object < 0 || c.verb < 0 || c.passive || c.object_prep_word >= 0) continue;
      if (kLight.count(VerbLemma(c.verb)) == 0) continue;
      const std::string verb = EventVerb(c.object);
      if (verb.empty() || kLight.count(verb) > 0) continue;
      const auto [prep, obj] = NounPrepObject(c.object);
      if (prep < 0) continue;
      const std::string p = absl::AsciiStrToLower(g_.word(prep).text);
      if (p != "with" && p != "to" && p != "on" && p != "against" && p != "of") continue;
      Clause cl = c;
      cl.relation = p == "with" || p == "against" ? verb + "_" + p : verb;
      cl.relation_words.push_back(c.object);
      cl.relation_words.push_back(prep);
      cl.object = cl.object_as_written = obj;
      cl.verb = c.object;
      cl.preps.clear();
      for (const PrepArg& a : c.preps)
        if (a.head != obj) cl.preps.push_back(a);
      out_.push_back(cl);
    }
  }

  // Nominalisations with a possessor: "Russia's veto of the resolution" ->
  // Russia veto resolution.
  void Nominalisations() {
    for (int n = 1; n < g_.size(); ++n) {
      if (PossessedInfinitiveNoun(n)) continue;
      const int possessor = Possessor(n);
      if (possessor < 0) continue;
      const auto [prep, obj] = NounPrepObject(n);
      if (prep < 0 || absl::AsciiStrToLower(g_.word(prep).text) != "of") continue;
      const std::string verb = EventVerb(n);
      if (verb.empty()) continue;
      Clause cl;
      cl.subject = cl.subject_as_written = possessor;
      cl.object = cl.object_as_written = obj;
      cl.verb = n;
      cl.relation = verb;
      cl.relation_words = {n, prep};
      out_.push_back(cl);
    }
  }

  // "PARIS — France's foreign minister said …": a news dateline (the first
  // word, in capitals, then a dash) is where the story was filed, not a
  // name in apposition.
  bool IsDateline(int word) const {
    if (word != 1 || word + 1 >= g_.size()) return false;
    const std::string& text = g_.word(word).text;
    const std::string& next = g_.word(word + 1).text;
    if (next != "—" && next != "--" && next != "–" && next != "-") return false;
    bool letter = false;
    for (char ch : text) {
      if (absl::ascii_islower(static_cast<unsigned char>(ch))) return false;
      letter = letter || absl::ascii_isupper(static_cast<unsigned char>(ch));
    }
    return letter;
  }

  // Appositions: "Laurent Fabius, the French foreign minister, ...".
  void Appositions() {
    for (const Relation& l : g_.relations()) {
      if (!l.Is(Rel::kApposition)) continue;
      int right_head = l.right;
      // "X, a critic and ally of Y": the phrase's head is the coordinator;
      // the clause takes its first conjunct (OfficeFacts reads the rest).
      // Only with an of-phrase on the coordinator: "X, Y and Z" parsed as
      // an apposition is a list (CaRB dev: 11 of 12 such tuples wrong).
      if (g_.word(right_head).tag == "j-n") {
        if (g_.OfAfter(l.right) < 0) continue;
        right_head = g_.Find(l.right, Rel::kConjunctLeft, false);
        if (right_head <= 0) continue;
      }
      const std::string& tag = g_.word(right_head).tag;
      if (!(tag.empty() || tag[0] == 'n' || tag[0] == 's' || tag[0] == 'l' || tag[0] == 'b' ||
            tag[0] == 't') ||
          tag == "null")
        continue;
      // "Karin Ek, who heads …": a relative clause, not an apposition.
      const std::string right = absl::AsciiStrToLower(g_.word(right_head).text);
      if (right == "who" || right == "which") continue;
      if (IsDateline(l.left)) continue;
      Clause cl;
      cl.subject = cl.subject_as_written = l.left;
      cl.object = cl.object_as_written = right_head;
      cl.verb = right_head;
      cl.relation = "be";
      cl.apposition = true;
      out_.push_back(cl);
    }
  }

  // Quotation verbs after the quote: "'…,' said Murray Robinson" (SI) or
  // "…, the minister said" (S). The quote is what was said, and the
  // clauses inside it are reported.
  void QuotationVerbs() {
    for (int v = 1; v < g_.size(); ++v) {
      const std::string& tag = g_.word(v).tag;
      if (tag.empty() || tag[0] != 'q' || !IsSpeechVerb(VerbLemma(v))) continue;
      int subject = g_.Find(v, Rel::kSubjectInverted, true);
      if (subject < 0) subject = g_.Find(v, Rel::kSubject, false);
      if (subject <= 0) continue;
      for (Clause& c : out_)
        if (c.verb < std::min(v, subject) && c.modality == Modality::kAsserted) {
          c.modality = Modality::kReported;
          c.speech_verb = v;
        }
      Clause cl;
      cl.verb = v;
      cl.relation = VerbLemma(v);
      cl.relation_words = {v};
      cl.clausal_object = true;
      cl.quote_before = true;
      cl.graph_worthy = false;
      for (int s : Conjuncts(g_, subject)) {
        Clause c = cl;
        c.subject = c.subject_as_written = s;
        c.object = c.object_as_written = 1;
        out_.push_back(c);
      }
    }
  }

  bool IsWall(int w) const { return g_.word(w).begin == g_.word(w).end; }

  // "the opposition in Syria that used gas": a relative clause after a
  // prepositional object may belong to the noun before the preposition;
  // the parser picks the nearer one, and the hand check found it wrong.
  bool AmbiguousAntecedent(int antecedent) const {
    return g_.Find(antecedent, Rel::kPrepObject, false) >= 0;
  }

  // Subjects of readings the hand check found wrong: "The NATO proxy war
  // has" read as "NATO (that) proxy war has" (a reduced relative, Rn, on
  // the subject); a name opening the clause (CO) before another subject
  // ("France, unlike ... the United States, says"); a vocative before an
  // imperative ("Gerard, don't embarrass them").
  bool UnlikelySubject(int subject, int verb) const {
    if (g_.Find(subject, Rel::kRelativeN, true) >= 0) return true;
    // "which Russia was expected to veto" read with "which" as Russia's
    // determiner: the relative clause's object went elsewhere.
    if (const int det = g_.Find(subject, Rel::kDeterminer, false);
        det > 0 && absl::AsciiStrToLower(g_.word(det).text) == "which")
      return true;
    for (const Adjacent& a : g_.at(subject)) {
      if (a.to_right || !a.Is(Rel::kOpener)) continue;
      const std::string& tag = g_.word(a.other).tag;
      if (tag == "l" || tag == "n" || tag == "s" || tag == "b") return true;
    }
    return subject + 2 == verb && g_.word(subject + 1).text == ",";
  }

  bool IsModalWord(int w) const {
    static const std::set<std::string> k = {"could", "should", "would", "may", "might",
                                            "can", "must", "will", "shall"};
    return k.count(absl::AsciiStrToLower(g_.word(w).text)) > 0;
  }

  // "Assad's diminishing prospects" read as "Assad is diminishing
  // prospects": "'s" is a possessive far more often than "is".
  bool PossessiveReadAsIs(const std::vector<int>& words) const {
    for (int w : words) {
      const std::string& t = g_.word(w).text;
      if (t == "'s" || t == "\xE2\x80\x99s") return true;
    }
    return false;
  }

  // Where or when, not with whom: "clashed in meetings", "talks in Syria".
  // A prepositional object joins the relation for these prepositions only
  // after verbs of motion or staying ("arrive in Paris").
  bool PlaceOrTimeObject(const std::string& verb_lemma, const std::string& prep) const {
    static const std::set<std::string> kWhereWhen = {
        "in", "at", "on", "during", "after", "before", "amid", "since", "until", "for",
        "over", "within", "throughout", "despite", "like", "as", "under", "from"};
    static const std::set<std::string> kMotion = {
        "arrive", "travel", "go", "come", "return", "fly", "move", "live", "stay", "remain",
        "settle", "flee", "land", "head", "retreat", "withdraw", "escape", "invest", "participate",
        "believe", "succeed", "result", "depend", "rely", "insist", "focus", "work"};
    static const std::set<std::string> kSpatial = {"in", "at", "on", "from", "within"};
    return kWhereWhen.count(prep) > 0 &&
           (kMotion.count(verb_lemma) == 0 || kSpatial.count(prep) == 0);
  }

  std::string VerbLemma(int w) const { return Lemma(g_.word(w).text, WordClass::kVerb); }

  // Subjects of clauses that complement a speech verb ("said that Y..."),
  // and of conditions ("if people attack him": possible, not a fact).
  void MarkReported() {
    for (int w = 1; w < g_.size(); ++w) {
      const std::string lower = absl::AsciiStrToLower(g_.word(w).text);
      if (lower != "if" && lower != "unless" && lower != "whether") continue;
      InsertClauseHeads(w, &conditional_);
    }
    // "He added that Russia had ..." parsed with "that" as a determiner of
    // "Russia": still the complement of "added".
    for (int w = 2; w + 1 < g_.size(); ++w) {
      if (absl::AsciiStrToLower(g_.word(w).text) != "that" || !IsSpeechVerb(VerbLemma(w - 1)))
        continue;
      for (int n : g_.FindAll(w, Rel::kDeterminer, true)) reported_.emplace(n, w - 1);
    }
    for (const Relation& l : g_.relations()) {
      if (!(l.Is(Rel::kThatClause) || l.Is(Rel::kClause))) continue;
      const std::string lemma = VerbLemma(l.left);
      // "hope that Y will ...", "fear that Y ...": wished or feared, not a
      // fact, and not a report either.
      static const std::set<std::string> kHope = {"hope", "wish", "fear", "expect", "pray",
                                                  "doubt", "worry", "dream"};
      const bool hope = kHope.count(lemma) > 0;
      if (!hope && !IsSpeechVerb(lemma)) continue;
      std::set<int> marks;
      // "I don't think that X ...": the speaker denies X rather than
      // reports it; the graph leaves such clauses out.
      if (Denied(l.left)) {
        InsertClauseHeads(l.right, &denied_);
        denied_.insert(l.right);
      }
      // "said that Y ..." -> that -Ce-> Y; "said Y ..." -> said -Ce-> Y.
      InsertClauseHeads(l.right, &marks);
      marks.insert(l.right);
      for (int head : marks) {
        if (hope) conditional_.insert(head);
        else reported_.emplace(head, l.left);
      }
    }
  }

  // Heads of the clauses `w` introduces: its C links to the right (the C
  // family, so Ce and Cs too).
  void InsertClauseHeads(int w, std::set<int>* heads) const {
    for (const Adjacent& a : g_.at(w))
      if (a.to_right && a.Is(Rel::kClause)) heads->insert(a.other);
  }

  // Whether `yet` is the "yet" of "has yet to sign", "is yet to decide":
  // not done so far.
  bool YetTo(int yet) const {
    if (yet <= 1 || yet + 1 >= g_.size() || absl::AsciiStrToLower(g_.word(yet).text) != "yet")
      return false;
    static const std::set<std::string> kHaveBe = {"has", "have", "had", "is", "are", "was", "were"};
    return absl::AsciiStrToLower(g_.word(yet + 1).text) == "to" &&
           kHaveBe.count(absl::AsciiStrToLower(g_.word(yet - 1).text)) > 0;
  }

  // Whether `coordinator` is the "nor" of "neither … nor": what it joins
  // is each denied.
  bool NeitherNor(int coordinator) const {
    if (coordinator <= 0 || absl::AsciiStrToLower(g_.word(coordinator).text) != "nor")
      return false;
    for (const Adjacent& a : g_.at(coordinator))
      if (absl::AsciiStrToLower(g_.word(a.other).text) == "neither") return true;
    return false;
  }

  // True for an auxiliary with "n't" attached ("didn't", "isn’t",
  // "won't"); `stem`, when given, gets the auxiliary it negates ("did",
  // "is", "will"). `word` is lower case.
  static bool NegativeContraction(const std::string& word, std::string* stem) {
    size_t cut = 0;
    if (absl::EndsWith(word, "n't")) cut = 3;
    else if (absl::EndsWith(word, "n\xE2\x80\x99t")) cut = 5;
    if (cut == 0 || word.size() <= cut) return false;
    std::string base = word.substr(0, word.size() - cut);
    if (base == "wo") base = "will";
    else if (base == "ca") base = "can";
    else if (base == "sha") base = "shall";
    if (stem != nullptr) *stem = base;
    return true;
  }

  // A verb negated by "not"/"n't" on it or on its auxiliary ("don't think").
  bool Denied(int v, int depth = 0) const {
    for (const Adjacent& a : g_.at(v)) {
      const std::string w = absl::AsciiStrToLower(g_.word(a.other).text);
      if (w == "not" || w == "n't" || w == "n\xE2\x80\x99t" || w == "never") return true;
      if (!a.to_right && a.Is(Rel::kInfinitive) && depth == 0 &&
          (NegativeContraction(w, nullptr) || Denied(a.other, 1)))
        return true;
    }
    return false;
  }

  void Negation(int v, State* st) {
    for (const Adjacent& a : g_.at(v)) {
      const std::string w = absl::AsciiStrToLower(g_.word(a.other).text);
      const bool neg_word = w == "not" || w == "n't" || w == "never" ||
                            (w == "longer" && a.other > 0 &&
                             absl::AsciiStrToLower(g_.word(a.other - 1).text) == "no");
      if (!neg_word) continue;
      // "did not sign" links "not" to both "did" (N) and "sign" (En): count
      // each negating word once.
      if (std::find(st->words.begin(), st->words.end(), a.other) != st->words.end()) continue;
      // E covers En; "is not" is EB.
      if (a.Is(Rel::kNegation) || a.Is(Rel::kAdverb) || a.Is(Rel::kAdverbAfterBe)) {
        st->negated = !st->negated;
        if (w == "longer") st->words.push_back(a.other - 1);
        st->words.push_back(a.other);
      }
    }
  }

  // "Russia reportedly vetoed …", "allegedly supplied": the writer passes
  // on what others say, so the fact is reported (with no speaker named).
  void Hearsay(int v, State* st) const {
    static const std::set<std::string> kHearsay = {"reportedly", "allegedly", "purportedly",
                                                   "supposedly", "reputedly"};
    if (st->modality != Modality::kAsserted) return;
    for (const Adjacent& a : g_.at(v)) {
      if (!(a.Is(Rel::kAdverb) || a.Is(Rel::kAdverbAfterBe))) continue;
      if (kHearsay.count(absl::AsciiStrToLower(g_.word(a.other).text)) > 0) {
        st->modality = Modality::kReported;
        return;
      }
    }
  }

  void Modal(int v, State* st) {
    std::string w = absl::AsciiStrToLower(g_.word(v).text);
    NegativeContraction(w, &w);  // "won't" is "will", "can't" is "can".
    // A modal says more than "reported": "said Russia could veto" is a
    // possibility either way.
    if (w == "may" || w == "might" || w == "could" || w == "would" || w == "can") {
      if (st->modality == Modality::kAsserted || st->modality == Modality::kReported)
        st->modality = Modality::kPossible;
    } else if (w == "will" || w == "shall" || w == "'ll" || w == "\xE2\x80\x99ll") {
      // "France will host a conference": announced, not yet a fact.
      if (st->modality == Modality::kAsserted || st->modality == Modality::kReported)
        st->modality = Modality::kPlanned;
    }
  }

  void Verb(int v, State st, int depth) {
    if (depth > 12 || v < 0 || IsWall(v)) return;
    const ParseWord& word = g_.word(v);
    // Verb coordination: "met and discussed the crisis".
    if (!word.tag.empty() && word.tag[0] == 'j') {
      std::vector<int> conj;
      for (const Adjacent& a : g_.at(v))
        if (a.Is(Rel::kVerbConjunct)) conj.push_back(a.other);
      for (const Adjacent& a : g_.at(v)) {
        if (a.to_right && a.Is(Rel::kObject)) st.shared_objects.push_back(a.other);
        if (a.to_right && a.Is(Rel::kVerbModifier)) st.shared_preps.push_back(a.other);
      }
      // "Fabius thinks Turkey could and should lead" read as "Fabius thinks
      // and should lead": a modal coordinated with a full verb is a misparse.
      int modals = 0;
      for (int c : conj) modals += IsModalWord(c) ? 1 : 0;
      if (modals > 0 && modals < static_cast<int>(conj.size())) st.weak = true;
      // "neither confirmed nor denied": each conjunct is negated. A "nor"
      // after a negated chain ("did not confirm nor deny") adds nothing.
      if (NeitherNor(v)) st.negated = !st.negated;
      for (int c : conj) Verb(c, st, depth + 1);
      return;
    }
    st.words.push_back(v);
    Negation(v, &st);
    // link-grammar keeps "didn't", "isn't", "won't" as one word: the
    // auxiliary negates the chain itself.
    if (NegativeContraction(absl::AsciiStrToLower(word.text), nullptr)) st.negated = !st.negated;
    if (YetTo(v + 1)) st.negated = !st.negated;  // "has yet to sign".
    Hearsay(v, &st);
    Modal(v, &st);
    // Follow the verb chain to the content verb.
    int next;
    if ((next = g_.Find(v, Rel::kPassive, true)) >= 0) {
      st.passive = true;
      Verb(next, st, depth + 1);
      return;
    }
    if ((next = g_.Find(v, Rel::kProgressive, true)) >= 0 && !IsBe(word.text)) {
      GerundComplement(v, next, st, depth);
      return;
    }
    if ((next = g_.Find(v, Rel::kPerfect, true)) >= 0 ||
        (next = g_.Find(v, Rel::kProgressive, true)) >= 0 ||
        (next = g_.Find(v, Rel::kInfinitive, true)) >= 0) {
      Verb(next, st, depth + 1);
      return;
    }
    if ((next = g_.Find(v, Rel::kAdjectiveComplement, true)) >= 0) {
      st.copula = true;
      Complement(next, st, /*adjective=*/true);
      return;
    }
    int inf = g_.Find(v, Rel::kInfinitiveVerb, true);
    if (inf < 0) {
      int to = g_.Find(v, Rel::kToInfinitive, true);
      if (to >= 0) inf = g_.Find(to, Rel::kInfinitive, true);
    }
    if (inf >= 0) {
      const std::string lemma = VerbLemma(v);
      std::vector<int> own_objects = g_.FindAll(v, Rel::kObject, true);
      State inner = st;
      int to = g_.Find(v, Rel::kToInfinitive, true);
      if (st.passive) {
        // "Russia is expected to veto …": Russia vetoes, in the active.
        // Other passives ("was asked to leave") keep their old reading.
        auto raised = RaisingPassive(lemma);
        if (!raised) return;
        inner.passive = false;
        if (inner.modality == Modality::kAsserted ||
            (inner.modality == Modality::kReported && *raised == Modality::kPossible))
          inner.modality = *raised;
        if (to >= 0) inner.words.push_back(to);
        Verb(inf, inner, depth + 1);
        return;
      }
      if (IsNegatingVerb(lemma)) inner.negated = !inner.negated;
      if (IsPlanVerb(lemma) && (inner.modality == Modality::kAsserted ||
                                inner.modality == Modality::kReported))
        inner.modality = Modality::kPlanned;
      if (!own_objects.empty()) {
        // "pressed Putin to stop": press(X, Putin), then stop(Putin, ...).
        Emit(v, st, {});
        inner.subjects = Conjuncts(g_, own_objects[0]);
        inner.words.clear();
        inner.negated = false;
        // "pressed the Kremlin to accept": the plan is the presser's, not
        // the Kremlin's; that it accepts is only possible.
        if (inner.modality == Modality::kPlanned) inner.modality = Modality::kPossible;
      }
      if (to >= 0) inner.words.push_back(to);
      Verb(inf, inner, depth + 1);
      return;
    }
    if (IsBe(word.text) && g_.Find(v, Rel::kObject, true) >= 0) {
      st.copula = true;
      Complement(g_.Find(v, Rel::kObject, true), st, /*adjective=*/false);
      return;
    }
    // "X said (that) Y ...": the complement clause is the object.
    int comp = g_.Find(v, Rel::kThatClause, true);
    if (comp < 0) comp = g_.Find(v, Rel::kClauseEmbedded, true);
    if (comp >= 0 && g_.FindAll(v, Rel::kObject, true).empty()) {
      Clause base;
      base.verb = v;
      base.relation = VerbLemma(v);
      base.negated = st.negated;
      base.modality = st.modality;
      base.speech_verb = st.speech_verb;
      base.relation_words = st.words;
      base.clausal_object = true;
      base.graph_worthy = false;
      for (int s : st.subjects) {
        Clause cl = base;
        cl.subject = cl.subject_as_written = s;
        cl.object = cl.object_as_written = comp;
        out_.push_back(cl);
      }
      return;
    }
    Emit(v, st, {});
  }

  std::vector<PrepArg> Preps(int v, const State& st) {
    std::vector<int> prep_words = g_.FindAll(v, Rel::kVerbPrep, true);
    for (int p : g_.FindAll(v, Rel::kVerbPrepX, true)) prep_words.push_back(p);
    for (int p : st.shared_preps) prep_words.push_back(p);
    std::sort(prep_words.begin(), prep_words.end());
    std::vector<PrepArg> out;
    for (int p : prep_words) {
      int obj = g_.Find(p, Rel::kPrepObject, true);
      if (obj < 0) continue;
      PrepArg arg;
      arg.preposition = absl::AsciiStrToLower(g_.word(p).text);
      arg.prep_word = p;
      arg.head = obj;
      out.push_back(arg);
    }
    return out;
  }

  void Complement(int c, State st, bool adjective) {
    // "Obama was born in Hawaii", "Fabius is the foreign minister of France".
    std::vector<PrepArg> preps = Preps(c, st);
    Clause base;
    base.verb = c;
    base.negated = st.negated;
    base.modality = st.modality;
    base.speech_verb = st.speech_verb;
    base.relation_words = st.words;
    base.graph_worthy = !st.weak && !PossessiveReadAsIs(st.words);
    if (adjective) {
      std::string lemma = absl::AsciiStrToLower(g_.word(c).text);
      // "Russia is likely to veto the resolution": the fact is the
      // infinitive's, held as possible or planned.
      if (auto how = AdjectiveBeforeInfinitive(lemma); how && preps.empty()) {
        const int to = g_.Find(c, Rel::kToInfinitive, true);
        const int inf = to >= 0 ? g_.Find(to, Rel::kInfinitive, true) : -1;
        if (inf >= 0) {
          State inner = st;
          inner.copula = false;
          if (how->negates) inner.negated = !inner.negated;
          if (inner.modality == Modality::kAsserted || inner.modality == Modality::kReported)
            inner.modality = how->modality;
          inner.words.push_back(c);
          inner.words.push_back(to);
          Verb(inf, inner, 1);
          return;
        }
      }
      base.relation_words.push_back(c);
      if (preps.empty()) {
        // "X is ready": no second argument worth a graph edge; CaRB wants
        // (X; is; ready) only as (X; is; ready) -- keep it, ungraphed.
        base.relation_words.pop_back();
        for (int s : st.subjects) {
          Clause cl = base;
          cl.subject = cl.subject_as_written = s;
          cl.object = cl.object_as_written = c;
          cl.relation = "be";
          cl.graph_worthy = false;
          out_.push_back(cl);
        }
        return;
      }
      PrepArg first = preps.front();
      preps.erase(preps.begin());
      if (first.preposition == "by" && lemma.size() > 2 &&
          lemma.compare(lemma.size() - 2, 2, "ed") == 0) {
        // "was prepared by the council": a participle the parser read as an
        // adjective; the agent acts.
        base.relation = VerbLemma(c);
        base.passive = true;
        base.preps = preps;
        for (int a : Conjuncts(g_, first.head))
          for (int s : st.subjects) {
            Clause cl = base;
            cl.subject = a;
            cl.object = s;
            cl.subject_as_written = s;
            cl.object_as_written = a;
            cl.object_prep_word = first.prep_word;
            out_.push_back(cl);
          }
        return;
      }
      base.relation_words.push_back(first.prep_word);
      base.relation = lemma + "_" + first.preposition;
      base.preps = preps;
      base.object_prep_word = first.prep_word;
      for (int s : st.subjects)
        for (int o : Conjuncts(g_, first.head)) {
          Clause cl = base;
          cl.subject = cl.subject_as_written = s;
          cl.object = cl.object_as_written = o;
          out_.push_back(cl);
        }
      return;
    }
    base.relation = "be";
    for (int s : st.subjects)
      for (int o : Conjuncts(g_, c)) {
        Clause cl = base;
        cl.subject = cl.subject_as_written = s;
        cl.object = cl.object_as_written = o;
        out_.push_back(cl);
      }
  }

  // "no jurisdiction", "no fighters died": a "no" determiner denies.
  bool DeniedByDeterminer(int noun) const {
    if (noun < 0) return false;
    for (int d : g_.FindAll(noun, Rel::kDeterminer, false))
      if (absl::AsciiStrToLower(g_.word(d).text) == "no") return true;
    return false;
  }

  // A purpose infinitive far from its verb whose "to" can only be the
  // verb's: what stands between is the verb's own arguments, and the last
  // of them is a name in a prepositional phrase of the verb or of its
  // direct object, not deeper ("seized upon the protests in Bergen and Oslo to impose a
  // curfew"). A name takes no infinitive ("a mandate to enforce", "an
  // attempt to bring down" do, and "convince Brazil to vote" is an object,
  // not a prepositional phrase), so the purpose is the subject's. Words the
  // verb does not reach (a parenthetical chunk) do not count.
  bool PurposeAfterName(int v, int to) const {
    std::set<int> reached = {v};
    std::vector<int> todo = {v};
    while (!todo.empty()) {
      const int w = todo.back();
      todo.pop_back();
      for (const Adjacent& a : g_.at(w))
        if (a.other > v && a.other < to && reached.insert(a.other).second) todo.push_back(a.other);
    }
    const int last = *reached.rbegin();
    if (last == v) return false;
    for (int w : reached)
      if (g_.word(w).text == "," || g_.word(w).text == "that" || g_.word(w).text == "which")
        return false;
    const ParseWord& name = g_.word(last);
    if (!IsCapitalized(name.text) || name.tag == "a" || name.tag == "null") return false;
    // The name, or the coordination it ends ("in Bergen and Oslo"), is the
    // object of a preposition.
    int object = last;
    int prep = g_.Find(object, Rel::kPrepObject, false);
    if (prep < 0) {
      for (const Adjacent& a : g_.at(last))
        if (!a.to_right && a.Is(Rel::kConjunct)) object = a.other;
      prep = object == last ? -1 : g_.Find(object, Rel::kPrepObject, false);
    }
    if (prep < 0) return false;
    if (g_.Find(prep, Rel::kVerbPrep, false) == v) return true;
    const int noun = g_.Find(prep, Rel::kNounPrep, false);
    for (int o : g_.FindAll(v, Rel::kObject, true))
      if (noun == o) return true;
    return false;
  }

  // "stopped supplying arms", "denied meeting Dahl", "proposed sending
  // troops": the governing verb says whether the gerund's event holds.
  // Verbs of ending or avoiding negate it; "deny" also reports it, as the
  // subject's claim; verbs of planning make it planned, "risk" possible;
  // "began", "kept", "continued" leave it as it is.
  void GerundComplement(int v, int gerund, State st, int depth) {
    // IsNegatingVerb's "refuse", "fail", "decline" negate it too.
    static const std::set<std::string> kEnds = {"stop",    "cease", "quit", "halt",
                                                "avoid",   "abandon", "end", "resist"};
    const std::string lemma = VerbLemma(v);
    if (kEnds.count(lemma) > 0 || IsNegatingVerb(lemma)) st.negated = !st.negated;
    if (lemma == "deny") {
      st.negated = !st.negated;
      if (st.modality == Modality::kAsserted) {
        st.modality = Modality::kReported;
        st.speech_verb = v;
      }
    }
    if ((IsPlanVerb(lemma) || lemma == "consider" || lemma == "discuss" || lemma == "suggest" ||
         lemma == "recommend") &&
        (st.modality == Modality::kAsserted || st.modality == Modality::kReported))
      st.modality = Modality::kPlanned;
    if (lemma == "risk") st.modality = Modality::kPossible;
    Verb(gerund, st, depth + 1);
  }

  void Emit(int v, const State& st, std::vector<int> extra) {
    // A purpose infinitive: "traveled to Moscow to meet Lavrov" -> meet,
    // intended by the same subject.
    int purpose_to = g_.Find(v, Rel::kPurpose, true);
    // "announced Hollande's decision to cancel": the noun's, not the verb's.
    if (purpose_to > 1 && PossessedInfinitiveNoun(PrevWord(purpose_to))) purpose_to = -1;
    if (purpose_to >= 0 && purpose_depth_ < 4) {
      int inf = g_.Find(purpose_to, Rel::kInfinitive, true);
      if (inf >= 0) {
        State inner;
        inner.subjects = st.subjects;
        inner.speech_verb = st.speech_verb;
        inner.modality = st.modality == Modality::kAsserted || st.modality == Modality::kReported
                             ? Modality::kPlanned
                             : st.modality;
        // The parser also reads "failed to convince" this way.
        const std::string governing = VerbLemma(v);
        if (IsNegatingVerb(governing)) {
          inner.negated = !st.negated;
          inner.modality = st.modality;
        } else if (governing == "decide" || governing == "agree" || governing == "manage" ||
                   governing == "choose") {
          inner.modality = st.modality;
        } else if (auto raised = RaisingPassive(governing); raised && st.passive) {
          // "Russia is said to have vetoed", read as a purpose: no plan.
          inner.modality = st.modality == Modality::kAsserted ? *raised : st.modality;
        }
        inner.words.push_back(purpose_to);
        // "touched upon the overstepping of a mandate to enforce a zone":
        // a distant "to" often belongs to a noun in between, unless that
        // noun is a name (see PurposeAfterName).
        inner.weak = st.weak || (purpose_to - v > 4 && !PurposeAfterName(v, purpose_to));
        ++purpose_depth_;
        Verb(inf, inner, 0);
        --purpose_depth_;
      }
    }
    const std::string lemma = VerbLemma(v);
    std::string type = lemma;
    Clause base;
    base.verb = v;
    base.negated = st.negated;
    base.passive = st.passive;
    base.modality = st.modality;
    base.speech_verb = st.speech_verb;
    base.relation_words = st.words;
    base.graph_worthy = !st.weak && !PossessiveReadAsIs(st.words);
    int particle = g_.Find(v, Rel::kParticle, true);
    if (particle >= 0) {
      type += "_" + absl::AsciiStrToLower(g_.word(particle).text);
      base.relation_words.push_back(particle);
    }
    std::vector<int> objects = g_.FindAll(v, Rel::kObject, true);
    // "has sent A to the region and is organizing B": an object the
    // coordinator carries belongs to a conjunct without one of its own.
    if (objects.empty())
      for (int o : st.shared_objects) objects.push_back(o);
    if (auto it = relative_objects_.find(v);
        objects.empty() && !st.passive && it != relative_objects_.end()) {
      objects.push_back(it->second);
      // "the opposition in Syria that Russia bombed": which noun is meant
      // is the parser's guess (AmbiguousAntecedent).
      if (AmbiguousAntecedent(it->second)) base.graph_worthy = false;
    }
    std::vector<int> expanded;
    for (int o : objects)
      for (int c : Conjuncts(g_, o)) expanded.push_back(c);
    std::vector<PrepArg> preps = Preps(v, st);

    if (st.passive) {
      auto agent = std::find_if(preps.begin(), preps.end(),
                                [](const PrepArg& p) { return p.preposition == "by"; });
      if (agent != preps.end()) {
        PrepArg by = *agent;
        preps.erase(agent);
        base.relation = type;
        base.preps = preps;
        for (int a : Conjuncts(g_, by.head))
          for (int s : st.subjects) {
            Clause cl = base;
            cl.subject = a;
            cl.object = s;
            cl.subject_as_written = s;
            cl.object_as_written = a;
            cl.object_prep_word = by.prep_word;
            out_.push_back(cl);
          }
        return;
      }
      if (!preps.empty()) {
        PrepArg first = preps.front();
        preps.erase(preps.begin());
        base.relation = type + "_" + first.preposition;
        base.preps = preps;
        base.graph_worthy = false;  // The patient of an unnamed agent.
        base.object_prep_word = first.prep_word;
        for (int s : st.subjects)
          for (int o : Conjuncts(g_, first.head)) {
            Clause cl = base;
            cl.subject = cl.subject_as_written = s;
            cl.object = cl.object_as_written = o;
            out_.push_back(cl);
          }
      } else {
        EmitIntransitive(base, type, st);
      }
      return;
    }
    if (!expanded.empty()) {
      base.relation = type;
      base.preps = preps;
      // "puts Russia on the side of rogue powers": the place is part of
      // what is said (a reject of the hand check); the graph's relation
      // cannot hold it, CaRB's n-ary tuple can.
      static const std::set<std::string> kPlacing = {"put", "place", "set", "lay"};
      // link-grammar links the place to the verb as a preposition (MV) or
      // a predicative complement (Pp). A particle makes another verb: "set
      // up a company in Oslo" places nothing (`type` is then "set_up").
      if (kPlacing.count(type) > 0 &&
          (!preps.empty() || g_.Find(v, Rel::kPredicative, true) >= 0))
        base.graph_worthy = false;
      for (int s : st.subjects)
        for (int o : expanded) {
          Clause cl = base;
          cl.subject = cl.subject_as_written = s;
          cl.object = cl.object_as_written = o;
          out_.push_back(cl);
        }
      return;
    }
    if (!preps.empty()) {
      PrepArg first = preps.front();
      preps.erase(preps.begin());
      base.relation = type + "_" + first.preposition;
      base.preps = preps;
      base.object_prep_word = first.prep_word;
      if (PlaceOrTimeObject(lemma, first.preposition)) base.graph_worthy = false;
      for (int s : st.subjects)
        for (int o : Conjuncts(g_, first.head)) {
          Clause cl = base;
          cl.subject = cl.subject_as_written = s;
          cl.object = cl.object_as_written = o;
          out_.push_back(cl);
        }
    }
    if (preps.empty()) EmitIntransitive(base, type, st);
    (void)extra;
  }

  // "On one occasion the lamps went out": no second argument. The graph
  // cannot use it; CaRB can, with an opening phrase as the second argument.
  void EmitIntransitive(Clause base, const std::string& type, const State& st) {
    base.relation = type;
    base.graph_worthy = false;
    for (int s : st.subjects) {
      Clause cl = base;
      cl.subject = cl.subject_as_written = s;
      cl.object = cl.object_as_written = -1;
      out_.push_back(cl);
    }
  }

  const LinkGraph& g_;
  std::map<int, int> reported_;  // Clause head -> the speech verb reporting it.
  std::set<int> conditional_;
  std::set<int> denied_;
  std::map<int, int> relative_objects_;  // Verb -> the noun its relative clause modifies.
  int purpose_depth_ = 0;
  std::vector<Clause> out_;
};

}  // namespace

std::vector<Clause> ExtractClauses(const LinkGraph& graph) { return Extractor(graph).Run(); }

}  // namespace quiver::ingest
