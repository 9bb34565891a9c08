#include "query/exec/evaluator.h"

#include <cmath>
#include <limits>
#include <regex>

#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"
#include "query/exec/matcher.h"
#include "query/exec/subquery.h"
#include "query/exec/temporal_functions.h"
#include "query/exec/value_ops.h"
#include "util/status_macros.h"
#include "util/strings.h"
#include "util/temporal.h"

namespace quiver::query {

using ast::ExprKind;
using ast::Op;

std::string TypeNameOf(const Value& v) {
  if (v.is_temporal()) return temporal::KindName(v.AsTemporal().kind);
  return Value::TypeName(v.type());
}

namespace {

absl::Status TypeError(ExecContext& ctx, const ast::Expr& at, std::string msg) {
  return ctx.Error(ErrorType::kTypeError, &at.span, msg, "InvalidArgumentType");
}

Value Not3(const Value& v) { return v.is_null() ? Value() : Value(!v.AsBool()); }

absl::StatusOr<Value> Arithmetic(Op op, const Value& a, const Value& b,
                                 const ast::Expr& at, ExecContext& ctx) {
  if (a.is_null() || b.is_null()) return Value();
  if (a.is_temporal() || b.is_temporal()) return TemporalArithmetic(op, a, b, at, ctx);
  if (op == Op::kAdd) {
    if (a.is_string() && (b.is_string() || b.is_number()))
      return Value(a.AsString() + (b.is_string() ? b.AsString() : b.ToString()));
    if (b.is_string() && a.is_number()) return Value(a.ToString() + b.AsString());
    if (a.is_list() || b.is_list()) {
      ValueList out = a.is_list() ? a.AsList() : ValueList{a};
      if (b.is_list()) out.insert(out.end(), b.AsList().begin(), b.AsList().end());
      else out.push_back(b);
      return Value(std::move(out));
    }
  }
  if (!a.is_number() || !b.is_number()) {
    return TypeError(ctx, at, absl::StrCat("cannot apply an arithmetic operator to ",
                                           TypeNameOf(a), " and ", TypeNameOf(b)));
  }
  if (a.is_int() && b.is_int() && op != Op::kPow) {
    int64_t x = a.AsInt(), y = b.AsInt(), r = 0;
    switch (op) {
      case Op::kAdd:
        if (__builtin_add_overflow(x, y, &r)) break; else return Value(r);
      case Op::kSub:
        if (__builtin_sub_overflow(x, y, &r)) break; else return Value(r);
      case Op::kMul:
        if (__builtin_mul_overflow(x, y, &r)) break; else return Value(r);
      case Op::kDiv:
      case Op::kMod:
        if (y == 0) {
          return ctx.Error(ErrorType::kArgumentError, &at.span, "division by zero",
                           "DivisionByZero");
        }
        if (x == std::numeric_limits<int64_t>::min() && y == -1) break;
        return Value(op == Op::kDiv ? x / y : x % y);
      default: break;
    }
    return ctx.Error(ErrorType::kArgumentError, &at.span, "integer overflow",
                     "IntegerOverflow");
  }
  double x = a.AsNumber(), y = b.AsNumber();
  switch (op) {
    case Op::kAdd: return Value(x + y);
    case Op::kSub: return Value(x - y);
    case Op::kMul: return Value(x * y);
    case Op::kDiv: return Value(x / y);
    case Op::kMod: return Value(std::fmod(x, y));
    case Op::kPow: return Value(std::pow(x, y));
    default: return Value();
  }
}

Value CompareOp(Op op, const Value& a, const Value& b) {
  if (op == Op::kEq) return CypherEquals(a, b);
  if (op == Op::kNe) return Not3(CypherEquals(a, b));
  bool ok = true;
  int c = CypherCompare(a, b, &ok);
  if (!ok) {
    // NaN is a number that compares false with every number.
    bool nan = (a.is_double() && std::isnan(a.AsDouble())) ||
               (b.is_double() && std::isnan(b.AsDouble()));
    if (nan && a.is_number() && b.is_number()) return Value(false);
    return Value();
  }
  switch (op) {
    case Op::kLt: return Value(c < 0);
    case Op::kGt: return Value(c > 0);
    case Op::kLe: return Value(c <= 0);
    case Op::kGe: return Value(c >= 0);
    default: return Value();
  }
}

absl::StatusOr<Value> Truth(const Value& v, const ast::Expr& at, ExecContext& ctx) {
  if (v.is_null() || v.is_bool()) return v;
  return TypeError(ctx, at, absl::StrCat("expected a BOOLEAN but got ", TypeNameOf(v)));
}

absl::StatusOr<Value> Index(const Value& c, const Value& i, const ast::Expr& at,
                            ExecContext& ctx) {
  if (c.is_null() || i.is_null()) return Value();
  if (c.is_list()) {
    if (!i.is_int()) return TypeError(ctx, at, "list index must be an INTEGER");
    const auto& l = c.AsList();
    int64_t n = int64_t(l.size()), k = i.AsInt();
    if (k < 0) k += n;
    if (k < 0 || k >= n) return Value();
    return l[size_t(k)];
  }
  if (c.is_map() || c.is_node() || c.is_relationship()) {
    if (!i.is_string()) {
      return ctx.Error(ErrorType::kTypeError, &at.span, "map key must be a STRING",
                       "MapElementAccessByNonString");
    }
    return PropertyOf(c, i.AsString(), at, ctx);
  }
  return TypeError(ctx, at, absl::StrCat("cannot index a ", TypeNameOf(c)));
}

}  // namespace

absl::StatusOr<Value> PropertyOf(const Value& target, const std::string& key,
                                 const ast::Expr& at, ExecContext& ctx) {
  const ValueMap* props = nullptr;
  Value fresh;
  switch (target.type()) {
    case Value::Type::kNull: return Value();
    case Value::Type::kMap: props = &target.AsMap(); break;
    case Value::Type::kNode:
      if (ctx.txn) {  // Updates may have changed it since it was bound.
        QUIVER_ASSIGN_OR_RETURN(fresh, ctx.NodeValueOf(target.AsNode().id));
        props = &fresh.AsNode().properties;
      } else {
        props = &target.AsNode().properties;
      }
      break;
    case Value::Type::kRelationship:
      if (ctx.txn) {
        QUIVER_ASSIGN_OR_RETURN(fresh, ctx.RelValueOf(target.AsRelationship().id));
        props = &fresh.AsRelationship().properties;
      } else {
        props = &target.AsRelationship().properties;
      }
      break;
    case Value::Type::kTemporal: return TemporalComponent(target, key, at, ctx);
    default:
      return TypeError(ctx, at, absl::StrCat("cannot read property '", key, "' of a ",
                                             TypeNameOf(target)));
  }
  auto it = props->find(key);
  return it == props->end() ? Value() : it->second;
}

absl::StatusOr<Value> Evaluate(const ast::Expr& e, const Row& row, ExecContext& ctx) {
  if (ctx.aggregates) {
    auto it = ctx.aggregates->find(&e);
    if (it != ctx.aggregates->end()) return it->second;
  }
  switch (e.kind) {
    case ExprKind::kLiteral: return e.value;
    case ExprKind::kParameter: {
      auto it = ctx.params ? ctx.params->find(e.name) : ValueMap::const_iterator();
      if (!ctx.params || it == ctx.params->end()) {
        return ctx.Error(ErrorType::kSemanticError, &e.span,
                         absl::StrCat("parameter $", e.name, " is not given"), "ParameterMissing");
      }
      return it->second;
    }
    case ExprKind::kVariable:
      if (e.slot < 0 || size_t(e.slot) >= row.size()) return Value();
      return row[size_t(e.slot)];
    case ExprKind::kProperty: {
      QUIVER_ASSIGN_OR_RETURN(Value target, Evaluate(*e.children[0], row, ctx));
      return PropertyOf(target, e.name, e, ctx);
    }
    case ExprKind::kList: {
      ValueList out;
      out.reserve(e.children.size());
      for (const auto& c : e.children) {
        QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*c, row, ctx));
        out.push_back(std::move(v));
      }
      return Value(std::move(out));
    }
    case ExprKind::kMap: {
      ValueMap out;
      for (size_t i = 0; i < e.children.size(); ++i) {
        QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*e.children[i], row, ctx));
        out[e.keys[i]] = std::move(v);
      }
      return Value(std::move(out));
    }
    case ExprKind::kIndex: {
      QUIVER_ASSIGN_OR_RETURN(Value c, Evaluate(*e.children[0], row, ctx));
      QUIVER_ASSIGN_OR_RETURN(Value i, Evaluate(*e.children[1], row, ctx));
      return Index(c, i, e, ctx);
    }
    case ExprKind::kSlice: {
      QUIVER_ASSIGN_OR_RETURN(Value c, Evaluate(*e.children[0], row, ctx));
      Value from, to;
      if (e.children[1]) { QUIVER_ASSIGN_OR_RETURN(from, Evaluate(*e.children[1], row, ctx)); }
      if (e.children[2]) { QUIVER_ASSIGN_OR_RETURN(to, Evaluate(*e.children[2], row, ctx)); }
      if (c.is_null() || (e.children[1] && from.is_null()) || (e.children[2] && to.is_null()))
        return Value();
      if (!c.is_list()) return TypeError(ctx, e, "can only slice a LIST");
      const auto& l = c.AsList();
      int64_t n = int64_t(l.size());
      int64_t a = e.children[1] ? from.AsInt() : 0;
      int64_t b = e.children[2] ? to.AsInt() : n;
      if (a < 0) a += n;
      if (b < 0) b += n;
      a = std::clamp<int64_t>(a, 0, n);
      b = std::clamp<int64_t>(b, 0, n);
      if (b <= a) return Value(ValueList());
      return Value(ValueList(l.begin() + a, l.begin() + b));
    }
    case ExprKind::kUnary: {
      QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*e.children[0], row, ctx));
      switch (e.op) {
        case Op::kNot: {
          QUIVER_ASSIGN_OR_RETURN(v, Truth(v, *e.children[0], ctx));
          return Not3(v);
        }
        case Op::kIsNull: return Value(v.is_null());
        case Op::kIsNotNull: return Value(!v.is_null());
        case Op::kNeg:
          if (v.is_null()) return v;
          if (v.is_int()) {
            if (v.AsInt() == std::numeric_limits<int64_t>::min())
              return ctx.Error(ErrorType::kArgumentError, &e.span, "integer overflow",
                               "IntegerOverflow");
            return Value(-v.AsInt());
          }
          if (v.is_double()) return Value(-v.AsDouble());
          return TypeError(ctx, e, absl::StrCat("cannot negate a ", TypeNameOf(v)));
        default:
          if (!v.is_null() && !v.is_number())
            return TypeError(ctx, e, absl::StrCat("unary + needs a number, not ", TypeNameOf(v)));
          return v;
      }
    }
    case ExprKind::kBinary: {
      if (e.op == Op::kAnd || e.op == Op::kOr || e.op == Op::kXor) {
        QUIVER_ASSIGN_OR_RETURN(Value a, Evaluate(*e.children[0], row, ctx));
        QUIVER_ASSIGN_OR_RETURN(a, Truth(a, *e.children[0], ctx));
        if (e.op == Op::kAnd && a.is_bool() && !a.AsBool()) {
          // Still type-check the right side? openCypher short-circuits.
          return Value(false);
        }
        if (e.op == Op::kOr && a.is_bool() && a.AsBool()) return Value(true);
        QUIVER_ASSIGN_OR_RETURN(Value b, Evaluate(*e.children[1], row, ctx));
        QUIVER_ASSIGN_OR_RETURN(b, Truth(b, *e.children[1], ctx));
        if (e.op == Op::kAnd) {
          if (b.is_bool() && !b.AsBool()) return Value(false);
          if (a.is_null() || b.is_null()) return Value();
          return Value(true);
        }
        if (e.op == Op::kOr) {
          if (b.is_bool() && b.AsBool()) return Value(true);
          if (a.is_null() || b.is_null()) return Value();
          return Value(false);
        }
        if (a.is_null() || b.is_null()) return Value();
        return Value(a.AsBool() != b.AsBool());
      }
      QUIVER_ASSIGN_OR_RETURN(Value a, Evaluate(*e.children[0], row, ctx));
      QUIVER_ASSIGN_OR_RETURN(Value b, Evaluate(*e.children[1], row, ctx));
      switch (e.op) {
        case Op::kAdd: case Op::kSub: case Op::kMul: case Op::kDiv: case Op::kMod:
        case Op::kPow:
          return Arithmetic(e.op, a, b, e, ctx);
        case Op::kStartsWith: case Op::kEndsWith: case Op::kContains: {
          if (!a.is_string() || !b.is_string()) return Value();
          const auto& s = a.AsString();
          const auto& t = b.AsString();
          if (e.op == Op::kStartsWith) return Value(s.compare(0, t.size(), t) == 0);
          if (e.op == Op::kEndsWith)
            return Value(s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0);
          return Value(s.find(t) != std::string::npos);
        }
        case Op::kRegex: {
          if (!a.is_string() || !b.is_string()) return Value();
          try {
            std::regex re(b.AsString(), std::regex::ECMAScript);
            return Value(std::regex_match(a.AsString(), re));
          } catch (const std::regex_error& err) {
            return ctx.Error(ErrorType::kArgumentError, &e.span,
                             absl::StrCat("invalid regular expression: ", err.what()),
                             "InvalidArgumentValue");
          }
        }
        case Op::kIn: {
          if (b.is_null()) return Value();
          if (!b.is_list())
            return TypeError(ctx, e, absl::StrCat("IN needs a LIST on the right, not ",
                                                  TypeNameOf(b)));
          bool unknown = false;
          for (const auto& x : b.AsList()) {
            Value eq = CypherEquals(a, x);
            if (eq.is_null()) unknown = true;
            else if (eq.AsBool()) return Value(true);
          }
          return unknown ? Value() : Value(false);
        }
        default: return Value();
      }
    }
    case ExprKind::kComparison: {
      QUIVER_ASSIGN_OR_RETURN(Value left, Evaluate(*e.children[0], row, ctx));
      Value result(true);
      for (size_t i = 0; i < e.ops.size(); ++i) {
        QUIVER_ASSIGN_OR_RETURN(Value right, Evaluate(*e.children[i + 1], row, ctx));
        Value r = CompareOp(e.ops[i], left, right);
        if (r.is_bool() && !r.AsBool()) return Value(false);
        if (r.is_null()) result = Value();
        left = std::move(right);
      }
      return result;
    }
    case ExprKind::kLabelCheck: {
      QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*e.children[0], row, ctx));
      if (v.is_null()) return Value();
      if (v.is_relationship()) {
        // r:T tests the type, as GQL's label expressions do; one type can
        // never satisfy r:A:B with A and B different.
        const std::string& type = v.AsRelationship().type;
        for (const auto& l : e.keys)
          if (l != type) return Value(false);
        return Value(true);
      }
      if (!v.is_node()) return TypeError(ctx, e, "label check needs a NODE or a RELATIONSHIP");
      Value fresh = v;
      if (ctx.txn) { QUIVER_ASSIGN_OR_RETURN(fresh, ctx.NodeValueOf(v.AsNode().id)); }
      const auto& labels = fresh.AsNode().labels;
      for (const auto& l : e.keys)
        if (std::find(labels.begin(), labels.end(), l) == labels.end()) return Value(false);
      return Value(true);
    }
    case ExprKind::kFunction: {
      ValueList args;
      args.reserve(e.children.size());
      for (const auto& c : e.children) {
        QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*c, row, ctx));
        args.push_back(std::move(v));
      }
      if (e.function) return CallRegisteredFunction(*e.function, std::move(args), e, ctx);
      std::string name = e.name;
      for (auto& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
      return CallFunction(name, args, e, ctx);
    }
    case ExprKind::kCountStar:
      return ctx.Error(ErrorType::kSemanticError, &e.span,
                       "count(*) is only allowed in WITH and RETURN");
    case ExprKind::kCase: {
      Value subject;
      if (e.case_subject) { QUIVER_ASSIGN_OR_RETURN(subject, Evaluate(*e.case_subject, row, ctx)); }
      for (const auto& [when, then] : e.case_alternatives) {
        QUIVER_ASSIGN_OR_RETURN(Value w, Evaluate(*when, row, ctx));
        bool hit = e.case_subject ? IsTrue(CypherEquals(subject, w)) : IsTrue(w);
        if (hit) return Evaluate(*then, row, ctx);
      }
      if (e.case_else) return Evaluate(*e.case_else, row, ctx);
      return Value();
    }
    case ExprKind::kListComprehension:
    case ExprKind::kQuantifier: {
      QUIVER_ASSIGN_OR_RETURN(Value list, Evaluate(*e.children[0], row, ctx));
      if (list.is_null()) return Value();
      if (!list.is_list()) return TypeError(ctx, e, absl::StrCat("expected a LIST but got ", TypeNameOf(list)));
      Row local = row;
      if (local.size() <= size_t(e.slot)) local.resize(size_t(e.slot) + 1);
      ValueList out;
      int64_t trues = 0, nulls = 0;
      for (const auto& item : list.AsList()) {
        QUIVER_RETURN_IF_ERROR(ctx.Tick());
        local[size_t(e.slot)] = item;
        Value keep(true);
        if (e.children[1]) {
          QUIVER_ASSIGN_OR_RETURN(keep, Evaluate(*e.children[1], local, ctx));
          // As in a clause's WHERE: null counts as unknown, anything else
          // that is not a boolean is a mistake, not false.
          if (!keep.is_null() && !keep.is_bool()) {
            return ctx.Error(ErrorType::kTypeError, &e.children[1]->span,
                             absl::StrCat("WHERE needs a BOOLEAN, not ", TypeNameOf(keep)),
                             "InvalidArgumentType");
          }
        }
        if (e.kind == ExprKind::kQuantifier) {
          if (keep.is_null()) ++nulls;
          else if (IsTrue(keep)) ++trues;
          continue;
        }
        if (!IsTrue(keep)) continue;
        if (e.children.size() > 2 && e.children[2]) {
          QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*e.children[2], local, ctx));
          out.push_back(std::move(v));
        } else {
          out.push_back(item);
        }
      }
      if (e.kind == ExprKind::kListComprehension) return Value(std::move(out));
      int64_t n = int64_t(list.AsList().size());
      const std::string& q = e.keys[0];
      if (q == "all") return nulls ? (trues + nulls == n ? Value() : Value(false)) : Value(trues == n);
      if (q == "any") return trues ? Value(true) : nulls ? Value() : Value(false);
      if (q == "none") return trues ? Value(false) : nulls ? Value() : Value(true);
      // single
      if (trues > 1) return Value(false);
      if (nulls) return Value();
      return Value(trues == 1);
    }
    case ExprKind::kPatternPredicate: {
      QUIVER_ASSIGN_OR_RETURN(bool found, PatternExists(*e.pattern, row, ctx));
      return Value(found);
    }
    case ExprKind::kExistsSubquery: {
      QUIVER_ASSIGN_OR_RETURN(int64_t n, CountSubqueryRows(*e.subquery, row, ctx, 1));
      return Value(n > 0);
    }
    case ExprKind::kCountSubquery: {
      QUIVER_ASSIGN_OR_RETURN(
          int64_t n,
          CountSubqueryRows(*e.subquery, row, ctx, std::numeric_limits<int64_t>::max()));
      return Value(n);
    }
    case ExprKind::kPatternComprehension: {
      QUIVER_ASSIGN_OR_RETURN(auto rows, MatchPatternRows(*e.pattern, row, ctx));
      ValueList out;
      for (const auto& r : rows) {
        if (e.children[0]) {
          QUIVER_ASSIGN_OR_RETURN(Value keep, Evaluate(*e.children[0], r, ctx));
          if (!keep.is_null() && !keep.is_bool()) {
            return ctx.Error(ErrorType::kTypeError, &e.children[0]->span,
                             absl::StrCat("WHERE needs a BOOLEAN, not ", TypeNameOf(keep)),
                             "InvalidArgumentType");
          }
          if (!IsTrue(keep)) continue;
        }
        QUIVER_ASSIGN_OR_RETURN(Value v, Evaluate(*e.children[1], r, ctx));
        out.push_back(std::move(v));
      }
      return Value(std::move(out));
    }
  }
  return Value();
}

}  // namespace quiver::query
