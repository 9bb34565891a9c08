// Every candidate tuple of one CaRB line, with its features, and their
// ranking: by the learned confidence when this binary has a model
// (ingest/confidence_model.h), else by the hand-written confidence.

#ifndef QUIVER_INGEST_CARB_CANDIDATES_H_
#define QUIVER_INGEST_CARB_CANDIDATES_H_

#include <string>
#include <vector>

#include "ingest/carb_writer.h"
#include "ingest/confidence_model.h"
#include "ingest/link_parser.h"

namespace quiver::ingest {

// The clause and noun-phrase tuples of the parse, extra recall candidates,
// and the shallow reading (alone for a line without a parse, else as a
// last-ranked extra). Confidences are the hand-written ones.
std::vector<OpenTuple> CarbCandidates(const std::string& line, ParserSession& parser);

// The same for a sentence already parsed (`g` may be null: no parse) and
// its clauses.
std::vector<OpenTuple> SentenceCandidates(const SentenceView* g,
                                          const std::vector<Clause>& clauses,
                                          const std::string& sentence, bool partial);

// The graph's cut: with the embedded model, a clause whose tuple scores
// under the model's threshold (chosen on the cross-validated CaRB curve)
// stops being graph_worthy. Without a model, or for a clause that gives no
// tuple of its own, nothing changes.
void KeepConfidentClauses(const SentenceView& g, const std::string& sentence, bool partial,
                          std::vector<Clause>* clauses);
// The same with a given model (nullptr: nothing changes); tests pass their own.
void KeepConfidentClauses(const SentenceView& g, const std::string& sentence, bool partial,
                          const ConfidenceModel* model, std::vector<Clause>* clauses);

// The tuples to write, extras left out; with a model their confidence is
// the model's score, without (nullptr) the hand-written one.
std::vector<OpenTuple> RankCandidates(std::vector<OpenTuple> candidates,
                                      const ConfidenceModel* model);

// One line per candidate: sentence, confidence, features
// ("name=value;..."), relation, arguments; no trailing newline.
std::string FormatCarbFeatures(const std::string& sentence,
                               const std::vector<OpenTuple>& candidates);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_CARB_CANDIDATES_H_
