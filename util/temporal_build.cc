#include "util/temporal_build.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>
#include <optional>

#include "absl/strings/str_cat.h"
#include "util/temporal.h"
#include "util/temporal_parse.h"
#include "util/time_zone.h"

namespace quiver::temporal {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

absl::Status Invalid(const std::string& msg) { return absl::InvalidArgumentError(msg); }

// The fields of a map, read and type-checked.
struct Fields {
  std::optional<int64_t> year, month, day, week, day_of_week, quarter, day_of_quarter,
      ordinal_day, hour, minute, second, millisecond, microsecond, nanosecond, epoch_seconds,
      epoch_millis;
  std::optional<ZoneSpec> timezone;
  const TemporalValue* date = nullptr;      // `date`: its date part
  const TemporalValue* time = nullptr;      // `time`: its time and offset
  const TemporalValue* datetime = nullptr;  // `datetime`: everything

  bool AnyDate() const {
    return year || month || day || week || day_of_week || quarter || day_of_quarter || ordinal_day;
  }
  bool AnyTime() const { return hour || minute || second || AnySubSecond(); }
  bool AnySubSecond() const { return millisecond || microsecond || nanosecond; }
};

absl::StatusOr<Fields> ReadFields(const ValueMap& map) {
  Fields f;
  for (const auto& [key, value] : map) {
    std::string k = Lower(key);
    if (value.is_null()) continue;
    if (k == "date" || k == "time" || k == "datetime") {
      if (!value.is_temporal() || value.AsTemporal().kind == Kind::kDuration)
        return Invalid(absl::StrCat("field '", key, "' must be a temporal instant"));
      (k == "date" ? f.date : k == "time" ? f.time : f.datetime) = &value.AsTemporal();
      continue;
    }
    if (k == "timezone") {
      if (!value.is_string()) return Invalid("field 'timezone' must be a STRING");
      auto z = ParseZoneSpec(value.AsString());
      if (!z.ok()) return z.status();
      f.timezone = *z;
      continue;
    }
    std::optional<int64_t>* slot =
        k == "year" ? &f.year : k == "month" ? &f.month : k == "day" ? &f.day
        : k == "week" ? &f.week : k == "dayofweek" || k == "weekday" ? &f.day_of_week
        : k == "quarter" ? &f.quarter : k == "dayofquarter" ? &f.day_of_quarter
        : k == "ordinalday" ? &f.ordinal_day : k == "hour" ? &f.hour
        : k == "minute" ? &f.minute : k == "second" ? &f.second
        : k == "millisecond" ? &f.millisecond : k == "microsecond" ? &f.microsecond
        : k == "nanosecond" ? &f.nanosecond : k == "epochseconds" ? &f.epoch_seconds
        : k == "epochmillis" ? &f.epoch_millis : nullptr;
    if (slot == nullptr) return Invalid(absl::StrCat("unknown temporal field '", key, "'"));
    if (value.is_int()) {
      *slot = value.AsInt();
    } else if (value.is_double() && value.AsDouble() == double(int64_t(value.AsDouble()))) {
      *slot = int64_t(value.AsDouble());
    } else {
      return Invalid(absl::StrCat("field '", key, "' must be an INTEGER"));
    }
  }
  return f;
}

absl::Status Range(const std::string& field, const std::optional<int64_t>& v, int64_t lo,
                   int64_t hi) {
  if (!v || (*v >= lo && *v <= hi)) return absl::OkStatus();
  return Invalid(absl::StrCat(field, " ", *v, " is out of range (", lo, " to ", hi, ")"));
}

#define QUIVER_TEMPORAL_CHECK(expr)      \
  do {                                   \
    absl::Status s_ = (expr);            \
    if (!s_.ok()) return s_;             \
  } while (0)

// Today's date in UTC: a time of day in a named zone takes the zone's offset
// of today (as Neo4j does), since a time has no date of its own.
int64_t TodayEpochDay() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return FloorDiv(std::chrono::duration_cast<std::chrono::seconds>(now).count(), kSecondsPerDay);
}

