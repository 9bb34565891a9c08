// ISO 8601 text to temporal values, the forms openCypher's temporal
// proposal accepts:
//   dates      2015-07-21 20150721 2015-07 201507 2015-W30-2 2015W302
//              2015-W30 2015W30 2015-202 2015202 2015 +999999999-12-31
//   times      21:40:32.142 214032,142 21:40 2140 21
//   offsets    Z +01:00 +0100 +01 (a Time or DateTime without one is UTC)
//   zones      2015-07-21T21:40[Europe/Stockholm], with or without offset
//   date-times a date, 'T', a time: 2015-W30-2T214032.142Z
//   durations  P14DT16H12M P5M1.5D PT0.75M P2.5W PT-1.5S -P1D
//              P2012-02-02T14:37:21.545 (fractions of a unit carry down)

#ifndef QUIVER_UTIL_TEMPORAL_PARSE_H_
#define QUIVER_UTIL_TEMPORAL_PARSE_H_

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "quiver/value.h"

namespace quiver::temporal {

// The value of `kind` that `text` spells; kInvalidArgument saying what is
// wrong otherwise.
absl::StatusOr<TemporalValue> Parse(TemporalValue::Kind kind, std::string_view text);

// A UTC offset alone ("Z", "+01:00", "-0130", "+01"), in seconds.
std::optional<int32_t> ParseOffset(std::string_view text);

}  // namespace quiver::temporal

#endif  // QUIVER_UTIL_TEMPORAL_PARSE_H_
