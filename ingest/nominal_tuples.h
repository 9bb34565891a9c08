// Facts a noun phrase states without a verb, as CaRB tuples: a title before
// a name ("President Bush" -> (Bush; is; President)) and a place ("the
// school in Milwaukee" -> (the school; is in; Milwaukee)). CaRB's gold
// states these; the graph gets titles through the entity resolver instead.
// Possession ("Kesey 's son" -> (Kesey; has; son)) was tried: a fifth of
// those tuples matched the gold, and F1 fell by 0.004; it stays as an
// extra candidate for the confidence model to rank.

#ifndef QUIVER_INGEST_NOMINAL_TUPLES_H_
#define QUIVER_INGEST_NOMINAL_TUPLES_H_

#include <string>
#include <vector>

#include "ingest/carb_writer.h"
#include "ingest/noun_phrase.h"

namespace quiver::ingest {

// Tuples in the order above, possession marked `extra`. `partial`: the parse left words out (lower
// confidence).
std::vector<OpenTuple> NominalTuples(const LinkGraph& g, const std::string& sentence,
                                     bool partial);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_NOMINAL_TUPLES_H_
