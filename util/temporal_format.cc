#include "util/temporal_format.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "util/temporal.h"

namespace quiver::temporal {
namespace {

std::string FormatDate(int64_t epoch_day) {
  CivilDate c = CivilOf(epoch_day);
  std::string year;
  if (c.year < 0 && c.year > -10000) year = absl::StrFormat("-%04d", -c.year);
  else if (c.year > 9999) year = absl::StrCat("+", c.year);
  else year = absl::StrFormat("%04d", c.year);
  return absl::StrFormat("%s-%02d-%02d", year, c.month, c.day);
}

std::string FormatTime(int64_t nano_of_day) {
  int64_t s = nano_of_day / kNanosPerSecond;
  int64_t n = nano_of_day % kNanosPerSecond;
  std::string out = absl::StrFormat("%02d:%02d", s / 3600, s / 60 % 60);
  if (s % 60 == 0 && n == 0) return out;
  absl::StrAppendFormat(&out, ":%02d", s % 60);
  if (n == 0) return out;
  if (n % 1'000'000 == 0) absl::StrAppendFormat(&out, ".%03d", n / 1'000'000);
  else if (n % 1000 == 0) absl::StrAppendFormat(&out, ".%06d", n / 1000);
  else absl::StrAppendFormat(&out, ".%09d", n);
  return out;
}

// A fraction of a second without trailing zeros: ".5", ".000000001".
std::string Fraction(int64_t nanos) {
  std::string digits = absl::StrFormat("%09d", std::llabs(nanos));
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return "." + digits;
}

// Neo4j's DurationValue.toString: years and months from the months, then
// days, then hours, minutes and seconds from the seconds, each with its own
// sign; zero parts are left out.
std::string FormatDuration(const TemporalValue& d) {
  std::string out = "P";
  auto part = [&out](int64_t amount, char unit) {
    if (amount != 0) absl::StrAppend(&out, amount, std::string(1, unit));
  };
  part(d.months / 12, 'Y');
  part(d.months % 12, 'M');
  part(d.days, 'D');
  if (d.seconds != 0 || d.nanos != 0) {
    int64_t s = d.seconds;
    int64_t n = d.nanos;
    if (s < 0 && n != 0) {  // -1.5 s is stored as -2 s + 0.5e9 ns.
      ++s;
      n -= kNanosPerSecond;
    }
    out += 'T';
    part(s / 3600, 'H');
    s %= 3600;
    part(s / 60, 'M');
    s %= 60;
    if (s != 0) {
      absl::StrAppend(&out, s);
      if (n != 0) out += Fraction(n);
      out += 'S';
    } else if (n != 0) {
      absl::StrAppend(&out, n < 0 ? "-0" : "0", Fraction(n), "S");
    }
  }
  if (out.size() == 1) out += "T0S";
  return out;
}

}  // namespace

std::string FormatOffset(int32_t offset) {
  if (offset == 0) return "Z";
  int32_t a = std::abs(offset);
  std::string out = absl::StrFormat("%c%02d:%02d", offset < 0 ? '-' : '+', a / 3600, a / 60 % 60);
  if (a % 60 != 0) absl::StrAppendFormat(&out, ":%02d", a % 60);
  return out;
}

std::string Format(const TemporalValue& t) {
  switch (t.kind) {
    case Kind::kDate: return FormatDate(t.epoch_day);
    case Kind::kLocalTime: return FormatTime(t.nano_of_day);
    case Kind::kTime: return FormatTime(t.nano_of_day) + FormatOffset(t.offset_seconds);
    case Kind::kLocalDateTime:
      return absl::StrCat(FormatDate(t.epoch_day), "T", FormatTime(t.nano_of_day));
    case Kind::kDateTime: {
      std::string out = absl::StrCat(FormatDate(t.epoch_day), "T", FormatTime(t.nano_of_day),
                                     FormatOffset(t.offset_seconds));
      if (!t.zone.empty()) absl::StrAppend(&out, "[", t.zone, "]");
      return out;
    }
    case Kind::kDuration: return FormatDuration(t);
  }
  return "";
}

}  // namespace quiver::temporal
