#include "util/temporal.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "util/time_zone.h"

namespace quiver::temporal {

namespace {

using int128 = __int128;

absl::Status OutOfRange(const std::string& what) {
  return absl::OutOfRangeError(absl::StrCat(what, " is out of the supported range"));
}

}  // namespace

bool HasDate(Kind k) {
  return k == Kind::kDate || k == Kind::kLocalDateTime || k == Kind::kDateTime;
}
bool HasTime(Kind k) {
  return k == Kind::kLocalTime || k == Kind::kTime || k == Kind::kLocalDateTime ||
         k == Kind::kDateTime;
}
bool HasOffset(Kind k) { return k == Kind::kTime || k == Kind::kDateTime; }

const char* KindName(Kind k) {
  switch (k) {
    case Kind::kDate: return "DATE";
    case Kind::kLocalTime: return "LOCAL TIME";
    case Kind::kTime: return "ZONED TIME";
    case Kind::kLocalDateTime: return "LOCAL DATETIME";
    case Kind::kDateTime: return "ZONED DATETIME";
    case Kind::kDuration: return "DURATION";
  }
  return "TEMPORAL";
}

// --- Calendar ---

bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int MonthLength(int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days, over 400-year eras.
int64_t EpochDayOf(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilOf(int64_t z) {
  z += 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilDate c;
  c.day = int(doy - (153 * mp + 2) / 5 + 1);
  c.month = int(mp < 10 ? mp + 3 : mp - 9);
  c.year = yoe + era * 400 + (c.month <= 2);
  return c;
}

int DayOfWeek(int64_t epoch_day) { return int(FloorMod(epoch_day + 3, 7)) + 1; }

int DayOfYear(int64_t epoch_day) {
  return int(epoch_day - EpochDayOf(CivilOf(epoch_day).year, 1, 1)) + 1;
}

namespace {
// Monday of week 1: the Monday on or before January 4th.
int64_t WeekOneMonday(int64_t week_year) {
  int64_t jan4 = EpochDayOf(week_year, 1, 4);
  return jan4 - (DayOfWeek(jan4) - 1);
}
}  // namespace

int WeeksInYear(int64_t week_year) {
  return int((WeekOneMonday(week_year + 1) - WeekOneMonday(week_year)) / 7);
}

WeekDate WeekDateOf(int64_t epoch_day) {
  WeekDate w;
  w.day_of_week = DayOfWeek(epoch_day);
  int64_t year = CivilOf(epoch_day).year;
  int64_t start = WeekOneMonday(year + 1);
  if (epoch_day >= start) {
    year += 1;
  } else {
    start = WeekOneMonday(year);
    if (epoch_day < start) start = WeekOneMonday(--year);
  }
  w.week_year = year;
  w.week = int((epoch_day - start) / 7) + 1;
  return w;
}

int64_t EpochDayOfWeekDate(int64_t week_year, int week, int day_of_week) {
  return WeekOneMonday(week_year) + int64_t(week - 1) * 7 + (day_of_week - 1);
}

absl::Status CheckYear(int64_t year) {
  if (year < kMinYear || year > kMaxYear) {
    return absl::InvalidArgumentError(absl::StrCat("year ", year, " is out of range (",
                                                   kMinYear, " to ", kMaxYear, ")"));
  }
  return absl::OkStatus();
}

absl::StatusOr<int64_t> CheckedEpochDay(int64_t year, int64_t month, int64_t day) {
  if (auto s = CheckYear(year); !s.ok()) return s;
  if (month < 1 || month > 12)
    return absl::InvalidArgumentError(absl::StrCat("month ", month, " is out of range (1 to 12)"));
  int len = MonthLength(year, int(month));
  if (day < 1 || day > len) {
    return absl::InvalidArgumentError(
        absl::StrCat("day ", day, " is out of range (1 to ", len, " in that month)"));
  }
  return EpochDayOf(year, int(month), int(day));
}

// --- Builders ---

TemporalValue MakeDate(int64_t epoch_day) {
  TemporalValue t;
  t.kind = Kind::kDate;
  t.epoch_day = epoch_day;
  return t;
}

TemporalValue MakeLocalTime(int64_t nano_of_day) {
  TemporalValue t;
  t.kind = Kind::kLocalTime;
  t.nano_of_day = nano_of_day;
  return t;
}

TemporalValue MakeTime(int64_t nano_of_day, int32_t offset_seconds) {
  TemporalValue t;
  t.kind = Kind::kTime;
  t.nano_of_day = nano_of_day;
  t.offset_seconds = offset_seconds;
  return t;
}

TemporalValue MakeLocalDateTime(int64_t epoch_day, int64_t nano_of_day) {
  TemporalValue t;
  t.kind = Kind::kLocalDateTime;
  t.epoch_day = epoch_day;
  t.nano_of_day = nano_of_day;
  return t;
}

TemporalValue MakeDateTimeAtInstant(int64_t epoch_second, int64_t nano, const std::string& zone,
                                    int32_t offset) {
  epoch_second += FloorDiv(nano, kNanosPerSecond);
  nano = FloorMod(nano, kNanosPerSecond);
  if (!zone.empty()) offset = ZoneOffsetAt(zone, epoch_second);
  int64_t local = epoch_second + offset;
  TemporalValue t;
  t.kind = Kind::kDateTime;
  t.epoch_day = FloorDiv(local, kSecondsPerDay);
  t.nano_of_day = FloorMod(local, kSecondsPerDay) * kNanosPerSecond + nano;
  t.offset_seconds = offset;
  t.zone = zone;
  return t;
}

TemporalValue MakeDateTimeAtLocal(int64_t epoch_day, int64_t nano_of_day, const std::string& zone,
                                  int32_t preferred_offset) {
  TemporalValue t;
  t.kind = Kind::kDateTime;
  t.epoch_day = epoch_day;
  t.nano_of_day = nano_of_day;
  t.offset_seconds = preferred_offset;
  t.zone = zone;
  if (zone.empty()) return t;
  int64_t local = epoch_day * kSecondsPerDay + nano_of_day / kNanosPerSecond;
  if (ZoneOffsetAt(zone, local - preferred_offset) == preferred_offset) return t;
  int32_t offset = ZoneOffsetAtLocal(zone, local);
  int32_t actual = ZoneOffsetAt(zone, local - offset);
  // In a gap the instant falls after the transition: show it in the new
  // offset, which moves the wall-clock time forward by the gap.
  return MakeDateTimeAtInstant(local - offset, nano_of_day % kNanosPerSecond, zone, actual);
}

int64_t EpochSecond(const TemporalValue& t) {
  return t.epoch_day * kSecondsPerDay + t.nano_of_day / kNanosPerSecond - t.offset_seconds;
}

absl::StatusOr<TemporalValue> MakeDuration(int64_t months, int64_t days, int64_t seconds,
                                           int64_t nanos) {
  TemporalValue t;
  t.kind = Kind::kDuration;
  t.months = months;
  t.days = days;
  if (__builtin_add_overflow(seconds, FloorDiv(nanos, kNanosPerSecond), &t.seconds))
    return OutOfRange("the duration");
  t.nanos = int32_t(FloorMod(nanos, kNanosPerSecond));
  return t;
}

namespace {

absl::StatusOr<int64_t> SafeDoubleToLong(double d) {
  // Beyond ±2^63 (or NaN) the value has no int64 form.
  if (!(d > -9.223372036854775e18 && d < 9.223372036854775e18)) return OutOfRange("the duration");
  return int64_t(d);
}

constexpr double kAvgNanosPerMonth = 2'629'746'000'000'000.0;  // 30.436875 days
constexpr double kNanosPerDayD = double(kNanosPerDay);
constexpr double kNanosPerSecondD = double(kNanosPerSecond);

}  // namespace

absl::StatusOr<TemporalValue> ApproximateDuration(double months, double days, double seconds,
                                                  double nanos) {
  // The same double operations as Neo4j's DurationValue.approximate, so the
  // same rounding.
  auto m = SafeDoubleToLong(months);
  if (!m.ok()) return m.status();
  double month_diff_nanos = kAvgNanosPerMonth * months - kAvgNanosPerMonth * double(*m);
  days += month_diff_nanos / kNanosPerDayD;
  auto d = SafeDoubleToLong(days);
  if (!d.ok()) return d.status();
  double day_diff_nanos = kNanosPerDayD * days - kNanosPerDayD * double(*d);
  seconds += day_diff_nanos / kNanosPerSecondD;
  auto s = SafeDoubleToLong(seconds);
  if (!s.ok()) return s.status();
  double second_diff_nanos = kNanosPerSecondD * seconds - kNanosPerSecondD * double(*s);
  nanos += second_diff_nanos;
  auto n = SafeDoubleToLong(nanos);
  if (!n.ok()) return n.status();
  return MakeDuration(*m, *d, *s, *n);
}

// --- Arithmetic ---

namespace {

absl::StatusOr<int64_t> PlusMonths(int64_t epoch_day, int64_t months) {
  if (months == 0) return epoch_day;
  CivilDate c = CivilOf(epoch_day);
  int128 total = int128(c.year) * 12 + (c.month - 1) + months;
  int128 year = total >= 0 ? total / 12 : -((-total + 11) / 12);
  if (year < kMinYear || year > kMaxYear) return OutOfRange("the date");
  int month = int(total - year * 12) + 1;
  int day = std::min(c.day, MonthLength(int64_t(year), month));
  return EpochDayOf(int64_t(year), month, day);
}

absl::Status CheckDay(int64_t epoch_day) {
  static const int64_t kMin = EpochDayOf(kMinYear, 1, 1);
  static const int64_t kMax = EpochDayOf(kMaxYear, 12, 31);
  if (epoch_day < kMin || epoch_day > kMax) return OutOfRange("the date");
  return absl::OkStatus();
}

absl::StatusOr<int64_t> PlusDays(int64_t epoch_day, int64_t days) {
  int64_t r;
  if (__builtin_add_overflow(epoch_day, days, &r)) return OutOfRange("the date");
  if (auto s = CheckDay(r); !s.ok()) return s;
  return r;
}

// Local date and time as one count of nanoseconds (128 bits: the supported
// years span about 6e25 ns).
int128 LocalNanos(int64_t epoch_day, int64_t nano_of_day) {
  return int128(epoch_day) * kNanosPerDay + nano_of_day;
}

void SplitLocalNanos(int128 n, int64_t* epoch_day, int64_t* nano_of_day) {
  int128 day = n / kNanosPerDay;
  int128 rem = n % kNanosPerDay;
  if (rem < 0) {
    rem += kNanosPerDay;
    --day;
  }
  *epoch_day = int64_t(day);
  *nano_of_day = int64_t(rem);
}

}  // namespace

absl::StatusOr<TemporalValue> AddDuration(const TemporalValue& t, const TemporalValue& d,
                                          bool subtract) {
  int64_t months = d.months, days = d.days, seconds = d.seconds, nanos = d.nanos;
  if (subtract) {
    if (months == INT64_MIN || days == INT64_MIN || seconds == INT64_MIN)
      return OutOfRange("the duration");
    months = -months;
    days = -days;
    seconds = -seconds;
    nanos = -nanos;
  }
  TemporalValue out = t;
  if (t.kind == Kind::kLocalTime || t.kind == Kind::kTime) {
    int128 n = int128(t.nano_of_day) + int128(seconds % kSecondsPerDay) * kNanosPerSecond + nanos;
    n %= kNanosPerDay;
    if (n < 0) n += kNanosPerDay;
    out.nano_of_day = int64_t(n);
    return out;
  }
  auto day = PlusMonths(t.epoch_day, months);
  if (!day.ok()) return day.status();
  day = PlusDays(*day, days);
  if (!day.ok()) return day.status();
  if (t.kind == Kind::kDate) {
    // A date takes only the whole days of the seconds (java.time's
    // Duration.addTo on a LocalDate).
    day = PlusDays(*day, seconds / kSecondsPerDay);
    if (!day.ok()) return day.status();
    out.epoch_day = *day;
    return out;
  }
  if (t.kind == Kind::kDateTime && !t.zone.empty() && (months != 0 || days != 0)) {
    // Months and days move along the local time line, keeping the offset
    // where the zone allows it.
    out = MakeDateTimeAtLocal(*day, t.nano_of_day, t.zone, t.offset_seconds);
    day = out.epoch_day;
  }
  int128 n = LocalNanos(*day, out.nano_of_day) + int128(seconds) * kNanosPerSecond + nanos;
  int64_t new_day, new_nano;
  SplitLocalNanos(n, &new_day, &new_nano);
  if (auto s = CheckDay(new_day); !s.ok()) return s;
  if (t.kind == Kind::kDateTime && !t.zone.empty() && (seconds != 0 || nanos != 0)) {
    // Seconds move along the instant time line.
    int128 instant = n - int128(out.offset_seconds) * kNanosPerSecond;
    int64_t epoch_second = int64_t(instant / kNanosPerSecond);
    int64_t nano = int64_t(instant % kNanosPerSecond);
    return MakeDateTimeAtInstant(epoch_second, nano, t.zone, 0);
  }
  out.epoch_day = new_day;
  out.nano_of_day = new_nano;
  return out;
}

absl::StatusOr<TemporalValue> AddDurations(const TemporalValue& a, const TemporalValue& b,
                                           bool subtract) {
  int64_t m, d, s, n;
  bool overflow = subtract ? (__builtin_sub_overflow(a.months, b.months, &m) ||
                              __builtin_sub_overflow(a.days, b.days, &d) ||
                              __builtin_sub_overflow(a.seconds, b.seconds, &s))
                           : (__builtin_add_overflow(a.months, b.months, &m) ||
                              __builtin_add_overflow(a.days, b.days, &d) ||
                              __builtin_add_overflow(a.seconds, b.seconds, &s));
  if (overflow) return OutOfRange("the duration");
  n = subtract ? int64_t(a.nanos) - b.nanos : int64_t(a.nanos) + b.nanos;
  return MakeDuration(m, d, s, n);
}

absl::StatusOr<TemporalValue> MultiplyDuration(const TemporalValue& d, int64_t f) {
  int64_t m, days, s, n;
  if (__builtin_mul_overflow(d.months, f, &m) || __builtin_mul_overflow(d.days, f, &days) ||
      __builtin_mul_overflow(d.seconds, f, &s) || __builtin_mul_overflow(int64_t(d.nanos), f, &n))
    return OutOfRange("the duration");
  return MakeDuration(m, days, s, n);
}

absl::StatusOr<TemporalValue> MultiplyDuration(const TemporalValue& d, double f) {
  return ApproximateDuration(double(d.months) * f, double(d.days) * f, double(d.seconds) * f,
                             double(d.nanos) * f);
}

absl::StatusOr<TemporalValue> DivideDuration(const TemporalValue& d, double divisor) {
  if (divisor == 0) return absl::InvalidArgumentError("division of a duration by zero");
  return ApproximateDuration(double(d.months) / divisor, double(d.days) / divisor,
                             double(d.seconds) / divisor, double(d.nanos) / divisor);
}

// --- Between ---

namespace {

// An instant with whichever parts it has, completed from the other side
// before measuring (Neo4j's TemporalValue.until).
struct Point {
  bool has_date = false;
  bool has_time = false;
  bool has_offset = false;
  int64_t epoch_day = 0;
  int64_t nano = 0;
  int32_t offset = 0;
  std::string zone;
};

Point PointOf(const TemporalValue& t) {
  Point p;
  p.has_date = HasDate(t.kind);
  p.has_time = HasTime(t.kind);
  p.has_offset = HasOffset(t.kind);
  p.epoch_day = t.epoch_day;
  p.nano = t.nano_of_day;
  p.offset = t.offset_seconds;
  p.zone = t.zone;
  return p;
}

void AttachZone(Point* p, const Point& from) {
  p->has_offset = true;
  p->zone = from.zone;
  p->offset = from.offset;
  if (!p->zone.empty() && p->has_date) {
    TemporalValue t = MakeDateTimeAtLocal(p->epoch_day, p->nano, p->zone, from.offset);
    p->epoch_day = t.epoch_day;
    p->nano = t.nano_of_day;
    p->offset = t.offset_seconds;
  }
}

int128 InstantNanos(const Point& p) {
  int128 local = p.has_date ? LocalNanos(p.epoch_day, p.nano) : int128(p.nano);
  return p.has_offset ? local - int128(p.offset) * kNanosPerSecond : local;
}

int64_t MonthsUntil(int64_t from_day, int64_t to_day) {
  CivilDate a = CivilOf(from_day), b = CivilOf(to_day);
  int128 pa = (int128(a.year) * 12 + a.month - 1) * 32 + a.day;
  int128 pb = (int128(b.year) * 12 + b.month - 1) * 32 + b.day;
  return int64_t((pb - pa) / 32);
}

// java.time's until() for a date-based unit (months or days).
int64_t DateUntil(const Point& from, Point to, bool months) {
  if (!from.has_date || !to.has_date) return 0;
  if (from.has_offset) {
    // The end as seen in the start's zone.
    int128 instant = InstantNanos(to);
    int64_t sec = int64_t(instant / kNanosPerSecond) - (instant % kNanosPerSecond < 0);
    int32_t offset = from.zone.empty() ? from.offset : ZoneOffsetAt(from.zone, sec);
    SplitLocalNanos(instant + int128(offset) * kNanosPerSecond, &to.epoch_day, &to.nano);
  }
  int64_t end = to.epoch_day;
  if (from.has_time) {
    if (end > from.epoch_day && to.nano < from.nano) --end;
    else if (end < from.epoch_day && to.nano > from.nano) ++end;
  }
  return months ? MonthsUntil(from.epoch_day, end) : end - from.epoch_day;
}

absl::Status PlusDateUnits(Point* p, int64_t months, int64_t days) {
  auto day = PlusMonths(p->epoch_day, months);
  if (!day.ok()) return day.status();
  day = PlusDays(*day, days);
  if (!day.ok()) return day.status();
  p->epoch_day = *day;
  if (p->has_offset && !p->zone.empty()) {
    TemporalValue t = MakeDateTimeAtLocal(p->epoch_day, p->nano, p->zone, p->offset);
    p->epoch_day = t.epoch_day;
    p->nano = t.nano_of_day;
    p->offset = t.offset_seconds;
  }
  return absl::OkStatus();
}

absl::StatusOr<TemporalValue> DurationOfNanos(int64_t months, int64_t days, int128 nanos) {
  int128 seconds = nanos / kNanosPerSecond;
  if (seconds > INT64_MAX || seconds < INT64_MIN) return OutOfRange("the duration");
  return MakeDuration(months, days, int64_t(seconds), int64_t(nanos % kNanosPerSecond));
}

}  // namespace

absl::StatusOr<TemporalValue> Between(const TemporalValue& a, const TemporalValue& b, Unit unit) {
  if (a.kind == Kind::kDuration || b.kind == Kind::kDuration)
    return absl::InvalidArgumentError("a duration has no position in time to measure from");
  Point from = PointOf(a), to = PointOf(b);
  if (unit == Unit::kSeconds) {
    from.has_time = to.has_time = true;
  } else if (from.has_time != to.has_time) {
    from.has_time = to.has_time = true;  // A missing time is midnight (nano 0).
  }
  if (from.has_date && !to.has_date) {
    to.has_date = true;
    to.epoch_day = from.epoch_day;
  } else if (to.has_date && !from.has_date) {
    from.has_date = true;
    from.epoch_day = to.epoch_day;
  }
  if (from.has_offset && !to.has_offset) AttachZone(&to, from);
  else if (to.has_offset && !from.has_offset) AttachZone(&from, to);

  switch (unit) {
    case Unit::kMonths: return MakeDuration(DateUntil(from, to, true), 0, 0, 0);
    case Unit::kDays: return MakeDuration(0, DateUntil(from, to, false), 0, 0);
    case Unit::kSeconds: return DurationOfNanos(0, 0, InstantNanos(to) - InstantNanos(from));
    case Unit::kAll: break;
  }
  int64_t months = 0, days = 0;
  if (from.has_date) {
    months = DateUntil(from, to, true);
    if (auto s = PlusDateUnits(&from, months, 0); !s.ok()) return s;
    days = DateUntil(from, to, false);
    if (auto s = PlusDateUnits(&from, 0, days); !s.ok()) return s;
  }
  return DurationOfNanos(months, days, InstantNanos(to) - InstantNanos(from));
}

// --- Comparison ---

namespace {

int Cmp128(int128 a, int128 b) { return a < b ? -1 : a > b; }

int OrderRank(Kind k) {
  switch (k) {
    case Kind::kDateTime: return 0;
    case Kind::kLocalDateTime: return 1;
    case Kind::kDate: return 2;
    case Kind::kTime: return 3;
    case Kind::kLocalTime: return 4;
    case Kind::kDuration: return 5;
  }
  return 6;
}

}  // namespace

bool Equal(const TemporalValue& a, const TemporalValue& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::kDuration:
      return a.months == b.months && a.days == b.days && a.seconds == b.seconds &&
             a.nanos == b.nanos;
    case Kind::kDateTime:
      // A named zone and a fixed offset with the same local time and offset
      // are the same point; two named zones must be the same zone.
      if (!a.zone.empty() && !b.zone.empty() && a.zone != b.zone) return false;
      [[fallthrough]];
    default:
      return a.epoch_day == b.epoch_day && a.nano_of_day == b.nano_of_day &&
             a.offset_seconds == b.offset_seconds;
  }
}

int Compare(const TemporalValue& a, const TemporalValue& b, bool* comparable) {
  *comparable = a.kind == b.kind && a.kind != Kind::kDuration;
  if (!*comparable) return 0;
  Point pa = PointOf(a), pb = PointOf(b);
  int c = Cmp128(InstantNanos(pa), InstantNanos(pb));
  if (c != 0) return c;
  return Cmp128(LocalNanos(a.epoch_day, a.nano_of_day), LocalNanos(b.epoch_day, b.nano_of_day));
}

int OrderCompare(const TemporalValue& a, const TemporalValue& b) {
  int ra = OrderRank(a.kind), rb = OrderRank(b.kind);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (a.kind == Kind::kDuration) {
    auto key = [](const TemporalValue& d) {
      return std::make_tuple(d.months, d.days, d.seconds, d.nanos);
    };
    return key(a) < key(b) ? -1 : key(b) < key(a);
  }
  bool ok;
  int c = Compare(a, b, &ok);
  if (c != 0) return c;
  int z = a.zone.compare(b.zone);
  return z < 0 ? -1 : z > 0;
}

size_t Hash(const TemporalValue& t) {
  size_t h = std::hash<int>()(int(t.kind));
  for (int64_t x : {t.epoch_day, t.nano_of_day, int64_t(t.offset_seconds), t.months, t.days,
                    t.seconds, int64_t(t.nanos)}) {
    h = h * 31 + std::hash<int64_t>()(x);
  }
  return h;
}

}  // namespace quiver::temporal
