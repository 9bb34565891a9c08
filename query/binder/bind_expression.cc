// Binding expressions: variables to slots, aggregates, what can be checked
// before running (argument kinds, boolean operands, property reads).

#include "query/binder/binder_impl.h"

#include <cctype>

#include "absl/strings/str_cat.h"
#include "query/exec/evaluator.h"
#include "util/status_macros.h"

namespace quiver::query::binding {

// The type an expression is known to have before running, if any.
std::optional<Value::Type> StaticType(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral: return e.value.type();
    case ExprKind::kList:
    case ExprKind::kListComprehension: return Value::Type::kList;
    case ExprKind::kMap: return Value::Type::kMap;
    case ExprKind::kComparison:
    case ExprKind::kLabelCheck:
    case ExprKind::kQuantifier:
    case ExprKind::kPatternPredicate:
    case ExprKind::kExistsSubquery: return Value::Type::kBool;
    case ExprKind::kCountSubquery: return Value::Type::kInt;
    case ExprKind::kUnary:
      if (e.op == ast::Op::kNot || e.op == ast::Op::kIsNull || e.op == ast::Op::kIsNotNull)
        return Value::Type::kBool;
      return std::nullopt;
    case ExprKind::kBinary:
      switch (e.op) {
        case ast::Op::kAnd: case ast::Op::kOr: case ast::Op::kXor:
        case ast::Op::kStartsWith: case ast::Op::kEndsWith: case ast::Op::kContains:
        case ast::Op::kRegex: case ast::Op::kIn:
          return Value::Type::kBool;
        default: return std::nullopt;
      }
    default: return std::nullopt;
  }
}

