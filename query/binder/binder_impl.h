// The binder's internals, shared by its files: the Binder class (each
// family of its methods in its own file, named below) and the expression
// helpers they have in common. Private to query/binder/.

#ifndef QUIVER_QUERY_BINDER_BINDER_IMPL_H_
#define QUIVER_QUERY_BINDER_BINDER_IMPL_H_

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "query/ast/ast.h"
#include "query/binder/binder.h"
#include "query/binder/scope.h"
#include "query/errors.h"
#include "quiver/value.h"

namespace quiver::query::binding {

using ast::ClauseKind;
using ast::Expr;
using ast::ExprKind;

class Binder {
 public:
  // The parameters' values are not known when binding (BindPrepared):
  // each presence check goes to `needs`.
  Binder(const ast::Statement& st, const ProcedureLookup& procs, const FunctionLookup& functions,
         std::vector<ParameterNeed>* needs)
      : st_(st), procs_(procs), functions_(functions), needs_(needs) {}

  // binder.cc. `subquery`: the clauses of EXISTS/COUNT { … }, which may end
  // with any reading clause.
  absl::Status BindQuery(ast::SingleQuery& q, bool subquery = false);

 private:
  // The openCypher TCK calls every compile-time error a SyntaxError (with a
  // detail code saying which); we follow it.
  absl::Status Error(const ast::Span& span, std::string msg, std::string_view detail,
                     ErrorType type = ErrorType::kSyntaxError) const {
    return MakeError(type, Phase::kCompileTime, msg, st_.text, &span, detail);
  }

  // $name must be given: `missing()` is the error when it is not, recorded
  // for CheckParameters (the first use of each name).
  template <typename MakeError>
  absl::Status NeedParameter(const std::string& name, MakeError missing) {
    for (const auto& n : *needs_)
      if (n.name == name) return absl::OkStatus();
    needs_->push_back({name, missing()});
    return absl::OkStatus();
  }

  // bind_expression.cc
  absl::Status BindExpr(Expr& e, bool allow_aggregate, bool inside_aggregate = false);
  absl::Status CheckKind(const std::string& name, const ast::Span& span, int slot,
                         VarKind want);
  // The type of `e` when known before running: literals, and variables
  // bound to graph elements or to values of a known type.
  std::optional<Value::Type> KnownType(const Expr& e) const;

  // bind_subquery.cc: EXISTS { … } / COUNT { … }; its variables are local,
  // the enclosing ones visible (correlation).
  absl::Status BindSubquery(Expr& e);
  absl::Status BindSubqueryClauses(ast::SingleQuery& q, const char* what);

  // bind_pattern.cc
  absl::Status BindPattern(ast::PatternPart& part, bool creating, bool in_expression,
                           std::set<std::string>* rel_names);
  absl::Status BindSetItems(std::vector<ast::SetItem>& items);

  // bind_projection.cc: WITH and RETURN, their ORDER BY, SKIP and LIMIT.
  absl::Status BindProjection(ast::Clause& c, bool is_with);
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

  // bind_call.cc
  absl::Status BindCall(ast::Clause& c, bool standalone, ast::SingleQuery& q);
  // A call of a registered function (e.function set): its arguments, the
  // number the signature takes, the defaults of those left out.
  absl::Status BindRegisteredFunction(Expr& e, bool allow_aggregate, bool inside_aggregate);

  std::map<int, Value::Type> slot_types_;  // kValue variables of known type

  const ast::Statement& st_;
  const ProcedureLookup& procs_;
  const FunctionLookup& functions_;
  std::vector<ParameterNeed>* needs_;
  Scope scope_;
};

// bind_expression.cc

// The type an expression is known to have before running, if any.
std::optional<Value::Type> StaticType(const Expr& e);
// Calls fn on each variable of `e` that is not inside an aggregate call.
// `skip` (optional) prunes sub-expressions that are fine as they are.
void VariablesOutsideAggregates(const Expr& e, const std::function<void(const Expr&)>& fn,
                                const std::function<bool(const Expr&)>& skip = nullptr);
// Operands of AND, OR, XOR and NOT must be booleans (or null).
bool NotBoolean(const Expr& e);
// count(*) or a call of an aggregate function.
bool IsAggregateCall(const Expr& e);
bool ContainsAggregate(const Expr& e);
// The first variable of `e` (aggregate arguments included) that `scope`
// does not define, skipping the variables `e` declares itself
// (comprehensions, quantifiers, pattern expressions, subqueries). Null if
// none.
const Expr* FirstUndefined(const Expr& e, const Scope& scope,
                           std::set<std::string> locals = {});
// "a node", "a relationship"… for messages.
const char* KindName(VarKind k);

// binder.cc
const char* ClauseName(ClauseKind k);

}  // namespace quiver::query::binding

#endif  // QUIVER_QUERY_BINDER_BINDER_IMPL_H_
