#include "query/binder/binder.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include "absl/strings/str_cat.h"
#include "query/binder/scope.h"
#include "query/errors.h"
#include "query/exec/evaluator.h"
#include "util/status_macros.h"

namespace quiver::query {

namespace {

using ast::ClauseKind;
using ast::Expr;
using ast::ExprKind;

class Binder {
 public:
  Binder(const ast::Statement& st, const ValueMap& params, const ProcedureLookup& procs)
      : st_(st), params_(params), procs_(procs) {}

  // `subquery`: the clauses of EXISTS/COUNT { … }, which may end with any
  // reading clause.
  absl::Status BindQuery(ast::SingleQuery& q, bool subquery = false);

 private:
  // The openCypher TCK calls every compile-time error a SyntaxError (with a
  // detail code saying which); we follow it.
  absl::Status Error(const ast::Span& span, std::string msg, std::string_view detail,
                     ErrorType type = ErrorType::kSyntaxError) const {
    return MakeError(type, Phase::kCompileTime, msg, st_.text, &span, detail);
  }

  absl::Status BindExpr(Expr& e, bool allow_aggregate, bool inside_aggregate = false);
  // EXISTS { … } / COUNT { … }: its variables are local, the enclosing
  // ones visible (correlation).
  absl::Status BindSubquery(Expr& e);
  absl::Status BindSubqueryClauses(ast::SingleQuery& q, const char* what);
  absl::Status BindPattern(ast::PatternPart& part, bool creating, bool in_expression,
                           std::set<std::string>* rel_names);
  absl::Status BindProjection(ast::Clause& c, bool is_with);
  absl::Status BindSetItems(std::vector<ast::SetItem>& items);
  absl::Status BindGroupedOrderBy(ast::Projection& p, const Scope& input, Scope& projected);
  std::string TextOf(const Expr& e) const;
  // `e` with every sub-expression that repeats one of the first `visible`
  // projected items replaced by a reference to that column.
  ast::ExprPtr ReplaceItems(const ast::ExprPtr& e, const ast::Projection& p, size_t visible) const;
  // In an ORDER BY key that aggregates (and is not itself a projected
  // item): the first part outside the aggregates that repeats a projected
  // expression larger than a variable or a property read, else null.
  const Expr* AmbiguousBesideAggregate(const Expr& key, const ast::Projection& p,
                                       size_t visible) const;
  absl::Status BindCall(ast::Clause& c, bool standalone, ast::SingleQuery& q);
  absl::Status CheckKind(const std::string& name, const ast::Span& span, int slot,
                         VarKind want);
  // The type of `e` when known before running: literals, and variables
  // bound to graph elements or to values of a known type.
  std::optional<Value::Type> KnownType(const Expr& e) const;

  std::map<int, Value::Type> slot_types_;  // kValue variables of known type

