// Clauses from a link-grammar parse: who did what to whom, with polarity,
// modality, prepositional arguments and the words that say it.

#ifndef QUIVER_INGEST_CLAUSE_EXTRACTOR_H_
#define QUIVER_INGEST_CLAUSE_EXTRACTOR_H_

#include <string>
#include <vector>

#include "ingest/noun_phrase.h"

namespace quiver::ingest {

enum class Modality { kAsserted, kPossible, kPlanned, kReported };
const char* ModalityName(Modality m);

struct PrepArg {
  std::string preposition;  // "in", "with", "by"
  int prep_word = -1;
  int head = -1;  // Head noun of the prepositional object.
};

// One clause. Word indices point into the parse tree.
struct Clause {
  int subject = -1;          // Head of the subject (after passive: the agent).
  int object = -1;           // Head of the object, or -1.
  int verb = -1;             // Content verb (or copula complement head).
  std::vector<int> relation_words;  // Auxiliaries, negation, verb, particle...
  std::string relation;      // Normalised type: "veto", "meet_with", "minister_of".
  std::vector<PrepArg> preps;  // Further prepositional arguments (qualifiers).
  bool negated = false;
  bool passive = false;      // Stated in the passive voice.
  Modality modality = Modality::kAsserted;
  // With kReported from "X said that …": the speech verb ("said"), whose
  // subject the graph keeps as the statement's speaker. -1 otherwise.
  int speech_verb = -1;
  // A subject or object that is the patient of a passive without agent, or
  // an adjective complement: CaRB-worthy, too weak for the graph.
  bool graph_worthy = true;
  int subject_as_written = -1;  // The grammatical subject, for CaRB order.
  int object_as_written = -1;
  int object_prep_word = -1;    // When the object came from a preposition.
  // The object is a whole clause ("said that Y vetoed Z"): CaRB's arg2 is
  // its span; the graph gets the inner clause instead.
  bool clausal_object = false;
  // The clausal object is the quotation before the verb ("…, he said").
  bool quote_before = false;
  // Apposition ("Fabius, the foreign minister"): relation "be", no verb word.
  bool apposition = false;
  // From a participle or relative clause modifying a noun, or a nominal
  // ("X's decision to V"), rather than a main clause.
  bool from_modifier = false;
};

// Every clause the parse states, in sentence order of their verbs.
std::vector<Clause> ExtractClauses(const LinkGraph& graph);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_CLAUSE_EXTRACTOR_H_