int QuarterOf(int month) { return (month - 1) / 3 + 1; }
int64_t QuarterStart(int64_t year, int quarter) { return EpochDayOf(year, (quarter - 1) * 3 + 1, 1); }

// The date from the date fields, starting from `base` when there is one.
absl::StatusOr<int64_t> DateFrom(const Fields& f, std::optional<int64_t> base) {
  auto need_year = [&]() -> absl::StatusOr<int64_t> {
    if (f.year) return *f.year;
    if (base) return CivilOf(*base).year;
    return Invalid("a date needs a year");
  };
  QUIVER_TEMPORAL_CHECK(Range("day of week", f.day_of_week, 1, 7));
  QUIVER_TEMPORAL_CHECK(Range("quarter", f.quarter, 1, 4));
  if ((f.week || f.day_of_week) && !f.month && !f.day && !f.ordinal_day && !f.quarter) {
    WeekDate b = base ? WeekDateOf(*base) : WeekDate{};
    int64_t week_year = f.year ? *f.year : base ? b.week_year : 0;
    if (!f.year && !base) return Invalid("a week date needs a year");
    QUIVER_TEMPORAL_CHECK(CheckYear(week_year));
    int64_t week = f.week.value_or(base ? b.week : 1);
    QUIVER_TEMPORAL_CHECK(Range("week", week, 1, WeeksInYear(week_year)));
    return EpochDayOfWeekDate(week_year, int(week), int(f.day_of_week.value_or(base ? b.day_of_week : 1)));
  }
  if (f.quarter || f.day_of_quarter) {
    auto year = need_year();
    if (!year.ok()) return year.status();
    QUIVER_TEMPORAL_CHECK(CheckYear(*year));
    int quarter = int(f.quarter.value_or(base ? QuarterOf(CivilOf(*base).month) : 1));
    int64_t start = QuarterStart(*year, quarter);
    int64_t length = (quarter == 4 ? EpochDayOf(*year + 1, 1, 1) : QuarterStart(*year, quarter + 1)) - start;
    int64_t doq = f.day_of_quarter.value_or(base ? *base - QuarterStart(CivilOf(*base).year, quarter) + 1 : 1);
    QUIVER_TEMPORAL_CHECK(Range("day of quarter", doq, 1, length));
    return start + doq - 1;
  }
  if (f.ordinal_day) {
    auto year = need_year();
    if (!year.ok()) return year.status();
    QUIVER_TEMPORAL_CHECK(CheckYear(*year));
    QUIVER_TEMPORAL_CHECK(Range("ordinal day", f.ordinal_day, 1, IsLeapYear(*year) ? 366 : 365));
    return EpochDayOf(*year, 1, 1) + *f.ordinal_day - 1;
  }
  if (!f.year && !f.month && !f.day) {
    if (base) return *base;
    return Invalid("a date needs a year");
  }
  auto year = need_year();
  if (!year.ok()) return year.status();
  CivilDate b = base ? CivilOf(*base) : CivilDate{};
  return CheckedEpochDay(*year, f.month.value_or(base ? b.month : 1),
                         f.day.value_or(base ? b.day : 1));
}

