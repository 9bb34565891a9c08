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
