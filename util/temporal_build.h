// Temporal values from openCypher's other constructor forms: a map of
// fields (date({year: 1984, week: 10, dayOfWeek: 3})), another temporal value
// (date(datetime)), truncation (date.truncate('month', d)) and the clock.
// Field names follow the openCypher temporal proposal:
//   date      year, month, day | week, dayOfWeek | quarter, dayOfQuarter |
//             ordinalDay; `date` or `datetime`: a value to start from
//   time      hour, minute, second, millisecond, microsecond, nanosecond;
//             `time` or `datetime`: a value to start from
//   zone      timezone: 'Europe/Stockholm', '+01:00' or 'Z' (converts a
//             start value that has one: same instant, other zone)
//   datetime  also epochSeconds or epochMillis (+ nanosecond)

#ifndef QUIVER_UTIL_TEMPORAL_BUILD_H_
#define QUIVER_UTIL_TEMPORAL_BUILD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "quiver/value.h"

namespace quiver::temporal {

// A zone name or an offset, as the `timezone` field or a clock argument
// gives it.
struct ZoneSpec {
  std::string zone;     // IANA name, or empty for a fixed offset
  int32_t offset = 0;   // used when zone is empty
};
absl::StatusOr<ZoneSpec> ParseZoneSpec(std::string_view text);

// A value of `kind` from fields. kInvalidArgument names the field that is
// unknown, of the wrong type or out of range.
absl::StatusOr<TemporalValue> FromMap(TemporalValue::Kind kind, const ValueMap& fields);

// A duration from years, quarters, months, weeks, days, hours, minutes,
// seconds, milliseconds, microseconds, nanoseconds; fractional amounts carry
// down to the smaller units (ApproximateDuration).
absl::StatusOr<TemporalValue> DurationFromMap(const ValueMap& fields);

// `value` as a value of `kind`: the parts `kind` has and `value` lacks are
// midnight and UTC; a date that `value` lacks is an error.
absl::StatusOr<TemporalValue> Project(TemporalValue::Kind kind, const TemporalValue& value);

// `value` truncated to `unit` (millennium, century, decade, year, weekYear,
// quarter, month, week, day, hour, minute, second, millisecond,
// microsecond) as a value of `kind`, then `overrides` applied as FromMap's
// fields.
absl::StatusOr<TemporalValue> Truncate(TemporalValue::Kind kind, std::string_view unit,
                                       const TemporalValue& value, const ValueMap& overrides);

// The instant (seconds and nanoseconds since 1970-01-01T00:00Z) as a value
// of `kind` seen in `zone`.
TemporalValue AtInstant(TemporalValue::Kind kind, int64_t epoch_second, int64_t nano,
                        const ZoneSpec& zone);

}  // namespace quiver::temporal

#endif  // QUIVER_UTIL_TEMPORAL_BUILD_H_
