// Binding CALL: the procedure, its arguments (defaults included) and YIELD.

#include "query/binder/binder_impl.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "util/status_macros.h"

namespace quiver::query::binding {

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
      if (in.default_value) continue;
      QUIVER_RETURN_IF_ERROR(NeedParameter(in.name, [&] {
        return Error(c.span, absl::StrCat("procedure ", proc->name, " needs parameter $", in.name),
                     "MissingParameter", ErrorType::kParameterMissing);
      }));
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

absl::Status Binder::BindRegisteredFunction(Expr& e, bool allow_aggregate,
                                            bool inside_aggregate) {
  const Function& f = *e.function;
  size_t required = 0;
  for (const auto& in : f.inputs)
    if (!in.default_value) ++required;
  if (e.children.size() < required || e.children.size() > f.inputs.size()) {
    std::string takes = required == f.inputs.size()
                            ? absl::StrCat(required)
                            : absl::StrCat(required, " to ", f.inputs.size());
    return Error(e.span, absl::StrCat(f.name, "() takes ", takes, " argument(s), not ",
                                      e.children.size()),
                 "InvalidNumberOfArguments");
  }
  for (auto& c : e.children) {
    QUIVER_RETURN_IF_ERROR(BindExpr(*c, allow_aggregate, inside_aggregate));
    e.has_aggregate |= c->has_aggregate;
  }
  for (size_t i = e.children.size(); i < f.inputs.size(); ++i) {
    auto d = std::make_shared<ast::Expr>();
    d->kind = ExprKind::kLiteral;
    d->span = e.span;
    d->value = *f.inputs[i].default_value;
    e.children.push_back(std::move(d));
  }
  return absl::OkStatus();
}

}  // namespace quiver::query::binding
