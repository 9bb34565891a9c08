// Binding EXISTS { … } and COUNT { … }: a query inside an expression.

#include "query/binder/binder_impl.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "util/status_macros.h"

namespace quiver::query::binding {

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
        if (auto proc = procs_ ? procs_(c.procedure) : nullptr; proc && proc->writes) {
          return Error(c.span, absl::StrCat(what, " { … } cannot update the graph (",
                                            proc->name, " writes)"),
                       "InvalidClauseComposition");
        }
        break;
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

}  // namespace quiver::query::binding