absl::StatusOr<int64_t> TimeFrom(const Fields& f, std::optional<int64_t> base) {
  QUIVER_TEMPORAL_CHECK(Range("hour", f.hour, 0, 23));
  QUIVER_TEMPORAL_CHECK(Range("minute", f.minute, 0, 59));
  QUIVER_TEMPORAL_CHECK(Range("second", f.second, 0, 59));
  QUIVER_TEMPORAL_CHECK(Range("millisecond", f.millisecond, 0, 999));
  QUIVER_TEMPORAL_CHECK(Range("microsecond", f.microsecond, 0, 999'999));
  QUIVER_TEMPORAL_CHECK(Range("nanosecond", f.nanosecond, 0, 999'999'999));
  int64_t b = base.value_or(0);
  int64_t b_seconds = b / kNanosPerSecond;
  int64_t hour = f.hour.value_or(b_seconds / 3600);
  int64_t minute = f.minute.value_or(b_seconds / 60 % 60);
  int64_t second = f.second.value_or(b_seconds % 60);
  int64_t nanos = b % kNanosPerSecond;
  if (f.AnySubSecond()) {
    nanos = f.millisecond.value_or(0) * 1'000'000 + f.microsecond.value_or(0) * 1000 +
            f.nanosecond.value_or(0);
    if (nanos >= kNanosPerSecond) return Invalid("the fractions of the second add up to more than a second");
  }
  return ((hour * 60 + minute) * 60 + second) * kNanosPerSecond + nanos;
}

// A point as read from the start values: which parts it has.
struct Start {
  std::optional<int64_t> day;
  std::optional<int64_t> nano;
  std::optional<ZoneSpec> zone;
};

void TakeZone(const TemporalValue& t, Start* s) {
  if (HasOffset(t.kind)) s->zone = ZoneSpec{t.zone, t.offset_seconds};
}

Start StartOf(const Fields& f) {
  Start s;
  if (f.datetime) {
    const TemporalValue& t = *f.datetime;
    if (HasDate(t.kind)) s.day = t.epoch_day;
    if (HasTime(t.kind)) s.nano = t.nano_of_day;
    TakeZone(t, &s);
  }
  if (f.date && HasDate(f.date->kind)) s.day = f.date->epoch_day;
  if (f.time && HasTime(f.time->kind)) {
    s.nano = f.time->nano_of_day;
    TakeZone(*f.time, &s);
  }
  return s;
}

// The start seen in another zone: the same instant at another wall-clock time.
void ConvertZone(Start* s, const ZoneSpec& to) {
  if (!s->zone || !s->nano) {
    s->zone = to;
    return;
  }
  int64_t day = s->day ? *s->day : TodayEpochDay();
  int64_t epoch_second = day * kSecondsPerDay + *s->nano / kNanosPerSecond - s->zone->offset;
  TemporalValue t = MakeDateTimeAtInstant(epoch_second, *s->nano % kNanosPerSecond, to.zone, to.offset);
  if (s->day) s->day = t.epoch_day;
  s->nano = t.nano_of_day;
  s->zone = ZoneSpec{to.zone, t.offset_seconds};
}

}  // namespace

absl::StatusOr<ZoneSpec> ParseZoneSpec(std::string_view text) {
  if (auto offset = ParseOffset(text)) return ZoneSpec{"", *offset};
  if (!IsKnownZone(text)) return Invalid(absl::StrCat("unknown time zone '", std::string(text), "'"));
  return ZoneSpec{std::string(text), 0};
}

TemporalValue AtInstant(Kind kind, int64_t epoch_second, int64_t nano, const ZoneSpec& zone) {
  TemporalValue t = MakeDateTimeAtInstant(epoch_second, nano, zone.zone, zone.offset);
  switch (kind) {
    case Kind::kDate: return MakeDate(t.epoch_day);
    case Kind::kLocalTime: return MakeLocalTime(t.nano_of_day);
    case Kind::kTime: return MakeTime(t.nano_of_day, t.offset_seconds);
    case Kind::kLocalDateTime: return MakeLocalDateTime(t.epoch_day, t.nano_of_day);
    default: return t;
  }
}

absl::StatusOr<TemporalValue> FromMap(Kind kind, const ValueMap& map) {
  if (kind == Kind::kDuration) return Invalid("durations are built by duration()");
  auto read = ReadFields(map);
  if (!read.ok()) return read.status();
  const Fields& f = *read;
  if (!HasDate(kind) && (f.AnyDate() || f.date))
    return Invalid(absl::StrCat("a ", KindName(kind), " has no date fields"));
  if (!HasTime(kind) && (f.AnyTime() || f.time))
    return Invalid(absl::StrCat("a ", KindName(kind), " has no time fields"));
  if (!HasOffset(kind) && f.timezone)
    return Invalid(absl::StrCat("a ", KindName(kind), " has no time zone"));

  if (f.epoch_seconds || f.epoch_millis) {
    if (kind != Kind::kDateTime) return Invalid("epochSeconds and epochMillis make a datetime");
    int64_t seconds = f.epoch_seconds ? *f.epoch_seconds : FloorDiv(*f.epoch_millis, 1000);
    int64_t nano = f.epoch_seconds ? 0 : FloorMod(*f.epoch_millis, 1000) * 1'000'000;
    QUIVER_TEMPORAL_CHECK(Range("nanosecond", f.nanosecond, 0, 999'999'999));
    nano += f.nanosecond.value_or(0);
    return MakeDateTimeAtInstant(seconds, nano, f.timezone ? f.timezone->zone : "",
                                 f.timezone ? f.timezone->offset : 0);
  }

  Start start = StartOf(f);
  if (f.timezone && HasOffset(kind)) ConvertZone(&start, *f.timezone);
  int64_t day = 0, nano = 0;
  if (HasDate(kind)) {
    auto d = DateFrom(f, start.day);
    if (!d.ok()) return d.status();
    day = *d;
  }
  if (HasTime(kind)) {
    auto t = TimeFrom(f, start.nano);
    if (!t.ok()) return t.status();
    nano = *t;
  }
  ZoneSpec zone = start.zone.value_or(ZoneSpec{});
  switch (kind) {
    case Kind::kDate: return MakeDate(day);
    case Kind::kLocalTime: return MakeLocalTime(nano);
    case Kind::kTime:
      if (!zone.zone.empty()) {
        int64_t on = start.day ? *start.day : TodayEpochDay();
        zone.offset = ZoneOffsetAtLocal(zone.zone, on * kSecondsPerDay + nano / kNanosPerSecond);
      }
      return MakeTime(nano, zone.offset);
    case Kind::kLocalDateTime: return MakeLocalDateTime(day, nano);
    default: return MakeDateTimeAtLocal(day, nano, zone.zone, zone.offset);
  }
}

absl::StatusOr<TemporalValue> DurationFromMap(const ValueMap& map) {
  using int128 = __int128;
  static const std::pair<const char*, int> kUnits[] = {
      {"years", 0}, {"quarters", 0}, {"months", 0}, {"weeks", 1}, {"days", 1}, {"hours", 2},
      {"minutes", 2}, {"seconds", 2}, {"milliseconds", 3}, {"microseconds", 3},
      {"nanoseconds", 3}};
  static const int64_t kPer[] = {12, 3, 1, 7, 1, 3600, 60, 1, 1'000'000, 1000, 1};
  int128 exact[4] = {0, 0, 0, 0};  // months, days, seconds, nanos
  double approx[4] = {0, 0, 0, 0};
  bool fractional = false;
  for (const auto& [key, value] : map) {
    std::string k = Lower(key);
    size_t i = 0;
    while (i < std::size(kUnits) && k != kUnits[i].first) ++i;
    if (i == std::size(kUnits)) return Invalid(absl::StrCat("unknown duration field '", key, "'"));
    if (value.is_null()) continue;
    if (!value.is_number()) return Invalid(absl::StrCat("field '", key, "' must be a number"));
    int slot = kUnits[i].second;
    if (value.is_int()) {
      exact[slot] += int128(value.AsInt()) * kPer[i];
    } else {
      fractional = true;
    }
    approx[slot] += value.AsNumber() * double(kPer[i]);
  }
  if (fractional) return ApproximateDuration(approx[0], approx[1], approx[2], approx[3]);
  int128 seconds = exact[2] + exact[3] / kNanosPerSecond;
  int128 nanos = exact[3] % kNanosPerSecond;
  for (int128 v : {exact[0], exact[1], seconds}) {
    if (v > INT64_MAX || v < INT64_MIN) return absl::OutOfRangeError("the duration is out of range");
  }
  return MakeDuration(int64_t(exact[0]), int64_t(exact[1]), int64_t(seconds), int64_t(nanos));
}

absl::StatusOr<TemporalValue> Project(Kind kind, const TemporalValue& value) {
  if (value.kind == Kind::kDuration) return Invalid("cannot convert a DURATION to an instant");
  if (kind == Kind::kDuration) return Invalid("cannot convert an instant to a DURATION");
  if (HasDate(kind) && !HasDate(value.kind))
    return Invalid(absl::StrCat("cannot take a date from a ", KindName(value.kind)));
  ValueMap fields{{"datetime", Value(value)}};
  return FromMap(kind, fields);
}

absl::StatusOr<TemporalValue> Truncate(Kind kind, std::string_view unit_text,
                                       const TemporalValue& value, const ValueMap& overrides) {
  if (kind == Kind::kDuration || value.kind == Kind::kDuration)
    return Invalid("truncate() works on instants, not durations");
  std::string unit = Lower(unit_text);
  static const char* const kDateUnits[] = {"millennium", "century", "decade", "year", "weekyear",
                                           "quarter", "month", "week", "day"};
  static const char* const kTimeUnits[] = {"hour", "minute", "second", "millisecond", "microsecond"};
  bool date_unit = std::find(std::begin(kDateUnits), std::end(kDateUnits), unit) != std::end(kDateUnits);
  bool time_unit = std::find(std::begin(kTimeUnits), std::end(kTimeUnits), unit) != std::end(kTimeUnits);
  if (!date_unit && !time_unit) return Invalid(absl::StrCat("unknown unit '", std::string(unit_text), "'"));
  if (time_unit && !HasTime(kind))
    return Invalid(absl::StrCat("a ", KindName(kind), " cannot be truncated to ", std::string(unit_text)));
  if (date_unit && unit != "day" && !HasDate(kind))
    return Invalid(absl::StrCat("a ", KindName(kind), " cannot be truncated to ", std::string(unit_text)));
  auto projected = Project(kind, value);
  if (!projected.ok()) return projected.status();
  TemporalValue t = *projected;
  if (date_unit) {
    t.nano_of_day = 0;
    if (HasDate(kind)) {
      CivilDate c = CivilOf(t.epoch_day);
      int64_t day = t.epoch_day;
      if (unit == "millennium") day = EpochDayOf(c.year - FloorMod(c.year, 1000), 1, 1);
      else if (unit == "century") day = EpochDayOf(c.year - FloorMod(c.year, 100), 1, 1);
      else if (unit == "decade") day = EpochDayOf(c.year - FloorMod(c.year, 10), 1, 1);
      else if (unit == "year") day = EpochDayOf(c.year, 1, 1);
      else if (unit == "weekyear") day = EpochDayOfWeekDate(WeekDateOf(day).week_year, 1, 1);
      else if (unit == "quarter") day = QuarterStart(c.year, QuarterOf(c.month));
      else if (unit == "month") day = EpochDayOf(c.year, c.month, 1);
      else if (unit == "week") day -= DayOfWeek(day) - 1;
      t.epoch_day = day;
    }
  } else {
    int64_t step = unit == "hour" ? 3600 * kNanosPerSecond : unit == "minute" ? 60 * kNanosPerSecond
                   : unit == "second" ? kNanosPerSecond : unit == "millisecond" ? 1'000'000 : 1000;
    t.nano_of_day -= t.nano_of_day % step;
  }
  ValueMap fields = overrides;
  if (kind == Kind::kDateTime) {
    std::string zone = t.zone;
    int32_t offset = t.offset_seconds;
    auto tz = fields.find("timezone");
    if (tz != fields.end() && tz->second.is_string()) {
      // The truncated wall-clock time, placed in the given zone.
      auto z = ParseZoneSpec(tz->second.AsString());
      if (!z.ok()) return z.status();
      zone = z->zone;
      offset = z->offset;
      fields.erase(tz);
    }
    t = MakeDateTimeAtLocal(t.epoch_day, t.nano_of_day, zone, offset);
  }
  if (fields.empty()) return t;
  fields["datetime"] = Value(t);
  return FromMap(kind, fields);
}

}  // namespace quiver::temporal
