// The open-IE tuples of one sentence (quiver/open_tuples.h) from ingest/'s
// CaRB candidates: the conversion between the two, kept in one place so
// that the public types name nothing of ingest/.

#ifndef QUIVER_API_SENTENCE_TUPLES_H_
#define QUIVER_API_SENTENCE_TUPLES_H_

#include <string>

#include "ingest/link_parser.h"
#include "quiver/open_tuples.h"

namespace quiver::internal {

// Parses `sentence` with `parser` and returns its candidates and the tuples
// to report, scored by the embedded confidence model when there is one.
SentenceTuples SentenceTuplesOf(const std::string& sentence, ingest::ParserSession& parser);

}  // namespace quiver::internal

#endif  // QUIVER_API_SENTENCE_TUPLES_H_
