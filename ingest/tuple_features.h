// What the confidence model sees of a candidate tuple: named features,
// one-hot ("kind=svo") or numeric ("arg1_words"), computed from the typed
// view, the clause and the tuple's words only.

#ifndef QUIVER_INGEST_TUPLE_FEATURES_H_
#define QUIVER_INGEST_TUPLE_FEATURES_H_

#include <string>
#include <utility>
#include <vector>

#include "ingest/clause_extractor.h"
#include "ingest/sentence_view.h"

namespace quiver::ingest {

// name -> value; names are unique within one candidate.
using Features = std::vector<std::pair<std::string, double>>;

// The construction a clause candidate comes from ("svo", "passive_agent",
// "prep_object", "copula", "apposition", "reported", ...).
std::string ClauseKind(const SentenceView& g, const Clause& c);

// Features of the parse as a whole: parse completeness, linkage rank and
// cost, chunks, sentence length.
Features ParseFeatures(const SentenceView& g, bool partial);

// Features of one clause candidate: `kind` and the clause's own flags
// (modality, polarity, passive, modifier, graph-worthiness), argument
// heads' parts of speech, distance, prepositional arguments.
Features ClauseFeatures(const SentenceView& g, const Clause& c);

// Features of the tuple's words: relation and argument lengths, number of
// arguments, the hand-written confidence it had. `kind` is the
// construction.
Features TupleWordFeatures(const std::string& kind, const std::string& relation,
                           const std::vector<std::string>& args, double hand_confidence);

// "name=value;name=value" with values printed to 4 decimals, for
// `quiver extract --format carb-features`.
std::string FormatFeatures(const Features& f);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_TUPLE_FEATURES_H_