  const ast::Statement& st_;
  const ValueMap& params_;
  const ProcedureLookup& procs_;
  Scope scope_;
};

const char* ClauseName(ClauseKind k);

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
                                const std::function<bool(const Expr&)>& skip = nullptr) {
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
                           std::set<std::string> locals = {}) {
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
      if (st_.mode != ast::ExplainMode::kExplain && !params_.count(e.name)) {
        return Error(e.span, absl::StrCat("expected parameter $", e.name),
                     "MissingParameter", ErrorType::kParameterMissing);
      }
      return absl::OkStatus();
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
        return Error(e.span, absl::StrCat("unknown function '", e.name, "'"),
                     "UnknownFunction");
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
          return Error(a.span, "size() of a pattern is not supported; use COUNT or a pattern comprehension",
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

absl::Status Binder::BindSubquery(Expr& e) {
  const char* what = e.kind == ExprKind::kExistsSubquery ? "EXISTS" : "COUNT";
  ast::Subquery& sq = *e.subquery;
  // The subquery starts from the enclosing scope (correlation) and leaves
  // it as it was: its variables, and the scopes its WITH clauses open, stay
  // inside. Its rows are its own, so its slots may reuse the ones that the
  // enclosing query allocates later.
  const Scope outer = scope_;
  const std::map<int, Value::Type> types = slot_types_;
  sq.outer_width = scope_.width();
  ast::SingleQuery q;
  q.clauses = std::move(sq.clauses);
  absl::Status st = BindSubqueryClauses(q, what);
  sq.clauses = std::move(q.clauses);
  sq.width = sq.outer_width;
  for (const ast::Clause& c : sq.clauses) sq.width = std::max(sq.width, c.width);
  scope_ = outer;
  slot_types_ = types;
  return st;
}

absl::Status Binder::BindSubqueryClauses(ast::SingleQuery& q, const char* what) {
  for (size_t i = 0; i < q.clauses.size(); ++i) {
    const ast::Clause& c = q.clauses[i];
    switch (c.kind) {
      case ClauseKind::kCreate: case ClauseKind::kMerge: case ClauseKind::kSet:
      case ClauseKind::kRemove: case ClauseKind::kDelete:
        return Error(c.span, absl::StrCat(what, " { … } cannot update the graph (",
                                          ClauseName(c.kind), " inside a subquery)"),
                     "InvalidClauseComposition");
      case ClauseKind::kCall:
        // Procedures are looked up per store when the statement runs, and
        // some write; a subquery is planned on its own, later.
        return Error(c.span, absl::StrCat("CALL is not supported inside ", what, " { … }"),
                     "UnsupportedSubquery");
      case ClauseKind::kReturn:
        if (i + 1 < q.clauses.size()) {
          return Error(q.clauses[i + 1].span,
                       absl::StrCat(ClauseName(q.clauses[i + 1].kind),
                                    " cannot follow RETURN in ", what, " { … }"),
                       "InvalidClauseComposition");
        }
        break;
      default:
        break;
    }
  }
  return BindQuery(q, /*subquery=*/true);
}

absl::Status Binder::BindPattern(ast::PatternPart& part, bool creating, bool in_expression,
                                 std::set<std::string>* rel_names) {
  if (!part.path_variable.empty()) {
    bool clash = scope_.Find(part.path_variable) >= 0;
    for (const auto& n : part.nodes) clash |= n.variable == part.path_variable;
    for (const auto& r : part.rels) clash |= r.variable == part.path_variable;
    if (clash) {
      return Error(part.span, absl::StrCat("variable `", part.path_variable, "` already declared"),
                   "VariableAlreadyBound");
    }
  }
  if (!creating && !in_expression) {
    for (const auto& n : part.nodes) {
      if (n.properties && n.properties->kind == ExprKind::kParameter) {
        return Error(n.properties->span, "a parameter cannot be used as a property map in MATCH",
                     "InvalidParameterUse");
      }
    }
    for (const auto& r : part.rels) {
      if (r.properties && r.properties->kind == ExprKind::kParameter) {
        return Error(r.properties->span, "a parameter cannot be used as a property map in MATCH",
                     "InvalidParameterUse");
      }
    }
  }
  // Variables bound before this pattern part are checked, not bound again;
  // a variable repeated inside the part shares the first mention's slot.
  const std::map<std::string, int> before = scope_.visible();
  for (auto& n : part.nodes) {
    int slot = n.variable.empty() ? -1 : scope_.Find(n.variable);
    if (slot >= 0 && !before.count(n.variable)) {
      QUIVER_RETURN_IF_ERROR(CheckKind(n.variable, n.span, slot, VarKind::kNode));
      n.slot = slot;
      n.bound = false;
    } else if (slot >= 0) {
      QUIVER_RETURN_IF_ERROR(CheckKind(n.variable, n.span, slot, VarKind::kNode));
      scope_.SetKind(slot, VarKind::kNode);
      n.slot = slot;
      n.bound = true;
      if (creating && (!n.labels.empty() || n.properties || part.nodes.size() == 1)) {
        return Error(n.span, absl::StrCat("variable `", n.variable, "` already declared"),
                     "VariableAlreadyBound");
      }
    } else {
      n.slot = scope_.Add(n.variable, VarKind::kNode);
      n.bound = false;
    }
  }
  for (auto& r : part.rels) {
    int slot = r.variable.empty() ? -1 : scope_.Find(r.variable);
    if (creating) {
      if (slot >= 0) {
        return Error(r.span, absl::StrCat("variable `", r.variable, "` already declared"),
                     "VariableAlreadyBound");
      }
      if (r.types.size() != 1) {
        return Error(r.span, "a relationship to create needs exactly one type",
                     "NoSingleRelationshipType");
      }
      if (r.direction == ast::Direction::kBoth) {
        return Error(r.span, "only directed relationships can be created",
                     "RequiresDirectedRelationship");
      }
      if (r.var_length) {
        return Error(r.span, "a variable-length relationship cannot be created",
                     "CreatingVarLength");
      }
    }
    if (rel_names && !r.variable.empty()) {
      if (!rel_names->insert(r.variable).second) {
        return Error(r.span, absl::StrCat("cannot use the same relationship variable `",
                                          r.variable, "` for multiple relationships"),
                     "RelationshipUniquenessViolation");
      }
    }
    VarKind kind = r.var_length ? VarKind::kRelList : VarKind::kRel;
    if (slot >= 0) {
      VarKind have = scope_.KindOf(slot);
      auto known = slot_types_.find(slot);
      bool list_value = have == VarKind::kValue && known != slot_types_.end() &&
                        known->second == Value::Type::kList;
      if (have != VarKind::kAny && have != kind && !(r.var_length && list_value)) {
        return Error(r.span, absl::StrCat("variable `", r.variable, "` is ", KindName(have),
                                          ", not ", KindName(kind)),
                     "VariableTypeConflict");
      }
      r.slot = slot;
      r.bound = true;
    } else {
      r.slot = scope_.Add(r.variable, kind);
    }
  }
  if (!part.path_variable.empty()) part.path_slot = scope_.Add(part.path_variable, VarKind::kPath);
  for (auto& n : part.nodes) {
    if (n.properties) QUIVER_RETURN_IF_ERROR(BindExpr(*n.properties, false));
  }
  for (auto& r : part.rels) {
    if (r.properties) QUIVER_RETURN_IF_ERROR(BindExpr(*r.properties, false));
  }
  (void)in_expression;
  return absl::OkStatus();
}

absl::Status Binder::BindSetItems(std::vector<ast::SetItem>& items) {
  for (auto& item : items) {
    QUIVER_RETURN_IF_ERROR(BindExpr(*item.target, false));
    if (item.value) QUIVER_RETURN_IF_ERROR(BindExpr(*item.value, false));
  }
  return absl::OkStatus();
}

// The source text an expression spans (its children included).
std::string Binder::TextOf(const Expr& e) const {
  size_t begin = e.span.begin, end = e.span.end;
  std::function<void(const Expr&)> walk = [&](const Expr& x) {
    if (x.span.end > x.span.begin) {
      begin = std::min(begin, x.span.begin);
      end = std::max(end, x.span.end);
    }
    for (const auto& c : x.children) if (c) walk(*c);
  };
  walk(e);
  if (end <= begin || end > st_.text.size()) return "";
  return st_.text.substr(begin, end - begin);
}

namespace {

ast::ExprPtr ColumnRef(const std::string& alias, int slot, const ast::Span& span) {
  auto var = std::make_shared<Expr>();
  var->kind = ExprKind::kVariable;
  var->name = alias;
  var->slot = slot;
  var->span = span;
  return var;
}

}  // namespace

ast::ExprPtr Binder::ReplaceItems(const ast::ExprPtr& e, const ast::Projection& p,
                                  size_t visible) const {
  if (!e) return e;
  std::string t = TextOf(*e);
  for (size_t i = 0; i < visible; ++i) {
    if (!t.empty() && (t == TextOf(*p.items[i].expr) || t == p.items[i].alias))
      return ColumnRef(p.items[i].alias, int(i), e->span);
  }
  auto copy = std::make_shared<Expr>(*e);
  for (auto& c : copy->children) c = ReplaceItems(c, p, visible);
  return copy;
}

const Expr* Binder::AmbiguousBesideAggregate(const Expr& key, const ast::Projection& p,
                                             size_t visible) const {
  if (!ContainsAggregate(key)) return nullptr;
  const std::string key_text = TextOf(key);
  for (size_t i = 0; i < visible; ++i)
    if (key_text == TextOf(*p.items[i].expr) || key_text == p.items[i].alias) return nullptr;
  // openCypher allows beside an aggregate only what is unambiguous per
  // group: constants, parameters, projected aliases and projected n.prop.
  std::function<const Expr*(const Expr&)> walk = [&](const Expr& e) -> const Expr* {
    if (IsAggregateCall(e)) return nullptr;
    const std::string t = TextOf(e);
    for (size_t i = 0; i < visible; ++i) {
      const ast::ProjectionItem& item = p.items[i];
      if (item.has_aggregate || t != TextOf(*item.expr)) continue;
      const Expr& x = *item.expr;
      bool simple = x.kind == ExprKind::kVariable ||
                    (x.kind == ExprKind::kProperty && x.children[0]->kind == ExprKind::kVariable);
      return simple ? nullptr : &e;
    }
    for (const auto& c : e.children)
      if (c)
        if (const Expr* bad = walk(*c)) return bad;
    return nullptr;
  };
  return walk(key);
}

// ORDER BY after aggregation or DISTINCT sees only the projected columns. A
// key that repeats a projected expression (ORDER BY a.name after WITH a.name
// AS name) sorts by that column; any other key (one with an aggregate, say)
// becomes a hidden column computed with the others.
absl::Status Binder::BindGroupedOrderBy(ast::Projection& p, const Scope& input,
                                        Scope& projected) {
  size_t visible = p.items.size();
  for (size_t k = 0; k < p.order_by.size(); ++k) {
    auto& s = p.order_by[k];
    if (p.aggregates) {
      if (const Expr* bad = AmbiguousBesideAggregate(*s.expr, p, visible)) {
        return Error(bad->span,
                     absl::StrCat("`", TextOf(*bad), "` is used beside an aggregate in ORDER BY; "
                                  "only projected variables and properties may be"),
                     "AmbiguousAggregationExpression");
      }
    }
    ast::ExprPtr replaced = ReplaceItems(s.expr, p, visible);
    Scope saved = scope_;
    scope_ = projected;
    absl::Status st = BindExpr(*replaced, false);
    scope_ = saved;
    if (st.ok()) {
      s.expr = replaced;
      s.bound = true;
      continue;
    }
    // After aggregation only the projected columns exist, also inside an
    // aggregate of the sort key (ORDER BY sum(x) where x was not projected).
    const Expr* undefined = FirstUndefined(*replaced, projected);
    const Expr* complex = nullptr;
    VariablesOutsideAggregates(*replaced, [&](const Expr& v) {
      if (v.slot >= 0 && size_t(v.slot) < visible &&
          p.items[size_t(v.slot)].expr->kind != ExprKind::kVariable && !complex)
        complex = &v;
    });
    if (undefined) {
      return Error(undefined->span, absl::StrCat("variable `", undefined->name, "` not defined"),
                   "UndefinedVariable");
    }
    if (complex && p.aggregates) {
      return Error(complex->span,
                   absl::StrCat("`", complex->name, "` is used beside an aggregate in ORDER BY "
                                "but is not a grouping key"),
                   "AmbiguousAggregationExpression");
    }
    // A hidden column, evaluated like the items (in the input scope, with
    // projected aliases standing for their expressions).
    std::function<ast::ExprPtr(const ast::ExprPtr&)> unalias = [&](const ast::ExprPtr& e) -> ast::ExprPtr {
      if (!e) return e;
      if (e->kind == ExprKind::kVariable && input.Find(e->name) < 0) {
        for (size_t i = 0; i < visible; ++i)
          if (p.items[i].alias == e->name) return p.items[i].expr;
      }
      auto copy = std::make_shared<Expr>(*e);
      for (auto& c : copy->children) c = unalias(c);
      return copy;
    };
    ast::ProjectionItem hidden;
    hidden.expr = unalias(s.expr);
    hidden.alias = absl::StrCat(" order ", k);
    hidden.has_alias = true;
    hidden.hidden = true;
    scope_ = input;
    st = BindExpr(*hidden.expr, true);
    scope_ = saved;
    if (!st.ok()) return st;
    hidden.has_aggregate = hidden.expr->has_aggregate;
    if (!p.aggregates && hidden.has_aggregate) {
      return Error(s.expr->span, "ORDER BY cannot aggregate when the projection does not",
                   "InvalidAggregation");
    }
    int slot = projected.Add("", VarKind::kAny);
    s.expr = ColumnRef(hidden.alias, slot, s.expr->span);
    s.bound = true;
    p.items.push_back(std::move(hidden));
  }
  return absl::OkStatus();
}

absl::Status Binder::BindProjection(ast::Clause& c, bool is_with) {
  ast::Projection& p = c.projection;
  p.input_width = scope_.width();
  if (p.star) {
    std::vector<ast::ProjectionItem> star;
    for (const auto& [name, slot] : scope_.visible()) {
      ast::ProjectionItem item;
      item.expr = std::make_shared<Expr>();
      item.expr->kind = ExprKind::kVariable;
      item.expr->name = name;
      item.expr->span = p.span;
      item.alias = name;
      item.has_alias = true;
      star.push_back(std::move(item));
    }
    if (star.empty() && p.items.empty() && !is_with) {
      return Error(p.span, is_with ? "WITH * needs variables in scope"
                                   : "RETURN * needs variables in scope",
                   "NoVariablesInScope");
    }
    p.items.insert(p.items.begin(), star.begin(), star.end());
  }
  std::set<std::string> aliases;
  for (auto& item : p.items) {
    QUIVER_RETURN_IF_ERROR(BindExpr(*item.expr, true));
    item.has_aggregate = item.expr->has_aggregate;
    p.aggregates |= item.has_aggregate;
  }
  // Beside an aggregate, an item may only use variables that are grouping
  // keys themselves (RETURN n, n.x + count(*) is ambiguous).
  std::set<std::string> key_variables;
  std::set<std::string> key_texts;
  for (const auto& item : p.items) {
    if (item.has_aggregate) continue;
    if (item.expr->kind == ExprKind::kVariable) key_variables.insert(item.expr->name);
    key_texts.insert(TextOf(*item.expr));
  }
  // Only simple keys (n.prop) may be repeated beside an aggregate; a larger
  // expression, even when projected, is ambiguous (as in Neo4j).
  auto is_key = [&](const Expr& x) {
    return x.kind == ExprKind::kProperty && x.children[0]->kind == ExprKind::kVariable &&
           key_texts.count(TextOf(x)) > 0;
  };
  for (const auto& item : p.items) {
    if (!item.has_aggregate || item.expr->kind == ExprKind::kFunction ||
        item.expr->kind == ExprKind::kCountStar)
      continue;
    const Expr* bad = nullptr;
    VariablesOutsideAggregates(
        *item.expr, [&](const Expr& v) {
          // Comprehension variables are local (bound past the input row).
          bool local = v.slot >= p.input_width;
          if (!local && !key_variables.count(v.name) && !bad) bad = &v;
        },
        is_key);
    if (bad) {
      return Error(bad->span,
                   absl::StrCat("`", bad->name, "` is used beside an aggregate but is not a "
                                "grouping key; project it on its own"),
                   "AmbiguousAggregationExpression");
    }
  }
  for (auto& item : p.items) {
    if (is_with && !item.has_alias && item.expr->kind != ExprKind::kVariable) {
      return Error(item.expr->span, "expression in WITH must be aliased (use AS)",
                   "NoExpressionAlias");
    }
    if (!aliases.insert(item.alias).second) {
      return Error(item.expr->span,
                   absl::StrCat("multiple result columns with the same name `", item.alias, "`"),
                   "ColumnNameConflict");
    }
  }
  // The new scope: projected columns first, then (for ORDER BY only) the
  // input variables behind them.
  Scope old = scope_;
  Scope projected;
  std::map<int, Value::Type> new_types;
  for (auto& item : p.items) {
    if (auto t = KnownType(*item.expr)) new_types[projected.width()] = *t;
    auto static_type = StaticType(*item.expr);
    VarKind kind = item.expr->kind == ExprKind::kVariable ? old.KindOf(item.expr->slot)
                   : static_type && *static_type != Value::Type::kNull ? VarKind::kValue
                                                                        : VarKind::kAny;
    projected.Add(item.alias, kind);
  }
  Scope extended = projected;
  if (!p.order_by.empty() || (is_with && c.where)) {
    if (!p.aggregates && !p.distinct) {
      // Input variables, shadowed by the projected aliases.
      Scope shifted;
      for (int i = 0; i < int(p.items.size()); ++i) shifted.Add("", VarKind::kAny);
      std::vector<std::pair<std::string, int>> vis(old.visible().begin(), old.visible().end());
      std::vector<VarKind> kinds;
      for (int i = 0; i < old.width(); ++i) shifted.Add("", old.KindOf(i));
      extended = projected;
      for (int i = 0; i < old.width(); ++i) extended.Add("", old.KindOf(i));
      for (const auto& [name, slot] : vis) {
        if (projected.Find(name) < 0) {
          // Make `name` visible at its shifted slot.
          Scope tmp = extended;
          (void)tmp;
        }
      }
      // Rebuild visibility: projected names win.
      Scope rebuilt;
      for (int i = 0; i < int(p.items.size()); ++i)
        rebuilt.Add(p.items[size_t(i)].alias, projected.KindOf(i));
      for (int i = 0; i < old.width(); ++i) {
        std::string name;
        for (const auto& [n, s] : vis)
          if (s == i && projected.Find(n) < 0) name = n;
        rebuilt.Add(name, old.KindOf(i));
      }
      extended = rebuilt;
    }
    scope_ = extended;
    if (p.aggregates || p.distinct) {
      QUIVER_RETURN_IF_ERROR(BindGroupedOrderBy(p, old, projected));
      extended = projected;
      scope_ = extended;
    }
    for (auto& s : p.order_by) {
      if (s.bound) continue;
      // ORDER BY an expression that is also a projected item sorts by it.
      for (size_t i = 0; i < p.items.size(); ++i) {
        if (s.text == p.items[i].alias) {
          auto var = std::make_shared<Expr>();
          var->kind = ExprKind::kVariable;
          var->name = p.items[i].alias;
          var->span = s.expr->span;
          s.expr = var;
          break;
        }
      }
      absl::Status st = BindExpr(*s.expr, false);
      if (!st.ok()) {
        scope_ = old;
        return st;
      }
    }
  }
  scope_ = projected;
  slot_types_ = std::move(new_types);
  for (ast::ExprPtr* e : {&p.skip, &p.limit}) {
    if (!*e) continue;
    Scope saved = scope_;
    scope_ = Scope();
    absl::Status st = BindExpr(**e, false);
    scope_ = saved;
    if (!st.ok()) {
      return Error((*e)->span, "SKIP and LIMIT need a constant expression",
                   "NonConstantExpression");
    }
    if ((*e)->kind == ExprKind::kLiteral) {
      const Value& v = (*e)->value;
      if (!v.is_int() || v.AsInt() < 0) {
        return Error((*e)->span,
                     absl::StrCat(e == &p.skip ? "SKIP" : "LIMIT",
                                  " needs a non-negative integer, not ", v.ToString()),
                     v.is_int() ? "NegativeIntegerArgument" : "InvalidArgumentType");
      }
    }
  }
  if (is_with && c.where) {
    // WITH ... WHERE also sees the variables before the WITH, unless the
    // projection aggregates or is DISTINCT.
    Scope saved = scope_;
    if (!p.aggregates && !p.distinct) {
      scope_ = extended;
    } else {
      size_t visible = 0;
      for (const auto& i : p.items) visible += !i.hidden;
      c.where = ReplaceItems(c.where, p, visible);
    }
    absl::Status st = BindExpr(*c.where, false);
    scope_ = saved;
    QUIVER_RETURN_IF_ERROR(st);
  }
  return absl::OkStatus();
}

absl::Status Binder::BindCall(ast::Clause& c, bool standalone, ast::SingleQuery& q) {
  auto proc = procs_ ? procs_(c.procedure) : nullptr;
  if (!proc) {
    return Error(c.span, absl::StrCat("there is no procedure with the name `", c.procedure, "`"),
                 "ProcedureNotFound", ErrorType::kProcedureError);
  }
  if (proc->writes) q.updates = true;
  for (auto& a : c.args) QUIVER_RETURN_IF_ERROR(BindExpr(*a, false));
  size_t required = proc->inputs.size();
  while (required > 0 && proc->inputs[required - 1].default_value) --required;
  if (!c.args_given && !standalone && required == 0) {
    c.args_given = true;  // In a query, `CALL p YIELD …` takes p's defaults.
  }
  if (c.args_given && (c.args.size() < required || c.args.size() > proc->inputs.size())) {
    const std::string takes =
        required == proc->inputs.size()
            ? absl::StrCat(required)
            : absl::StrCat("between ", required, " and ", proc->inputs.size());
    return Error(c.span, absl::StrCat("procedure ", proc->name, " takes ", takes,
                                      " argument(s), not ", c.args.size()),
                 "InvalidNumberOfArguments");
  }
  if (c.args_given) {
    // Arguments left out take their declared defaults.
    for (size_t i = c.args.size(); i < proc->inputs.size(); ++i) {
      auto e = std::make_shared<ast::Expr>();
      e->kind = ast::ExprKind::kLiteral;
      e->span = c.span;
      e->value = *proc->inputs[i].default_value;
      c.args.push_back(std::move(e));
    }
  }
  if (!c.args_given && standalone) {
    for (const auto& in : proc->inputs) {
      if (!params_.count(in.name) && !in.default_value) {
        return Error(c.span, absl::StrCat("procedure ", proc->name, " needs parameter $", in.name),
                     "MissingParameter", ErrorType::kParameterMissing);
      }
    }
  }
  if (c.yield_star && !standalone) {
    return Error(c.span, "YIELD * is only allowed in a standalone CALL", "UnexpectedSyntax");
  }
  if (!c.args_given && !standalone && !proc->inputs.empty()) {
    return Error(c.span, absl::StrCat("procedure ", proc->name,
                                      " needs its arguments in parentheses here"),
                 "InvalidArgumentPassingMode");
  }
  if (c.yields.empty() && !c.yield_star) {
    if (!standalone && !proc->outputs.empty()) {
      // An in-query CALL without YIELD of a procedure with outputs.
      return Error(c.span, absl::StrCat("procedure ", proc->name, " needs YIELD here"),
                   "InvalidClauseComposition");
    }
    for (const auto& o : proc->outputs) {
      ast::YieldItem y;
      y.column = y.variable = o.name;
      y.span = c.span;
      c.yields.push_back(y);
    }
  } else if (c.yield_star) {
    for (const auto& o : proc->outputs) {
      ast::YieldItem y;
      y.column = y.variable = o.name;
      y.span = c.span;
      c.yields.push_back(y);
    }
  }
  std::set<std::string> seen;
  for (auto& y : c.yields) {
    auto it = std::find_if(proc->outputs.begin(), proc->outputs.end(),
                           [&](const ProcParam& p) { return p.name == y.column; });
    if (it == proc->outputs.end()) {
      return Error(y.span, absl::StrCat("procedure ", proc->name, " has no output `", y.column, "`"),
                   "UndefinedVariable");
    }
    if (scope_.Find(y.variable) >= 0 || !seen.insert(y.variable).second) {
      return Error(y.span, absl::StrCat("variable `", y.variable, "` already declared"),
                   "VariableAlreadyBound");
    }
    VarKind kind = it->type == ProcType::kNode ? VarKind::kNode
                   : it->type == ProcType::kRelationship ? VarKind::kRel
                   : it->type == ProcType::kPath ? VarKind::kPath : VarKind::kAny;
    c.yield_slots.push_back(scope_.Add(y.variable, kind));
  }
  if (c.where) QUIVER_RETURN_IF_ERROR(BindExpr(*c.where, false));
  if (standalone) {
    for (const auto& y : c.yields) q.columns.push_back(y.variable);
  }
  return absl::OkStatus();
}

const char* ClauseName(ClauseKind k) {
  switch (k) {
    case ClauseKind::kMatch: return "MATCH";
    case ClauseKind::kUnwind: return "UNWIND";
    case ClauseKind::kWith: return "WITH";
    case ClauseKind::kReturn: return "RETURN";
    case ClauseKind::kCreate: return "CREATE";
    case ClauseKind::kMerge: return "MERGE";
    case ClauseKind::kSet: return "SET";
    case ClauseKind::kRemove: return "REMOVE";
    case ClauseKind::kDelete: return "DELETE";
    case ClauseKind::kCall: return "CALL";
  }
  return "?";
}

absl::Status Binder::BindQuery(ast::SingleQuery& q, bool subquery) {
  bool standalone_call =
      !subquery && q.clauses.size() == 1 && q.clauses[0].kind == ClauseKind::kCall;
  for (size_t i = 0; i < q.clauses.size(); ++i) {
    ast::Clause& c = q.clauses[i];
    bool last = i + 1 == q.clauses.size();
    if (c.kind == ClauseKind::kReturn && !last) {
      return Error(q.clauses[i + 1].span,
                   absl::StrCat(ClauseName(q.clauses[i + 1].kind), " cannot follow RETURN"),
                   "InvalidClauseComposition", ErrorType::kSyntaxError);
    }
    switch (c.kind) {
      case ClauseKind::kMatch: {
        if (c.optional == false && i > 0 && q.clauses[i - 1].kind == ClauseKind::kMatch &&
            q.clauses[i - 1].optional) {
          // MATCH after OPTIONAL MATCH is allowed; nothing to check.
        }
        std::set<std::string> rel_names;
        for (auto& part : c.patterns)
          QUIVER_RETURN_IF_ERROR(BindPattern(part, false, false, &rel_names));
        if (c.where) QUIVER_RETURN_IF_ERROR(BindExpr(*c.where, false));
        break;
      }
      case ClauseKind::kUnwind:
        QUIVER_RETURN_IF_ERROR(BindExpr(*c.expr, false));
        if (scope_.Find(c.variable) >= 0) {
          return Error(c.span, absl::StrCat("variable `", c.variable, "` already declared"),
                       "VariableAlreadyBound");
        }
        c.slot = scope_.Add(c.variable, VarKind::kAny);
        break;
      case ClauseKind::kWith:
        QUIVER_RETURN_IF_ERROR(BindProjection(c, true));
        break;
      case ClauseKind::kReturn:
        QUIVER_RETURN_IF_ERROR(BindProjection(c, false));
        for (const auto& item : c.projection.items)
          if (!item.hidden) q.columns.push_back(item.alias);
        break;
      case ClauseKind::kCreate:
        q.updates = true;
        for (auto& part : c.patterns) QUIVER_RETURN_IF_ERROR(BindPattern(part, true, false, nullptr));
        break;
      case ClauseKind::kMerge:
        q.updates = true;
        for (auto& part : c.patterns) {
          for (auto& r : part.rels) {
            if (r.types.size() != 1) {
              return Error(r.span, "a relationship to merge needs exactly one type",
                           "NoSingleRelationshipType");
            }
            if (r.var_length) {
              return Error(r.span, "a variable-length relationship cannot be merged",
                           "CreatingVarLength");
            }
          }
          QUIVER_RETURN_IF_ERROR(BindPattern(part, false, false, nullptr));
          for (auto& n : part.nodes) {
            if (n.properties && n.properties->kind == ExprKind::kMap) {
              for (auto& v : n.properties->children) {
                (void)v;
              }
            }
          }
        }
        QUIVER_RETURN_IF_ERROR(BindSetItems(c.on_create));
        QUIVER_RETURN_IF_ERROR(BindSetItems(c.on_match));
        break;
      case ClauseKind::kSet:
        q.updates = true;
        QUIVER_RETURN_IF_ERROR(BindSetItems(c.set_items));
        break;
      case ClauseKind::kRemove:
        q.updates = true;
        for (auto& item : c.remove_items) QUIVER_RETURN_IF_ERROR(BindExpr(*item.target, false));
        break;
      case ClauseKind::kDelete:
        q.updates = true;
        for (auto& e : c.delete_exprs) {
          QUIVER_RETURN_IF_ERROR(BindExpr(*e, false));
          if (e->kind == ExprKind::kLiteral || e->kind == ExprKind::kList ||
              e->kind == ExprKind::kMap) {
            return Error(e->span, "DELETE needs a node, relationship or path",
                         "InvalidArgumentType", ErrorType::kSyntaxError);
          }
        }
        break;
      case ClauseKind::kCall:
        QUIVER_RETURN_IF_ERROR(BindCall(c, standalone_call, q));
        break;
    }
    c.width = scope_.width();
    if (!subquery && last && c.kind != ClauseKind::kReturn && !q.updates && !standalone_call &&
        !(c.kind == ClauseKind::kCall && c.yields.empty())) {
      return Error(c.span,
                   absl::StrCat("a query cannot end with ", ClauseName(c.kind),
                                " (it must end with RETURN, an update clause or a procedure call)"),
                   "InvalidClauseComposition");
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status Bind(ast::Statement& st, const ValueMap& params, const ProcedureLookup& procs) {
  for (size_t i = 0; i < st.parts.size(); ++i) {
    Binder binder(st, params, procs);
    QUIVER_RETURN_IF_ERROR(binder.BindQuery(st.parts[i]));
    if (i > 0) {
      if (st.parts[i].columns != st.parts[0].columns) {
        const ast::Span& span = st.parts[i].clauses.empty() ? ast::Span() : st.parts[i].clauses[0].span;
        return MakeError(ErrorType::kSyntaxError, Phase::kCompileTime,
                         "all sub queries in a UNION must have the same column names",
                         st.text, &span, "DifferentColumnsInUnion");
      }
      if (st.union_all[i - 1] != st.union_all[0]) {
        const ast::Span& span = st.parts[i].clauses[0].span;
        return MakeError(ErrorType::kSyntaxError, Phase::kCompileTime,
                         "UNION and UNION ALL cannot be mixed", st.text, &span,
                         "InvalidClauseComposition");
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace quiver::query
