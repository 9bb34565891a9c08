#include "util/temporal_parse.h"

#include <cctype>
#include <string>

#include "absl/strings/str_cat.h"
#include "util/temporal.h"
#include "util/time_zone.h"

namespace quiver::temporal {
namespace {

using int128 = __int128;

// A cursor over the text; each Read* advances past what it read.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[pos_]; }
  bool PeekDigit() const { return std::isdigit(static_cast<unsigned char>(Peek())) != 0; }
  bool Consume(char c) {
    if (AtEnd() || std::toupper(static_cast<unsigned char>(s_[pos_])) != c) return false;
    ++pos_;
    return true;
  }
  size_t DigitRun() const {
    size_t n = 0;
    while (pos_ + n < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_ + n]))) ++n;
    return n;
  }
  // Exactly n digits, or nullopt (and nothing consumed).
  std::optional<int64_t> Digits(size_t n) {
    if (DigitRun() < n) return std::nullopt;
    int64_t v = 0;
    for (size_t i = 0; i < n; ++i) v = v * 10 + (s_[pos_ + i] - '0');
    pos_ += n;
    return v;
  }
  std::string_view Rest() const { return s_.substr(std::min(pos_, s_.size())); }
  void Skip(size_t n) { pos_ += n; }

 private:
  std::string_view s_;
  size_t pos_ = 0;
};

absl::Status Bad(std::string_view text, const std::string& what) {
  return absl::InvalidArgumentError(absl::StrCat("'", std::string(text), "' is not a valid ", what));
}

absl::Status Range(const std::string& field, int64_t v, int64_t lo, int64_t hi) {
  if (v >= lo && v <= hi) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(field, " ", v, " is out of range (", lo, " to ", hi, ")"));
}

absl::StatusOr<int64_t> ReadDate(Scanner& sc) {
  int64_t year;
  bool signed_year = sc.Peek() == '+' || sc.Peek() == '-';
  if (signed_year) {
    bool negative = sc.Peek() == '-';
    sc.Skip(1);
    size_t run = sc.DigitRun();
    if (run < 1 || run > 9) return absl::InvalidArgumentError("a year has 1 to 9 digits after its sign");
    year = *sc.Digits(run);
    if (negative) year = -year;
  } else {
    auto y = sc.Digits(4);
    if (!y) return absl::InvalidArgumentError("a date starts with a 4-digit year");
    year = *y;
  }
  if (sc.AtEnd() || sc.Peek() == 'T' || sc.Peek() == 't') return EpochDayOf(year, 1, 1);
  bool extended = sc.Consume('-');
  if (signed_year && !extended)
    return absl::InvalidArgumentError("a signed year needs the extended form (-MM-DD)");
  if (sc.Consume('W')) {
    auto week = sc.Digits(2);
    if (!week) return absl::InvalidArgumentError("a week has 2 digits");
    int64_t dow = 1;
    if (extended ? sc.Consume('-') : sc.PeekDigit()) {
      auto d = sc.Digits(1);
      if (!d) return absl::InvalidArgumentError("a day of the week has 1 digit");
      dow = *d;
    }
    if (auto s = Range("week", *week, 1, WeeksInYear(year)); !s.ok()) return s;
    if (auto s = Range("day of week", dow, 1, 7); !s.ok()) return s;
    return EpochDayOfWeekDate(year, int(*week), int(dow));
  }
  size_t run = sc.DigitRun();
  if (run == 3) {
    int64_t ordinal = *sc.Digits(3);
    if (auto s = Range("ordinal day", ordinal, 1, IsLeapYear(year) ? 366 : 365); !s.ok())
      return s;
    return EpochDayOf(year, 1, 1) + ordinal - 1;
  }
  if (run != 2 && !(run == 4 && !extended)) return absl::InvalidArgumentError("expected a month");
  int64_t month = *sc.Digits(2);
  int64_t day = 1;
  if (run == 4) {
    day = *sc.Digits(2);
  } else if (extended && sc.Consume('-')) {
    auto d = sc.Digits(2);
    if (!d) return absl::InvalidArgumentError("a day has 2 digits");
    day = *d;
  }
  return CheckedEpochDay(year, month, day);
}

absl::StatusOr<int64_t> ReadTime(Scanner& sc) {
  auto hour = sc.Digits(2);
  if (!hour) return absl::InvalidArgumentError("a time starts with a 2-digit hour");
  int64_t minute = 0, second = 0, nanos = 0;
  bool extended = sc.Consume(':');
  if (extended || sc.PeekDigit()) {
    auto m = sc.Digits(2);
    if (!m) return absl::InvalidArgumentError("a minute has 2 digits");
    minute = *m;
    if (extended ? sc.Consume(':') : sc.PeekDigit()) {
      auto s = sc.Digits(2);
      if (!s) return absl::InvalidArgumentError("a second has 2 digits");
      second = *s;
      if (sc.Consume('.') || sc.Consume(',')) {
        size_t run = sc.DigitRun();
        if (run < 1 || run > 9)
          return absl::InvalidArgumentError("a fraction of a second has 1 to 9 digits");
        nanos = *sc.Digits(run);
        for (size_t i = run; i < 9; ++i) nanos *= 10;
      }
    }
  }
  if (auto s = Range("hour", *hour, 0, 23); !s.ok()) return s;
  if (auto s = Range("minute", minute, 0, 59); !s.ok()) return s;
  if (auto s = Range("second", second, 0, 59); !s.ok()) return s;
  return ((*hour * 60 + minute) * 60 + second) * kNanosPerSecond + nanos;
}

