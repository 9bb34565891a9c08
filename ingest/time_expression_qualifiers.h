// Dating a document's statements: each triple takes the time expression of
// its sentence nearest its relation words as qualifiers, and every statement
// of a dated document the document's date as "reported" (docs/extraction.md,
// "Time expressions").

#ifndef QUIVER_INGEST_TIME_EXPRESSION_QUALIFIERS_H_
#define QUIVER_INGEST_TIME_EXPRESSION_QUALIFIERS_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "quiver/graph_types.h"

namespace quiver::ingest {

// The day of an ISO date or date-time ("2016-10-11", "2016-10-11T…"), as
// days since 1970-01-01; nullopt for anything else.
std::optional<int64_t> DocumentDay(std::string_view date);

// Adds to each triple "time" (the words as written), "time_start" and
// "time_end" (Dates, when normalised), "time_granularity" and "time_kind"
// from its sentence (Triple::sentence_text), and "reported" (a Date) when
// `document_date` is one. Sentences are read once each.
void AddTimeQualifiers(std::string_view document_date, std::vector<Triple>* triples);

}  // namespace quiver::ingest

#endif  // QUIVER_INGEST_TIME_EXPRESSION_QUALIFIERS_H_
