// When a fact was seen: the edge properties "first_seen" and "last_seen"
// (Dates), folded from the time each of its statements carries. A statement
// dated by a time expression in its sentence has "time_start" (and
// "time_end" for an interval); one without has the document's date as
// "reported". Its span is [time_start, time_end or time_start], else
// [reported, reported]; the edge's is the hull of its statements' spans.

#ifndef QUIVER_GRAPH_FACT_TIME_H_
#define QUIVER_GRAPH_FACT_TIME_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "quiver/graph_types.h"

namespace quiver::graph {

class Reader;

inline constexpr std::string_view kFirstSeen = "first_seen";
inline constexpr std::string_view kLastSeen = "last_seen";

// Qualifiers that belong to one statement and are never copied to its edge:
// the time keys ("time", "time_start", "time_end", "time_granularity",
// "time_kind", "reported"). An edge summarises them as first/last seen.
bool IsStatementTimeKey(std::string_view key);

// [first, last] epoch days of one statement; nullopt when it has no time.
using DaySpan = std::pair<int64_t, int64_t>;
std::optional<DaySpan> StatementSpan(const ValueMap& qualifiers);

// The hull of `spans` as "first_seen" / "last_seen" on `props`; both are
// removed when there is no span.
void SetSeen(const std::vector<DaySpan>& spans, ValueMap* props);

// Widens the edge's first/last seen by one more statement's qualifiers.
void WidenSeen(const ValueMap& statement_qualifiers, ValueMap* props);

// The hull an edge's properties claim; nullopt when it has none (or a
// first/last seen that is not a Date).
std::optional<DaySpan> SeenOf(const ValueMap& props);

// Recomputes first/last seen of `edge` from its stored statements (their
// provenance mirrors), into `props`.
absl::Status RecomputeSeen(const Reader& reader, EdgeId edge, ValueMap* props);

}  // namespace quiver::graph

#endif  // QUIVER_GRAPH_FACT_TIME_H_