// Z, or a sign and hours with optional minutes and seconds.
std::optional<int32_t> ReadOffset(Scanner& sc) {
  if (sc.Consume('Z')) return 0;
  if (sc.Peek() != '+' && sc.Peek() != '-') return std::nullopt;
  int sign = sc.Peek() == '-' ? -1 : 1;
  sc.Skip(1);
  auto h = sc.Digits(2);
  if (!h) return std::nullopt;
  int64_t m = 0, s = 0;
  bool extended = sc.Consume(':');
  if (extended || sc.PeekDigit()) {
    auto mm = sc.Digits(2);
    if (!mm) return std::nullopt;
    m = *mm;
    if (extended ? sc.Consume(':') : sc.PeekDigit()) {
      auto ss = sc.Digits(2);
      if (!ss) return std::nullopt;
      s = *ss;
    }
  }
  if (m > 59 || s > 59) return std::nullopt;
  int64_t total = *h * 3600 + m * 60 + s;
  if (total > kMaxOffsetSeconds) return std::nullopt;
  return int32_t(sign * total);
}

struct Zoned {
  std::optional<int32_t> offset;
  std::string zone;
};

absl::StatusOr<Zoned> ReadZone(Scanner& sc) {
  Zoned z;
  if (!sc.AtEnd() && sc.Peek() != '[') {
    z.offset = ReadOffset(sc);
    if (!z.offset) return absl::InvalidArgumentError("expected an offset such as +01:00 or Z");
  }
  if (sc.Consume('[')) {
    std::string_view rest = sc.Rest();
    size_t close = rest.find(']');
    if (close == std::string_view::npos) return absl::InvalidArgumentError("a zone name ends with ]");
    z.zone = std::string(rest.substr(0, close));
    sc.Skip(close + 1);
    if (!IsKnownZone(z.zone))
      return absl::InvalidArgumentError(absl::StrCat("unknown time zone '", z.zone, "'"));
  }
  return z;
}

// One number of a duration: a sign, digits, an optional fraction.
struct Amount {
  int128 whole = 0;
  int64_t nanos = 0;  // The fraction in billionths (9 digits are kept).
  double value = 0;
  bool fraction = false;
};

std::optional<Amount> ReadAmount(Scanner& sc) {
  Amount a;
  bool negative = sc.Peek() == '-';
  if (negative || sc.Peek() == '+') sc.Skip(1);
  size_t run = sc.DigitRun();
  if (run == 0 || run > 19) return std::nullopt;
  std::string text(sc.Rest().substr(0, run));
  sc.Skip(run);
  for (char c : text) a.whole = a.whole * 10 + (c - '0');
  if (sc.Consume('.') || sc.Consume(',')) {
    size_t frac = sc.DigitRun();
    if (frac == 0) return std::nullopt;
    std::string digits(sc.Rest().substr(0, frac));
    sc.Skip(frac);
    text += "." + digits;
    digits.resize(9, '0');
    a.nanos = std::stoll(digits);
    a.fraction = a.nanos != 0;
  }
  a.value = std::stod(text);
  if (negative) {
    a.whole = -a.whole;
    a.nanos = -a.nanos;
    a.value = -a.value;
  }
  return a;
}