// Calls fn on each variable of `e` that is not inside an aggregate call.
// `skip` (optional) prunes sub-expressions that are fine as they are.
void VariablesOutsideAggregates(const Expr& e, const std::function<void(const Expr&)>& fn,
                                const std::function<bool(const Expr&)>& skip) {
  if (e.kind == ExprKind::kCountStar) return;
  if (skip && skip(e)) return;
  if (e.kind == ExprKind::kFunction) {
    std::string lower = e.name;
    for (auto& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (IsAggregateFunction(lower)) return;
  }
  if (e.kind == ExprKind::kVariable) fn(e);
  for (const auto& c : e.children) if (c) VariablesOutsideAggregates(*c, fn, skip);
  if (e.case_subject) VariablesOutsideAggregates(*e.case_subject, fn, skip);
  for (const auto& [w, t] : e.case_alternatives) {
    VariablesOutsideAggregates(*w, fn, skip);
    VariablesOutsideAggregates(*t, fn, skip);
  }
  if (e.case_else) VariablesOutsideAggregates(*e.case_else, fn, skip);
}

// Operands of AND, OR, XOR and NOT must be booleans (or null).
bool NotBoolean(const Expr& e) {
  auto t = StaticType(e);
  return t && *t != Value::Type::kBool && *t != Value::Type::kNull;
}

bool IsAggregateCall(const Expr& e) {
  if (e.kind == ExprKind::kCountStar) return true;
  if (e.kind != ExprKind::kFunction) return false;
  std::string lower = e.name;
  for (auto& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  return IsAggregateFunction(lower);
}

bool ContainsAggregate(const Expr& e) {
  if (IsAggregateCall(e)) return true;
  for (const auto& c : e.children) if (c && ContainsAggregate(*c)) return true;
  if (e.case_subject && ContainsAggregate(*e.case_subject)) return true;
  for (const auto& [w, t] : e.case_alternatives)
    if (ContainsAggregate(*w) || ContainsAggregate(*t)) return true;
  return e.case_else && ContainsAggregate(*e.case_else);
}

// The first variable of `e` (aggregate arguments included) that `scope`
// does not define, skipping the variables `e` declares itself
// (comprehensions, quantifiers, pattern expressions). Null if none.
const Expr* FirstUndefined(const Expr& e, const Scope& scope,
                           std::set<std::string> locals) {
  if (e.kind == ExprKind::kVariable)
    return locals.count(e.name) || scope.Find(e.name) >= 0 ? nullptr : &e;
  if (e.kind == ExprKind::kListComprehension || e.kind == ExprKind::kQuantifier) {
    if (const Expr* u = FirstUndefined(*e.children[0], scope, locals)) return u;
    locals.insert(e.name);
    for (size_t i = 1; i < e.children.size(); ++i)
      if (e.children[i])
        if (const Expr* u = FirstUndefined(*e.children[i], scope, locals)) return u;
    return nullptr;
  }
  if (e.pattern) {
    for (const auto& n : e.pattern->nodes) if (!n.variable.empty()) locals.insert(n.variable);
    for (const auto& r : e.pattern->rels) if (!r.variable.empty()) locals.insert(r.variable);
    if (!e.pattern->path_variable.empty()) locals.insert(e.pattern->path_variable);
  }
  // A subquery binds its own variables (MATCH, UNWIND, WITH); its
  // undefined ones are reported when it is bound.
  if (e.subquery) return nullptr;
  std::vector<const Expr*> rest;
  for (const auto& c : e.children)
    if (c)
      if (const Expr* u = FirstUndefined(*c, scope, locals)) return u;
  if (e.case_subject) rest.push_back(e.case_subject.get());
  for (const auto& [w, t] : e.case_alternatives) {
    rest.push_back(w.get());
    rest.push_back(t.get());
  }
  if (e.case_else) rest.push_back(e.case_else.get());
  for (const Expr* x : rest)
    if (const Expr* u = FirstUndefined(*x, scope, locals)) return u;
  return nullptr;
}

const char* KindName(VarKind k) {
  switch (k) {
    case VarKind::kNode: return "a node";
    case VarKind::kRel: return "a relationship";
    case VarKind::kRelList: return "a list of relationships";
    case VarKind::kPath: return "a path";
    case VarKind::kValue: return "a value";
    default: return "a value";
  }
}

std::optional<Value::Type> Binder::KnownType(const Expr& e) const {
  if (e.kind == ExprKind::kVariable && e.slot >= 0) {
    switch (scope_.KindOf(e.slot)) {
      case VarKind::kNode: return Value::Type::kNode;
      case VarKind::kRel: return Value::Type::kRelationship;
      case VarKind::kRelList: return Value::Type::kList;
      case VarKind::kPath: return Value::Type::kPath;
      case VarKind::kValue: {
        auto it = slot_types_.find(e.slot);
        if (it != slot_types_.end()) return it->second;
        return std::nullopt;
      }
      default: return std::nullopt;
    }
  }
  return StaticType(e);
}

absl::Status Binder::CheckKind(const std::string& name, const ast::Span& span, int slot,
                               VarKind want) {
  VarKind have = scope_.KindOf(slot);
  if (have == VarKind::kAny || have == want) return absl::OkStatus();
  return Error(span, absl::StrCat("variable `", name, "` is ", KindName(have),
                                  ", not ", KindName(want)),
               "VariableTypeConflict");
}

absl::Status Binder::BindExpr(Expr& e, bool allow_aggregate, bool inside_aggregate) {
  switch (e.kind) {
    case ExprKind::kVariable: {
      e.slot = scope_.Find(e.name);
      if (e.slot < 0) {
        return Error(e.span, absl::StrCat("variable `", e.name, "` not defined"),
                     "UndefinedVariable");
      }
      return absl::OkStatus();
    }
    case ExprKind::kParameter:
      // EXPLAIN shows the plan without running it: parameters may be absent.
      if (st_.mode == ast::ExplainMode::kExplain) return absl::OkStatus();
      return NeedParameter(e.name, [&] {
        return Error(e.span, absl::StrCat("expected parameter $", e.name), "MissingParameter",
                     ErrorType::kParameterMissing);
      });
    case ExprKind::kCountStar:
      if (!allow_aggregate || inside_aggregate) {
        return Error(e.span, "count(*) is only allowed in WITH and RETURN items",
                     "InvalidAggregation");
      }
      e.has_aggregate = true;
      return absl::OkStatus();
    case ExprKind::kFunction: {
      std::string lower = e.name;
      for (auto& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
      if (!IsKnownFunction(lower)) {
        e.function = functions_(lower);
        if (!e.function) {
          return Error(e.span, absl::StrCat("unknown function '", e.name, "'"),
                       "UnknownFunction");
        }
        return BindRegisteredFunction(e, allow_aggregate, inside_aggregate);
      }
      bool agg = IsAggregateFunction(lower);
      if (lower == "rand" && inside_aggregate) {
        // An aggregate of a random value has no defined result: each
        // evaluation order would give another.
        return Error(e.span, "rand() cannot be used inside an aggregate function",
                     "NonConstantExpression");
      }
      if (agg) {
        if (!allow_aggregate) {
          return Error(e.span, absl::StrCat("aggregate function ", e.name,
                                            "() is only allowed in WITH and RETURN items"),
                       "InvalidAggregation");
        }
        if (inside_aggregate) {
          return Error(e.span, "an aggregate function cannot contain another one",
                       "NestedAggregation");
        }
        e.has_aggregate = true;
      }
      for (auto& c : e.children) {
        QUIVER_RETURN_IF_ERROR(BindExpr(*c, allow_aggregate, inside_aggregate || agg));
        e.has_aggregate |= c->has_aggregate;
      }
      // Arguments whose kind is known and wrong.
      if (e.children.size() == 1) {
        const Expr& a = *e.children[0];
        std::optional<Value::Type> t = KnownType(a);
        auto accepts = [&](std::initializer_list<Value::Type> ok) {
          if (!t || *t == Value::Type::kNull) return true;
          for (auto x : ok) if (x == *t) return true;
          return false;
        };
        bool wrong = (lower == "labels" && !accepts({Value::Type::kNode})) ||
                     (lower == "type" && !accepts({Value::Type::kRelationship})) ||
                     ((lower == "properties" || lower == "keys") &&
                      !accepts({Value::Type::kNode, Value::Type::kRelationship, Value::Type::kMap})) ||
                     ((lower == "nodes" || lower == "relationships") && !accepts({Value::Type::kPath}));
        if (wrong) {
          return Error(a.span, absl::StrCat(e.name, "() cannot take a ", Value::TypeName(*t)),
                       "InvalidArgumentType");
        }
        if (lower == "size" && a.kind == ExprKind::kPatternPredicate) {
          return Error(a.span,
                       "size() of a pattern is not supported; use COUNT { pattern } or "
                       "size() of a pattern comprehension",
                       "UnexpectedSyntax");
        }
        if (a.kind == ExprKind::kVariable && a.slot >= 0) {
          VarKind k = scope_.KindOf(a.slot);
          bool bad = (lower == "size" && k == VarKind::kPath) ||
                     (lower == "length" && (k == VarKind::kNode || k == VarKind::kRel));
          if (bad) {
            return Error(a.span, absl::StrCat(e.name, "() cannot take ", KindName(k)),
                         "InvalidArgumentType");
          }
        }
      }
      return absl::OkStatus();
    }
    case ExprKind::kListComprehension:
    case ExprKind::kQuantifier: {
      QUIVER_RETURN_IF_ERROR(BindExpr(*e.children[0], allow_aggregate, inside_aggregate));
      int previous = scope_.Find(e.name);
      e.slot = scope_.Add(e.name, VarKind::kAny);
      for (size_t i = 1; i < e.children.size(); ++i) {
        if (!e.children[i]) continue;
        absl::Status s = BindExpr(*e.children[i], false, inside_aggregate);
        if (!s.ok()) {
          scope_.Hide(e.name, previous);
          return s;
        }
      }
      scope_.Hide(e.name, previous);
      e.has_aggregate = e.children[0]->has_aggregate;
      return absl::OkStatus();
    }
    case ExprKind::kPatternPredicate:
    case ExprKind::kPatternComprehension: {
      std::map<std::string, int> before = scope_.visible();
      QUIVER_RETURN_IF_ERROR(BindPattern(*e.pattern, false, true, nullptr));
      if (e.kind == ExprKind::kPatternPredicate) {
        // New named variables are not allowed in a pattern predicate.
        for (const auto& n : e.pattern->nodes) {
          if (!n.variable.empty() && !before.count(n.variable)) {
            return Error(n.span, absl::StrCat("variable `", n.variable, "` not defined"),
                         "UndefinedVariable");
          }
        }
      }
      for (auto& c : e.children) {
        if (c) QUIVER_RETURN_IF_ERROR(BindExpr(*c, false, inside_aggregate));
      }
      // The pattern's own variables go out of scope again.
      for (const auto& [name, slot] : std::map<std::string, int>(scope_.visible())) {
        auto it = before.find(name);
        if (it == before.end()) scope_.Hide(name, -1);
      }
      return absl::OkStatus();
    }
    case ExprKind::kExistsSubquery:
    case ExprKind::kCountSubquery:
      return BindSubquery(e);
    case ExprKind::kProperty: {
      QUIVER_RETURN_IF_ERROR(BindExpr(*e.children[0], allow_aggregate, inside_aggregate));
      e.has_aggregate = e.children[0]->has_aggregate;
      auto t = KnownType(*e.children[0]);
      if (t && *t != Value::Type::kMap && *t != Value::Type::kNode &&
          *t != Value::Type::kRelationship && *t != Value::Type::kNull) {
        bool element = *t == Value::Type::kPath ||
                       (e.children[0]->kind == ExprKind::kVariable &&
                        scope_.KindOf(e.children[0]->slot) != VarKind::kValue);
        return Error(e.span, absl::StrCat("cannot read property '", e.name, "' of a ",
                                          Value::TypeName(*t)),
                     "InvalidArgumentType",
                     element ? ErrorType::kSyntaxError : ErrorType::kTypeError);
      }
      return absl::OkStatus();
    }
    case ExprKind::kCase:
      if (e.case_subject) QUIVER_RETURN_IF_ERROR(BindExpr(*e.case_subject, allow_aggregate, inside_aggregate));
      for (auto& [w, t] : e.case_alternatives) {
        QUIVER_RETURN_IF_ERROR(BindExpr(*w, allow_aggregate, inside_aggregate));
        QUIVER_RETURN_IF_ERROR(BindExpr(*t, allow_aggregate, inside_aggregate));
        e.has_aggregate |= w->has_aggregate || t->has_aggregate;
      }
      if (e.case_else) {
        QUIVER_RETURN_IF_ERROR(BindExpr(*e.case_else, allow_aggregate, inside_aggregate));
        e.has_aggregate |= e.case_else->has_aggregate;
      }
      if (e.case_subject) e.has_aggregate |= e.case_subject->has_aggregate;
      return absl::OkStatus();
    default:
      for (auto& c : e.children) {
        if (!c) continue;
        QUIVER_RETURN_IF_ERROR(BindExpr(*c, allow_aggregate, inside_aggregate));
        e.has_aggregate |= c->has_aggregate;
      }
      if (e.kind == ExprKind::kBinary && e.op == ast::Op::kIn) {
        auto t = StaticType(*e.children[1]);
        if (t && *t != Value::Type::kList && *t != Value::Type::kNull) {
          return Error(e.children[1]->span,
                       absl::StrCat("IN needs a LIST on the right, not ", Value::TypeName(*t)),
                       "InvalidArgumentType");
        }
      }
      if ((e.kind == ExprKind::kBinary &&
           (e.op == ast::Op::kAnd || e.op == ast::Op::kOr || e.op == ast::Op::kXor)) ||
          (e.kind == ExprKind::kUnary && e.op == ast::Op::kNot)) {
        for (auto& c : e.children) {
          if (NotBoolean(*c)) {
            return Error(c->span, absl::StrCat("expected a BOOLEAN but got ",
                                               Value::TypeName(*StaticType(*c))),
                         "InvalidArgumentType");
          }
        }
      }
      return absl::OkStatus();
  }
}

}  // namespace quiver::query::binding
