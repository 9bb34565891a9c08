// Component access (d.year, dur.minutesOfHour) and arithmetic of temporal
// values.

#include <cctype>
#include <optional>

#include "absl/strings/str_cat.h"
#include "query/exec/evaluator.h"
#include "query/exec/temporal_functions.h"
#include "util/temporal.h"
#include "util/temporal_format.h"

namespace quiver::query {
namespace {

using temporal::Kind;
using temporal::kNanosPerSecond;

std::string Lower(const std::string& s) {
  std::string out = s;
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A total that may not fit in 64 bits (the nanoseconds of 300 years do not).
std::optional<Value> Total(__int128 v) {
  if (v > INT64_MAX || v < INT64_MIN) return Value();  // null marks the overflow
  return Value(int64_t(v));
}

std::optional<Value> DurationComponent(const TemporalValue& d, const std::string& k) {
  // Neo4j's DurationValue fields: the total in a unit, or the part of the
  // next larger unit ("...Of..."). Seconds and nanos: nanos is 0..999999999.
  const int64_t s = d.seconds;
  const int64_t n = d.nanos;
  if (k == "years") return Value(d.months / 12);
  if (k == "quarters") return Value(d.months / 3);
  if (k == "months") return Value(d.months);
  if (k == "weeks") return Value(d.days / 7);
  if (k == "days") return Value(d.days);
  if (k == "hours") return Value(s / 3600);
  if (k == "minutes") return Value(s / 60);
  if (k == "seconds") return Value(s);
  if (k == "milliseconds") return Total(__int128(s) * 1000 + n / 1'000'000);
  if (k == "microseconds") return Total(__int128(s) * 1'000'000 + n / 1000);
  if (k == "nanoseconds") return Total(__int128(s) * kNanosPerSecond + n);
  if (k == "quartersofyear") return Value(d.months / 3 % 4);
  if (k == "monthsofquarter") return Value(d.months % 3);
  if (k == "monthsofyear") return Value(d.months % 12);
  if (k == "daysofweek") return Value(d.days % 7);
  if (k == "minutesofhour") return Value(s / 60 % 60);
  if (k == "secondsofminute") return Value(s % 60);
  if (k == "millisecondsofsecond") return Value(int64_t(n / 1'000'000));
  if (k == "microsecondsofsecond") return Value(int64_t(n / 1000));
  if (k == "nanosecondsofsecond") return Value(int64_t(n));
  return std::nullopt;
}

std::optional<Value> InstantComponent(const TemporalValue& t, const std::string& k) {
  if (temporal::HasDate(t.kind)) {
    temporal::CivilDate c = temporal::CivilOf(t.epoch_day);
    if (k == "year") return Value(c.year);
    if (k == "quarter") return Value(int64_t((c.month - 1) / 3 + 1));
    if (k == "month") return Value(int64_t(c.month));
    if (k == "day") return Value(int64_t(c.day));
    if (k == "week") return Value(int64_t(temporal::WeekDateOf(t.epoch_day).week));
    if (k == "weekyear") return Value(temporal::WeekDateOf(t.epoch_day).week_year);
    if (k == "weekday" || k == "dayofweek")
      return Value(int64_t(temporal::DayOfWeek(t.epoch_day)));
    if (k == "ordinalday") return Value(int64_t(temporal::DayOfYear(t.epoch_day)));
    if (k == "dayofquarter") {
      int first_month = (c.month - 1) / 3 * 3 + 1;
      return Value(t.epoch_day - temporal::EpochDayOf(c.year, first_month, 1) + 1);
    }
  }
  if (temporal::HasTime(t.kind)) {
    const int64_t s = t.nano_of_day / kNanosPerSecond;
    const int64_t n = t.nano_of_day % kNanosPerSecond;
    if (k == "hour") return Value(s / 3600);
    if (k == "minute") return Value(s / 60 % 60);
    if (k == "second") return Value(s % 60);
    if (k == "millisecond") return Value(n / 1'000'000);
    if (k == "microsecond") return Value(n / 1000);
    if (k == "nanosecond") return Value(n);
  }
  if (temporal::HasOffset(t.kind)) {
    if (k == "timezone")
      return Value(t.zone.empty() ? temporal::FormatOffset(t.offset_seconds) : t.zone);
    if (k == "offset") return Value(temporal::FormatOffset(t.offset_seconds));
    if (k == "offsetminutes") return Value(int64_t(t.offset_seconds / 60));
    if (k == "offsetseconds") return Value(int64_t(t.offset_seconds));
  }
  if (t.kind == Kind::kDateTime) {
    int64_t epoch_second = temporal::EpochSecond(t);
    if (k == "epochseconds") return Value(epoch_second);
    if (k == "epochmillis")
      return Total(__int128(epoch_second) * 1000 + t.nano_of_day % kNanosPerSecond / 1'000'000);
  }
  return std::nullopt;
}

}  // namespace

absl::StatusOr<Value> TemporalComponent(const Value& value, const std::string& key,
                                        const ast::Expr& at, ExecContext& ctx) {
  const TemporalValue& t = value.AsTemporal();
  std::string k = Lower(key);
  std::optional<Value> v =
      t.kind == Kind::kDuration ? DurationComponent(t, k) : InstantComponent(t, k);
  if (v && v->is_null()) {
    return ctx.Error(ErrorType::kArgumentError, &at.span,
                     absl::StrCat("the ", key, " of this ", temporal::KindName(t.kind),
                                  " do not fit in an INTEGER"),
                     "InvalidArgumentValue");
  }
  if (v) return *v;
  return ctx.Error(ErrorType::kArgumentError, &at.span,
                   absl::StrCat("a ", temporal::KindName(t.kind), " has no component '", key, "'"),
                   "InvalidArgumentValue");
}

absl::StatusOr<Value> TemporalArithmetic(ast::Op op, const Value& a, const Value& b,
                                         const ast::Expr& at, ExecContext& ctx) {
  auto is_duration = [](const Value& v) {
    return v.is_temporal() && v.AsTemporal().kind == Kind::kDuration;
  };
  auto is_instant = [](const Value& v) {
    return v.is_temporal() && v.AsTemporal().kind != Kind::kDuration;
  };
  auto result = [&](const absl::StatusOr<TemporalValue>& r) -> absl::StatusOr<Value> {
    if (r.ok()) return Value(*r);
    return ctx.Error(ErrorType::kArgumentError, &at.span, std::string(r.status().message()),
                     "InvalidArgumentValue");
  };
  bool add = op == ast::Op::kAdd, sub = op == ast::Op::kSub;
  if ((add || sub) && is_instant(a) && is_duration(b))
    return result(temporal::AddDuration(a.AsTemporal(), b.AsTemporal(), sub));
  if (add && is_duration(a) && is_instant(b))
    return result(temporal::AddDuration(b.AsTemporal(), a.AsTemporal(), false));
  if ((add || sub) && is_duration(a) && is_duration(b))
    return result(temporal::AddDurations(a.AsTemporal(), b.AsTemporal(), sub));
  if (op == ast::Op::kMul && (is_duration(a) || is_duration(b))) {
    const Value& d = is_duration(a) ? a : b;
    const Value& f = is_duration(a) ? b : a;
    if (f.is_int()) return result(temporal::MultiplyDuration(d.AsTemporal(), f.AsInt()));
    if (f.is_double()) return result(temporal::MultiplyDuration(d.AsTemporal(), f.AsDouble()));
  }
  if (op == ast::Op::kDiv && is_duration(a) && b.is_number())
    return result(temporal::DivideDuration(a.AsTemporal(), b.AsNumber()));
  return ctx.Error(ErrorType::kTypeError, &at.span,
                   absl::StrCat("cannot apply an arithmetic operator to ", TypeNameOf(a),
                                " and ", TypeNameOf(b)),
                   "InvalidArgumentType");
}

}  // namespace quiver::query
