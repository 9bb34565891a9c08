// Which sentences of a document lie wholly inside a quotation: someone's
// words, so what they state is reported, never the writer's own assertion
// (issue 4: "so a reader never mistakes ... a plan for a fact"). A quote
// often runs over several sentences with its speaker named only in the
// last ("... do not like," he told RT.), which the parse of one sentence
// cannot see.

#ifndef QUIVER_INGEST_QUOTATION_H_
#define QUIVER_INGEST_QUOTATION_H_

#include <string_view>
#include <vector>

#include "ingest/sentence_splitter.h"

namespace quiver::ingest {

// For each span of `spans` (SplitSentences of `nfc_text`, in order): true
// when the sentence has letters and every one of them is inside double
// quotation marks (“ ” „ « » and ASCII " toggling). A line break closes any
// open quotation, so an unmatched mark cannot spread past its paragraph.
std::vector<bool> SentencesInsideQuotation(std::string_view nfc_text,
                                           const std::vector<SentenceSpan>& spans);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_QUOTATION_H_