absl::StatusOr<TemporalValue> ParseDuration(std::string_view text) {
  Scanner sc(text);
  bool negative = sc.Peek() == '-';
  if (negative || sc.Peek() == '+') sc.Skip(1);
  if (!sc.Consume('P')) return Bad(text, "duration (it starts with P)");
  // Exact sums, and the same in doubles in case a unit has a fraction.
  int128 months = 0, days = 0, seconds = 0, nanos = 0;
  double dm = 0, dd = 0, ds = 0, dn = 0;
  bool approximate = false;
  std::string_view rest = sc.Rest();
  if (sc.DigitRun() == 4 && rest.size() > 4 && rest[4] == '-') {
    // The alternative form PYYYY-MM-DDThh:mm:ss.fff.
    months = *sc.Digits(4) * 12;
    if (!sc.Consume('-')) return Bad(text, "duration");
    auto m = sc.Digits(2);
    if (!m || !sc.Consume('-')) return Bad(text, "duration");
    auto d = sc.Digits(2);
    if (!d) return Bad(text, "duration");
    months += *m;
    days = *d;
    if (sc.Consume('T')) {
      auto t = ReadTime(sc);
      if (!t.ok()) return Bad(text, "duration");
      seconds = *t / kNanosPerSecond;
      nanos = *t % kNanosPerSecond;
    }
  } else {
    bool in_time = false;
    std::string seen;
    bool any = false;
    while (!sc.AtEnd()) {
      if (!in_time && sc.Consume('T')) {
        in_time = true;
        continue;
      }
      auto a = ReadAmount(sc);
      if (!a || sc.AtEnd()) return Bad(text, "duration");
      char unit = char(std::toupper(static_cast<unsigned char>(sc.Peek())));
      sc.Skip(1);
      std::string key = absl::StrCat(in_time ? "T" : "", std::string(1, unit));
      if (seen.find(key) != std::string::npos) return Bad(text, "duration (a unit repeats)");
      seen += key + ",";
      any = true;
      int64_t per;  // Of the accumulator below.
      int128* exact;
      double* inexact;
      if (!in_time && unit == 'Y') { per = 12; exact = &months; inexact = &dm; }
      else if (!in_time && unit == 'M') { per = 1; exact = &months; inexact = &dm; }
      else if (!in_time && unit == 'W') { per = 7; exact = &days; inexact = &dd; }
      else if (!in_time && unit == 'D') { per = 1; exact = &days; inexact = &dd; }
      else if (in_time && unit == 'H') { per = 3600; exact = &seconds; inexact = &ds; }
      else if (in_time && unit == 'M') { per = 60; exact = &seconds; inexact = &ds; }
      else if (in_time && unit == 'S') { per = 1; exact = &seconds; inexact = &ds; }
      else return Bad(text, "duration (unknown unit)");
      *exact += a->whole * per;
      if (in_time && unit == 'S') {
        nanos += a->nanos;
        *inexact += double(a->whole);
        dn += double(a->nanos);
      } else {
        *inexact += a->value * double(per);
        approximate |= a->fraction;
      }
    }
    if (!any) return Bad(text, "duration (no amounts)");
  }
  if (negative) {
    months = -months; days = -days; seconds = -seconds; nanos = -nanos;
    dm = -dm; dd = -dd; ds = -ds; dn = -dn;
  }
  if (approximate) return ApproximateDuration(dm, dd, ds, dn);
  auto fits = [](int128 v) { return v >= INT64_MIN && v <= INT64_MAX; };
  if (!fits(months) || !fits(days) || !fits(seconds))
    return absl::OutOfRangeError(absl::StrCat("duration '", std::string(text), "' is out of range"));
  return MakeDuration(int64_t(months), int64_t(days), int64_t(seconds), int64_t(nanos));
}

}  // namespace

std::optional<int32_t> ParseOffset(std::string_view text) {
  Scanner sc(text);
  auto o = ReadOffset(sc);
  if (!o || !sc.AtEnd()) return std::nullopt;
  return o;
}

absl::StatusOr<TemporalValue> Parse(Kind kind, std::string_view text) {
  if (kind == Kind::kDuration) return ParseDuration(text);
  const char* what = KindName(kind);
  Scanner sc(text);
  int64_t day = 0, nano = 0;
  if (HasDate(kind)) {
    auto d = ReadDate(sc);
    if (!d.ok()) return Bad(text, absl::StrCat(what, ": ", d.status().message()));
    day = *d;
    if (kind != Kind::kDate && sc.Consume('T')) {
      auto t = ReadTime(sc);
      if (!t.ok()) return Bad(text, absl::StrCat(what, ": ", t.status().message()));
      nano = *t;
    }
  } else {
    auto t = ReadTime(sc);
    if (!t.ok()) return Bad(text, absl::StrCat(what, ": ", t.status().message()));
    nano = *t;
  }
  Zoned zoned;
  if (HasOffset(kind)) {
    auto z = ReadZone(sc);
    if (!z.ok()) return Bad(text, absl::StrCat(what, ": ", z.status().message()));
    zoned = *z;
    if (kind == Kind::kTime && !zoned.zone.empty())
      return Bad(text, absl::StrCat(what, " (a time has an offset, not a zone)"));
  }
  if (!sc.AtEnd()) return Bad(text, absl::StrCat(what, " (unexpected '", std::string(sc.Rest()), "')"));
  switch (kind) {
    case Kind::kDate: return MakeDate(day);
    case Kind::kLocalTime: return MakeLocalTime(nano);
    case Kind::kTime: return MakeTime(nano, zoned.offset.value_or(0));
    case Kind::kLocalDateTime: return MakeLocalDateTime(day, nano);
    default:
      return MakeDateTimeAtLocal(day, nano, zoned.zone, zoned.offset.value_or(0));
  }
}

}  // namespace quiver::temporal
