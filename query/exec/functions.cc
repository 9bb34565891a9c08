// Scalar functions of the query language (aggregates are in aggregate.cc).

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "absl/strings/str_cat.h"
#include "query/exec/evaluator.h"
#include "query/exec/temporal_functions.h"
#include "query/exec/value_ops.h"
#include "util/status_macros.h"

namespace quiver::query {

namespace {

// Full Unicode case mapping (ICU's root locale): "über" → "ÜBER", "ß" →
// "SS", final sigma in "ΣΑΣ" → "σας". Statements and stored text are
// checked UTF-8; a malformed byte from a library caller's parameter becomes
// U+FFFD rather than passing through.
std::string MapCase(const std::string& s, bool upper) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  if (upper) {
    u.toUpper(icu::Locale::getRoot());
  } else {
    u.toLower(icu::Locale::getRoot());
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

const std::set<std::string>& Scalars() {
  static const auto* names = new std::set<std::string>{
      "type", "labels", "keys", "properties", "id", "nodes", "relationships",
      "length", "size", "coalesce", "tostring", "tointeger", "tofloat", "toboolean",
      "head", "last", "tail", "range", "split", "substring", "left", "right",
      "replace", "reverse", "tolower", "toupper", "trim", "ltrim", "rtrim", "abs",
      "ceil", "floor", "round", "sign", "sqrt", "exp", "log", "log10", "startnode",
      "endnode", "exists", "e", "pi", "sin", "cos", "tan", "asin", "acos", "atan",
      "atan2", "degrees", "radians", "tostringornull", "tointegerornull",
      "tofloatornull", "tobooleanornull", "isempty", "rand"};
  return *names;
}

const std::set<std::string>& Aggregates() {
  static const auto* names = new std::set<std::string>{
      "count", "sum", "avg", "min", "max", "collect", "stdev", "stdevp",
      "percentilecont", "percentiledisc"};
  return *names;
}

// Code points of a UTF-8 string, so substring/left/right/reverse/size count
// characters, not bytes.
std::vector<std::string> Chars(const std::string& s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

std::string Join(const std::vector<std::string>& chars, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to && i < chars.size(); ++i) out += chars[i];
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::optional<int64_t> ParseInt(const std::string& s) {
  errno = 0;
  char* end = nullptr;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (end != s.c_str() && *end == '\0' && errno == 0) return v;
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() && *end == '\0' && std::isfinite(d) &&
      std::fabs(d) < 9.2e18) return int64_t(d);
  return std::nullopt;
}

std::optional<double> ParseDouble(const std::string& s) {
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (end != s.c_str() && *end == '\0') return d;
  return std::nullopt;
}

}  // namespace

bool IsKnownFunction(const std::string& n) {
  return Scalars().count(n) || Aggregates().count(n) || IsTemporalFunction(n);
}
bool IsAggregateFunction(const std::string& n) { return Aggregates().count(n) > 0; }

absl::StatusOr<Value> CallRegisteredFunction(const Function& function, ValueList args,
                                             const ast::Expr& call, ExecContext& ctx) {
  for (size_t i = 0; i < args.size() && i < function.inputs.size(); ++i) {
    const ProcParam& in = function.inputs[i];
    if (!ProcTypeAccepts(in.type, args[i])) {
      return ctx.Error(ErrorType::kTypeError, &call.span,
                       absl::StrCat(function.name, "(): argument `", in.name, "` must be ",
                                    ProcTypeName(in.type), ", not ", TypeNameOf(args[i])),
                       "InvalidArgumentType");
    }
    if (in.type == ProcType::kFloat && args[i].is_int()) args[i] = Value(double(args[i].AsInt()));
  }
  absl::StatusOr<Value> result = function.fn(args);
  if (!result.ok()) {
    return ctx.Error(ErrorType::kArgumentError, &call.span,
                     absl::StrCat(function.name, "(): ", result.status().message()),
                     "FunctionFailed");
  }
  if (!ProcTypeAccepts(function.result, *result)) {
    return ctx.Error(ErrorType::kArgumentError, &call.span,
                     absl::StrCat(function.name, "() returned ", TypeNameOf(*result),
                                  ", its signature says ", ProcTypeName(function.result)),
                     "FunctionFailed");
  }
  if (function.result == ProcType::kFloat && result->is_int()) return Value(double(result->AsInt()));
  return result;
}

absl::StatusOr<Value> CallFunction(const std::string& name, const ValueList& args,
                                   const ast::Expr& call, ExecContext& ctx) {
  auto arg_error = [&](std::string msg) {
    return ctx.Error(ErrorType::kTypeError, &call.span,
                     absl::StrCat(call.name, "(): ", msg), "InvalidArgumentType");
  };
  auto need = [&](size_t lo, size_t hi) -> absl::Status {
    if (args.size() < lo || args.size() > hi) {
      return MakeError(ErrorType::kSemanticError, Phase::kCompileTime,
                       absl::StrCat(call.name, "() takes ", lo == hi ? absl::StrCat(lo) : absl::StrCat(lo, " to ", hi),
                                    " argument(s), not ", args.size()),
                       ctx.source ? *ctx.source : "", &call.span, "InvalidNumberOfArguments");
    }
    return absl::OkStatus();
  };
  if (IsTemporalFunction(name)) return CallTemporalFunction(name, args, call, ctx);
  const Value a0 = args.empty() ? Value() : args[0];

  if (name == "coalesce") {
    for (const auto& a : args) if (!a.is_null()) return a;
    return Value();
  }
  if (name == "rand") {
    QUIVER_RETURN_IF_ERROR(need(0, 0));
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    return Value(std::uniform_real_distribution<double>(0.0, 1.0)(rng));
  }
  if (name == "pi") { QUIVER_RETURN_IF_ERROR(need(0, 0)); return Value(M_PI); }
  if (name == "e") { QUIVER_RETURN_IF_ERROR(need(0, 0)); return Value(M_E); }
  if (name == "range") {
    QUIVER_RETURN_IF_ERROR(need(2, 3));
    for (const auto& a : args) {
      if (!a.is_int()) {
        return ctx.Error(ErrorType::kArgumentError, &call.span,
                         "range(): arguments must be INTEGERs", "InvalidArgumentType");
      }
    }
    int64_t from = args[0].AsInt(), to = args[1].AsInt(), step = args.size() > 2 ? args[2].AsInt() : 1;
    if (step == 0) return ctx.Error(ErrorType::kArgumentError, &call.span, "range(): step must not be 0", "NumberOutOfRange");
    ValueList out;
    for (int64_t i = from; step > 0 ? i <= to : i >= to;) {
      out.emplace_back(i);
      QUIVER_RETURN_IF_ERROR(ctx.CheckRows(out.size()));
      // Past INT64_MAX/MIN there is no next element (and no wrap-around).
      if (__builtin_add_overflow(i, step, &i)) break;
    }
    return Value(std::move(out));
  }
  if (name == "atan2") {
    QUIVER_RETURN_IF_ERROR(need(2, 2));
    if (args[0].is_null() || args[1].is_null()) return Value();
    if (!args[0].is_number() || !args[1].is_number()) return arg_error("arguments must be numbers");
    return Value(std::atan2(args[0].AsNumber(), args[1].AsNumber()));
  }
  if (name == "split" || name == "substring" || name == "left" || name == "right" ||
      name == "replace") {
    size_t n = name == "replace" ? 3 : name == "substring" ? 2 : 2;
    QUIVER_RETURN_IF_ERROR(need(n, name == "substring" ? 3 : n));
    for (const auto& a : args) if (a.is_null()) return Value();
    if (!a0.is_string()) return arg_error(absl::StrCat("expected a STRING, not ", TypeNameOf(a0)));
    const std::string& s = a0.AsString();
    if (name == "split") {
      if (!args[1].is_string()) return arg_error("the delimiter must be a STRING");
      const std::string& d = args[1].AsString();
      ValueList out;
      if (d.empty()) {
        for (auto& c : Chars(s)) out.emplace_back(c);
        return Value(std::move(out));
      }
      size_t pos = 0;
      while (true) {
        size_t next = s.find(d, pos);
        out.emplace_back(s.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
        if (next == std::string::npos) break;
        pos = next + d.size();
      }
      return Value(std::move(out));
    }
    if (name == "replace") {
      if (!args[1].is_string() || !args[2].is_string()) return arg_error("arguments must be STRINGs");
      const std::string& from = args[1].AsString();
      const std::string& to = args[2].AsString();
      if (from.empty()) return a0;
      std::string out;
      size_t pos = 0;
      while (true) {
        size_t next = s.find(from, pos);
        if (next == std::string::npos) { out += s.substr(pos); break; }
        out += s.substr(pos, next - pos) + to;
        pos = next + from.size();
      }
      return Value(out);
    }
    for (size_t i = 1; i < args.size(); ++i)
      if (!args[i].is_int()) return arg_error("positions and lengths must be INTEGERs");
    auto chars = Chars(s);
    if (name == "substring") {
      int64_t start = args[1].AsInt();
      int64_t len = args.size() > 2 ? args[2].AsInt() : int64_t(chars.size());
      if (start < 0 || len < 0)
        return ctx.Error(ErrorType::kArgumentError, &call.span, "substring(): negative start or length", "NumberOutOfRange");
      if (size_t(start) >= chars.size()) return Value("");
      return Value(Join(chars, size_t(start), size_t(std::min<int64_t>(start + len, int64_t(chars.size())))));
    }
    int64_t len = args[1].AsInt();
    if (len < 0) return ctx.Error(ErrorType::kArgumentError, &call.span, absl::StrCat(name, "(): negative length"), "NumberOutOfRange");
    size_t l = std::min<size_t>(size_t(len), chars.size());
    if (name == "left") return Value(Join(chars, 0, l));
    return Value(Join(chars, chars.size() - l, chars.size()));
  }

  if (name != "exists") QUIVER_RETURN_IF_ERROR(need(1, 1));
  const Value& v = a0;
  if (name == "exists") {
    QUIVER_RETURN_IF_ERROR(need(1, 1));
    return Value(!v.is_null());
  }
  if (name == "tostring" || name == "tostringornull") {
    if (v.is_null()) return v;
    if (v.is_string()) return v;
    if (v.is_int() || v.is_double() || v.is_bool() || v.is_temporal()) return Value(v.ToString());
    if (name == "tostringornull") return Value();
    return arg_error(absl::StrCat("cannot convert a ", TypeNameOf(v), " to STRING"));
  }
  if (name == "tointeger" || name == "tointegerornull") {
    if (v.is_null() || v.is_int()) return v;
    if (v.is_double()) {
      if (!std::isfinite(v.AsDouble())) return Value();
      return Value(int64_t(std::trunc(v.AsDouble())));
    }
    if (v.is_string()) {
      auto i = ParseInt(v.AsString());
      return i ? Value(*i) : Value();
    }
    if (v.is_bool()) return name == "tointeger" ? Value(int64_t(v.AsBool())) : Value(int64_t(v.AsBool()));
    if (name == "tointegerornull") return Value();
    return arg_error(absl::StrCat("cannot convert a ", TypeNameOf(v), " to INTEGER"));
  }
  if (name == "tofloat" || name == "tofloatornull") {
    if (v.is_null() || v.is_double()) return v;
    if (v.is_int()) return Value(double(v.AsInt()));
    if (v.is_string()) {
      auto d = ParseDouble(v.AsString());
      return d ? Value(*d) : Value();
    }
    if (name == "tofloatornull") return Value();
    return arg_error(absl::StrCat("cannot convert a ", TypeNameOf(v), " to FLOAT"));
  }
  if (name == "toboolean" || name == "tobooleanornull") {
    if (v.is_null() || v.is_bool()) return v;
    if (v.is_string()) {
      std::string s = v.AsString();
      while (!s.empty() && IsSpace(s.back())) s.pop_back();
      while (!s.empty() && IsSpace(s.front())) s.erase(s.begin());
      for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
      if (s == "true") return Value(true);
      if (s == "false") return Value(false);
      return Value();
    }
    if (v.is_int()) return Value(v.AsInt() != 0);
    if (name == "tobooleanornull") return Value();
    return arg_error(absl::StrCat("cannot convert a ", TypeNameOf(v), " to BOOLEAN"));
  }
  if (v.is_null()) return Value();
  if (name == "type") {
    if (!v.is_relationship()) return arg_error(absl::StrCat("expected a RELATIONSHIP, not ", TypeNameOf(v)));
    return Value(v.AsRelationship().type);
  }
  if (name == "labels") {
    if (!v.is_node()) return arg_error(absl::StrCat("expected a NODE, not ", TypeNameOf(v)));
    Value fresh = v;
    if (ctx.txn) { QUIVER_ASSIGN_OR_RETURN(fresh, ctx.NodeValueOf(v.AsNode().id)); }
    ValueList out;
    for (const auto& l : fresh.AsNode().labels) out.emplace_back(l);
    return Value(std::move(out));
  }
  if (name == "keys" || name == "properties") {
    ValueMap props;
    if (v.is_map()) props = v.AsMap();
    else if (v.is_node() || v.is_relationship()) {
      Value fresh = v;
      if (ctx.txn) {
        if (v.is_node()) { QUIVER_ASSIGN_OR_RETURN(fresh, ctx.NodeValueOf(v.AsNode().id)); }
        else { QUIVER_ASSIGN_OR_RETURN(fresh, ctx.RelValueOf(v.AsRelationship().id)); }
      }
      props = fresh.is_node() ? fresh.AsNode().properties : fresh.AsRelationship().properties;
    } else {
      return arg_error(absl::StrCat("expected a NODE, RELATIONSHIP or MAP, not ", TypeNameOf(v)));
    }
    if (name == "properties") return Value(std::move(props));
    ValueList out;
    for (const auto& [k, x] : props) out.emplace_back(k);
    return Value(std::move(out));
  }
  if (name == "id") {
    if (v.is_node()) return Value(int64_t(v.AsNode().id));
    if (v.is_relationship()) return Value(int64_t(v.AsRelationship().id));
    return arg_error(absl::StrCat("expected a NODE or RELATIONSHIP, not ", TypeNameOf(v)));
  }
  if (name == "startnode" || name == "endnode") {
    if (!v.is_relationship()) return arg_error("expected a RELATIONSHIP");
    return ctx.NodeValueOf(name == "startnode" ? v.AsRelationship().src : v.AsRelationship().dst);
  }
  if (name == "nodes" || name == "relationships") {
    if (!v.is_path()) return arg_error(absl::StrCat("expected a PATH, not ", TypeNameOf(v)));
    ValueList out;
    if (name == "nodes") for (const auto& n : v.AsPath().nodes) out.emplace_back(n);
    else for (const auto& r : v.AsPath().relationships) out.emplace_back(r);
    return Value(std::move(out));
  }
  if (name == "length") {
    if (v.is_path()) return Value(int64_t(v.AsPath().relationships.size()));
    if (v.is_string()) return Value(int64_t(Chars(v.AsString()).size()));
    if (v.is_list()) return Value(int64_t(v.AsList().size()));
    return arg_error(absl::StrCat("expected a PATH, not ", TypeNameOf(v)));
  }
  if (name == "size") {
    if (v.is_string()) return Value(int64_t(Chars(v.AsString()).size()));
    if (v.is_list()) return Value(int64_t(v.AsList().size()));
    if (v.is_map()) return Value(int64_t(v.AsMap().size()));
    return arg_error(absl::StrCat("expected a STRING or LIST, not ", TypeNameOf(v)));
  }
  if (name == "isempty") {
    if (v.is_string()) return Value(v.AsString().empty());
    if (v.is_list()) return Value(v.AsList().empty());
    if (v.is_map()) return Value(v.AsMap().empty());
    return arg_error("expected a STRING, LIST or MAP");
  }
  if (name == "head" || name == "last" || name == "tail") {
    if (!v.is_list()) return arg_error(absl::StrCat("expected a LIST, not ", TypeNameOf(v)));
    const auto& l = v.AsList();
    if (name == "tail") return Value(l.empty() ? ValueList() : ValueList(l.begin() + 1, l.end()));
    if (l.empty()) return Value();
    return name == "head" ? l.front() : l.back();
  }
  if (name == "reverse") {
    if (v.is_list()) {
      ValueList out(v.AsList().rbegin(), v.AsList().rend());
      return Value(std::move(out));
    }
    if (!v.is_string()) return arg_error("expected a STRING or LIST");
    auto chars = Chars(v.AsString());
    std::reverse(chars.begin(), chars.end());
    return Value(Join(chars, 0, chars.size()));
  }
  if (name == "tolower" || name == "toupper" || name == "trim" || name == "ltrim" ||
      name == "rtrim") {
    if (!v.is_string()) return arg_error(absl::StrCat("expected a STRING, not ", TypeNameOf(v)));
    std::string s = v.AsString();
    if (name == "tolower" || name == "toupper") s = MapCase(s, name == "toupper");
    if (name == "trim" || name == "rtrim") while (!s.empty() && IsSpace(s.back())) s.pop_back();
    if (name == "trim" || name == "ltrim") {
      size_t i = 0;
      while (i < s.size() && IsSpace(s[i])) ++i;
      s = s.substr(i);
    }
    return Value(s);
  }
  // Numeric functions.
  if (!v.is_number()) return arg_error(absl::StrCat("expected a number, not ", TypeNameOf(v)));
  double d = v.AsNumber();
  if (name == "abs") return v.is_int() ? Value(v.AsInt() < 0 ? -v.AsInt() : v.AsInt()) : Value(std::fabs(d));
  if (name == "sign") return Value(int64_t(d > 0 ? 1 : d < 0 ? -1 : 0));
  if (name == "ceil") return Value(std::ceil(d));
  if (name == "floor") return Value(std::floor(d));
  if (name == "round") return Value(std::floor(d + 0.5));
  if (name == "sqrt") return Value(std::sqrt(d));
  if (name == "exp") return Value(std::exp(d));
  if (name == "log") return Value(std::log(d));
  if (name == "log10") return Value(std::log10(d));
  if (name == "sin") return Value(std::sin(d));
  if (name == "cos") return Value(std::cos(d));
  if (name == "tan") return Value(std::tan(d));
  if (name == "asin") return Value(std::asin(d));
  if (name == "acos") return Value(std::acos(d));
  if (name == "atan") return Value(std::atan(d));
  if (name == "degrees") return Value(d * 180.0 / M_PI);
  if (name == "radians") return Value(d * M_PI / 180.0);
  return MakeError(ErrorType::kSemanticError, Phase::kCompileTime,
                   absl::StrCat("unknown function '", call.name, "'"),
                   ctx.source ? *ctx.source : "", &call.span, "UnknownFunction");
}

}  // namespace quiver::query
