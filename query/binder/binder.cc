#include "query/binder/binder.h"

#include "absl/strings/str_cat.h"
#include "query/binder/binder_impl.h"
#include "util/status_macros.h"

namespace quiver::query {

namespace binding {

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

}  // namespace binding

absl::Status BindPrepared(ast::Statement& st, const ProcedureLookup& procs,
                          const FunctionLookup& functions, std::vector<ParameterNeed>* needs) {
  needs->clear();
  for (size_t i = 0; i < st.parts.size(); ++i) {
    binding::Binder binder(st, procs, functions, needs);
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

absl::Status CheckParameters(const std::vector<ParameterNeed>& needs, const ValueMap& params) {
  for (const auto& need : needs)
    if (!params.count(need.name)) return need.missing;
  return absl::OkStatus();
}

}  // namespace quiver::query
