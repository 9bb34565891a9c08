// openCypher temporal values (quiver::TemporalValue): the calendar, building
// values of each kind, arithmetic with durations, durations between two
// instants, and comparison. ISO 8601 text is in temporal_parse.h and
// temporal_format.h; named time zones (ICU) in time_zone.h.
//
// Semantics follow the openCypher temporal proposal and, where it is silent,
// Neo4j (which follows java.time): months are added before days, a day
// before seconds; a date ignores the seconds of a duration that do not make
// a whole day; durations keep months, days and seconds apart.

#ifndef QUIVER_UTIL_TEMPORAL_H_
#define QUIVER_UTIL_TEMPORAL_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "quiver/value.h"

namespace quiver::temporal {

using Kind = TemporalValue::Kind;

inline constexpr int64_t kNanosPerSecond = 1'000'000'000;
inline constexpr int64_t kSecondsPerDay = 86'400;
inline constexpr int64_t kNanosPerDay = kNanosPerSecond * kSecondsPerDay;
inline constexpr int64_t kMinYear = -999'999'999;
inline constexpr int64_t kMaxYear = 999'999'999;
inline constexpr int32_t kMaxOffsetSeconds = 18 * 3600;

// What a kind carries.
bool HasDate(Kind kind);
bool HasTime(Kind kind);
bool HasOffset(Kind kind);
// openCypher's type name: DATE, LOCAL TIME, ZONED TIME, LOCAL DATETIME,
// ZONED DATETIME, DURATION.
const char* KindName(Kind kind);

// Floor division and modulo (the remainder has the divisor's sign).
inline int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
inline int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

// --- The proleptic Gregorian calendar ---
struct CivilDate {
  int64_t year = 1970;
  int month = 1;  // 1 to 12
  int day = 1;    // 1 to 31
};
bool IsLeapYear(int64_t year);
int MonthLength(int64_t year, int month);
int64_t EpochDayOf(int64_t year, int month, int day);  // REQUIRES: a valid date
CivilDate CivilOf(int64_t epoch_day);
int DayOfWeek(int64_t epoch_day);  // 1 = Monday … 7 = Sunday (ISO)
int DayOfYear(int64_t epoch_day);  // 1 to 366
// ISO 8601 week dates: week 1 is the week with the year's first Thursday.
struct WeekDate {
  int64_t week_year = 1970;
  int week = 1;         // 1 to 53
  int day_of_week = 1;  // 1 = Monday
};
WeekDate WeekDateOf(int64_t epoch_day);
int WeeksInYear(int64_t week_year);
int64_t EpochDayOfWeekDate(int64_t week_year, int week, int day_of_week);

// A date, or an error naming the field out of range.
absl::StatusOr<int64_t> CheckedEpochDay(int64_t year, int64_t month, int64_t day);
absl::Status CheckYear(int64_t year);

// --- Values of each kind (REQUIRE: fields in range) ---
TemporalValue MakeDate(int64_t epoch_day);
TemporalValue MakeLocalTime(int64_t nano_of_day);
TemporalValue MakeTime(int64_t nano_of_day, int32_t offset_seconds);
TemporalValue MakeLocalDateTime(int64_t epoch_day, int64_t nano_of_day);
// A date-time at a local date and time. With a zone name the offset is the
// zone's there: `preferred_offset` when the zone allows it (an hour that
// occurs twice), else the earlier one; a local time the zone skips moves
// forward by the gap. Without a zone, `preferred_offset` is the fixed offset.
TemporalValue MakeDateTimeAtLocal(int64_t epoch_day, int64_t nano_of_day,
                                  const std::string& zone, int32_t preferred_offset);
// A date-time at an instant (seconds since 1970-01-01T00:00Z plus nanos),
// seen in `zone`, or at the fixed `offset` when zone is empty.
TemporalValue MakeDateTimeAtInstant(int64_t epoch_second, int64_t nano,
                                    const std::string& zone, int32_t offset);
// A duration; nanos may be any value and carries into seconds.
absl::StatusOr<TemporalValue> MakeDuration(int64_t months, int64_t days, int64_t seconds,
                                           int64_t nanos);
// A duration from fractional amounts: a fraction of a month becomes days
// (a month being 30.436875 days on average), of a day seconds, of a second
// nanoseconds (Neo4j's DurationValue.approximate).
absl::StatusOr<TemporalValue> ApproximateDuration(double months, double days, double seconds,
                                                  double nanos);

// Seconds since 1970-01-01T00:00Z of a DateTime.
int64_t EpochSecond(const TemporalValue& date_time);

// --- Arithmetic ---
// An instant plus (or minus) a duration, in java.time's order: months, days,
// seconds, nanoseconds. Errors when the result leaves the supported years.
absl::StatusOr<TemporalValue> AddDuration(const TemporalValue& instant,
                                          const TemporalValue& duration, bool subtract);
absl::StatusOr<TemporalValue> AddDurations(const TemporalValue& a, const TemporalValue& b,
                                           bool subtract);
absl::StatusOr<TemporalValue> MultiplyDuration(const TemporalValue& d, int64_t factor);
absl::StatusOr<TemporalValue> MultiplyDuration(const TemporalValue& d, double factor);
absl::StatusOr<TemporalValue> DivideDuration(const TemporalValue& d, double divisor);

// The duration from one instant to another (duration.between, inMonths,
// inDays, inSeconds). Values of different kinds are first completed from
// each other: a missing time is midnight, a missing date the other's date,
// a missing zone the other's zone.
enum class Unit { kAll, kMonths, kDays, kSeconds };
absl::StatusOr<TemporalValue> Between(const TemporalValue& from, const TemporalValue& to,
                                      Unit unit);

// --- Comparison ---
// Equality as Cypher's '=': same kind and same value (a Time or DateTime
// also needs the same offset; durations compare field by field).
bool Equal(const TemporalValue& a, const TemporalValue& b);
// Cypher's '<' family: -1, 0, 1 for two instants of the same kind (a Time or
// DateTime by its instant); `*comparable` false for other pairs and for
// durations.
int Compare(const TemporalValue& a, const TemporalValue& b, bool* comparable);
// A total order for ORDER BY within temporal values: DateTime, LocalDateTime,
// Date, Time, LocalTime, Duration, then by value.
int OrderCompare(const TemporalValue& a, const TemporalValue& b);
size_t Hash(const TemporalValue& t);

}  // namespace quiver::temporal

#endif  // QUIVER_UTIL_TEMPORAL_H_
