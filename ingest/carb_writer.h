// Clauses as open-IE tuples in CaRB's tab format:
// sentence<TAB>confidence<TAB>relation<TAB>arg1<TAB>arg2[<TAB>arg3...].

#ifndef QUIVER_INGEST_CARB_WRITER_H_
#define QUIVER_INGEST_CARB_WRITER_H_

#include <string>
#include <vector>

#include "ingest/clause_extractor.h"
#include "ingest/tuple_features.h"

namespace quiver::ingest {

struct OpenTuple {
  std::string relation;
  std::vector<std::string> args;  // arg1, arg2, then prepositional args.
  double confidence = 0;  // Hand-written until a model ranks it.
  // What the confidence model sees (ingest/tuple_features.h).
  Features features;
  // A recall candidate the hand-ranked output leaves out (one conjunct of
  // a coordination, possession): only a model decides whether it is kept.
  bool extra = false;
  // Index of the clause it states in ToOpenTuples' input, or -1 (noun
  // phrases, the shallow reading).
  int clause = -1;
};

// Arguments and relation as written in `sentence` (the parser's spans, so
// the input's own tokens). Duplicates and tuples contained in a longer one
// from the same clause are dropped. `partial`: the parse left words out.
// Every tuple carries its features; `extra` ones follow the others.
std::vector<OpenTuple> ToOpenTuples(const LinkGraph& graph, const std::vector<Clause>& clauses,
                                    const std::string& sentence, bool partial);

// One line per tuple, without a trailing newline on the last. Confidence
// to `decimals` places: 3 for the hand-written values, 6 for a model's
// (each distinct value is a threshold on CaRB's curve).
std::string FormatCarb(const std::string& sentence, const std::vector<OpenTuple>& tuples,
                       int decimals = 3);

// A confidence in [0.05, 0.99] from what the parse and clause look like.
double ClauseConfidence(const LinkGraph& graph, const Clause& clause, bool partial);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_CARB_WRITER_H_
