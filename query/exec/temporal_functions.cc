// The temporal constructor functions and duration.between & co.

#include "query/exec/temporal_functions.h"

#include <chrono>
#include <map>

#include "absl/strings/str_cat.h"
#include "query/exec/evaluator.h"
#include "util/temporal.h"
#include "util/temporal_build.h"
#include "util/temporal_parse.h"

namespace quiver::query {
namespace {

#define QUIVER_TEMPORAL_ARITY(lo, hi) \
  do {                                \
    absl::Status s_ = Arity(lo, hi);  \
    if (!s_.ok()) return s_;          \
  } while (0)

using temporal::Kind;

// The constructor of each kind, by function name.
const std::map<std::string, Kind>& Constructors() {
  static const auto* kinds = new std::map<std::string, Kind>{
      {"date", Kind::kDate},
      {"localtime", Kind::kLocalTime},
      {"time", Kind::kTime},
      {"localdatetime", Kind::kLocalDateTime},
      {"datetime", Kind::kDateTime},
      {"duration", Kind::kDuration}};
  return *kinds;
}

// Splits "date.truncate" into the kind's constructor and "truncate".
bool SplitName(const std::string& name, Kind* kind, std::string* member) {
  size_t dot = name.find('.');
  std::string head = name.substr(0, dot);
  auto it = Constructors().find(head);
  if (it == Constructors().end()) return false;
  *kind = it->second;
  *member = dot == std::string::npos ? "" : name.substr(dot + 1);
  if (member->empty()) return dot == std::string::npos;
  if (*kind == Kind::kDuration)
    return *member == "between" || *member == "inmonths" || *member == "indays" ||
           *member == "inseconds";
  if (*member == "transaction" || *member == "statement" || *member == "realtime" ||
      *member == "truncate")
    return true;
  return *kind == Kind::kDateTime && (*member == "fromepoch" || *member == "fromepochmillis");
}

int64_t NowNanos() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class TemporalCall {
 public:
  TemporalCall(const std::string& name, const ValueList& args, const ast::Expr& call,
               ExecContext& ctx)
      : name_(name), args_(args), call_(call), ctx_(ctx) {}

  absl::StatusOr<Value> Run(Kind kind, const std::string& member) {
    if (member.empty()) return Construct(kind);
    if (member == "truncate") return TruncateCall(kind);
    if (member == "between" || member == "inmonths" || member == "indays" ||
        member == "inseconds")
      return BetweenCall(member);
    if (member == "fromepoch" || member == "fromepochmillis") return FromEpoch(member);
    // transaction, statement, realtime: one statement is one transaction.
    QUIVER_TEMPORAL_ARITY(0, 1);
    return Clock(kind, member == "realtime", args_.empty() ? Value() : args_[0]);
  }

 private:
  absl::Status Arity(size_t lo, size_t hi) {
    if (args_.size() >= lo && args_.size() <= hi) return absl::OkStatus();
    return MakeError(ErrorType::kSemanticError, Phase::kCompileTime,
                     absl::StrCat(call_.name, "() takes ",
                                  lo == hi ? absl::StrCat(lo) : absl::StrCat(lo, " to ", hi),
                                  " argument(s), not ", args_.size()),
                     ctx_.source ? *ctx_.source : "", &call_.span, "InvalidNumberOfArguments");
  }

  absl::Status TypeError(const std::string& msg) {
    return ctx_.Error(ErrorType::kTypeError, &call_.span, absl::StrCat(call_.name, "(): ", msg),
                      "InvalidArgumentType");
  }
  // A value the function cannot make (a bad string, a field out of range).
  absl::StatusOr<Value> Made(const absl::StatusOr<TemporalValue>& t) {
    if (t.ok()) return Value(*t);
    return ctx_.Error(ErrorType::kArgumentError, &call_.span,
                      absl::StrCat(call_.name, "(): ", t.status().message()),
                      "InvalidArgumentValue");
  }

  absl::StatusOr<Value> Construct(Kind kind) {
    QUIVER_TEMPORAL_ARITY(0, 1);
    if (args_.empty()) return Clock(kind, false, Value());
    const Value& a = args_[0];
    if (a.is_null()) return Value();
    if (a.is_string()) return Made(temporal::Parse(kind, a.AsString()));
    if (kind == Kind::kDuration) {
      if (a.is_map()) return Made(temporal::DurationFromMap(a.AsMap()));
      if (a.is_temporal() && a.AsTemporal().kind == Kind::kDuration) return a;
      return TypeError(absl::StrCat("expected a STRING or MAP, not ", TypeName(a)));
    }
    if (a.is_map()) {
      const ValueMap& m = a.AsMap();
      if (m.size() == 1 && m.begin()->first == "timezone") return Clock(kind, false, m.begin()->second);
      return Made(temporal::FromMap(kind, m));
    }
    if (a.is_temporal()) return Made(temporal::Project(kind, a.AsTemporal()));
    return TypeError(absl::StrCat("expected a STRING, MAP or temporal value, not ", TypeName(a)));
  }

  // The current instant in UTC or in the zone `zone` (a STRING or null).
  absl::StatusOr<Value> Clock(Kind kind, bool realtime, const Value& zone) {
    if (kind == Kind::kDuration) return TypeError("a duration has no current value");
    temporal::ZoneSpec spec;
    if (!zone.is_null()) {
      if (!zone.is_string()) return TypeError("the time zone must be a STRING");
      auto z = temporal::ParseZoneSpec(zone.AsString());
      if (!z.ok()) return Made(z.status());
      spec = *z;
    }
    int64_t now;
    if (realtime) {
      now = NowNanos();
    } else {
      if (ctx_.statement_time_ns == 0) ctx_.statement_time_ns = NowNanos();
      now = ctx_.statement_time_ns;
    }
    return Value(temporal::AtInstant(kind, temporal::FloorDiv(now, temporal::kNanosPerSecond),
                                     temporal::FloorMod(now, temporal::kNanosPerSecond), spec));
  }

  absl::StatusOr<Value> TruncateCall(Kind kind) {
    QUIVER_TEMPORAL_ARITY(2, 3);
    if (args_[0].is_null() || args_[1].is_null()) return Value();
    if (!args_[0].is_string()) return TypeError("the unit must be a STRING");
    if (!args_[1].is_temporal()) return TypeError(absl::StrCat("expected a temporal value, not ", TypeName(args_[1])));
    ValueMap overrides;
    if (args_.size() == 3 && !args_[2].is_null()) {
      if (!args_[2].is_map()) return TypeError("the fields to set must be a MAP");
      overrides = args_[2].AsMap();
    }
    return Made(temporal::Truncate(kind, args_[0].AsString(), args_[1].AsTemporal(), overrides));
  }

  absl::StatusOr<Value> BetweenCall(const std::string& member) {
    QUIVER_TEMPORAL_ARITY(2, 2);
    if (args_[0].is_null() || args_[1].is_null()) return Value();
    for (const Value& a : args_) {
      if (!a.is_temporal() || a.AsTemporal().kind == Kind::kDuration)
        return TypeError(absl::StrCat("expected two temporal instants, not ", TypeName(a)));
    }
    temporal::Unit unit = member == "inmonths" ? temporal::Unit::kMonths
                          : member == "indays"  ? temporal::Unit::kDays
                          : member == "inseconds" ? temporal::Unit::kSeconds
                                                  : temporal::Unit::kAll;
    return Made(temporal::Between(args_[0].AsTemporal(), args_[1].AsTemporal(), unit));
  }

  // datetime.fromepoch(seconds, nanoseconds), datetime.fromepochmillis(ms).
  absl::StatusOr<Value> FromEpoch(const std::string& member) {
    bool millis = member == "fromepochmillis";
    QUIVER_TEMPORAL_ARITY(millis ? 1 : 2, millis ? 1 : 2);
    for (const Value& a : args_) {
      if (a.is_null()) return Value();
      if (!a.is_int()) return TypeError("arguments must be INTEGERs");
    }
    ValueMap fields;
    if (millis) {
      fields["epochMillis"] = args_[0];
    } else {
      fields["epochSeconds"] = args_[0];
      fields["nanosecond"] = args_[1];
    }
    return Made(temporal::FromMap(Kind::kDateTime, fields));
  }

  std::string TypeName(const Value& v) { return TypeNameOf(v); }

  const std::string& name_;
  const ValueList& args_;
  const ast::Expr& call_;
  ExecContext& ctx_;
};

}  // namespace

bool IsTemporalFunction(const std::string& name) {
  Kind kind;
  std::string member;
  return SplitName(name, &kind, &member);
}

absl::StatusOr<Value> CallTemporalFunction(const std::string& name, const ValueList& args,
                                           const ast::Expr& call, ExecContext& ctx) {
  Kind kind;
  std::string member;
  SplitName(name, &kind, &member);
  return TemporalCall(name, args, call, ctx).Run(kind, member);
}

}  // namespace quiver::query
