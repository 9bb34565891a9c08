#include "query/planner/planner.h"

#include "absl/strings/str_cat.h"
#include "query/planner/use_analysis.h"

namespace quiver::query {

Pipeline PlanClauses(const std::vector<ast::Clause>& clauses, const ProcedureLookup& procedures,
                     bool standalone) {
  Pipeline p;
  for (size_t ci = 0; ci < clauses.size(); ++ci) {
    const ast::Clause& c = clauses[ci];
    if (CountFoldable(clauses, ci)) {
      // MATCH ... RETURN count(*): count instead of building rows; the
      // projection's own aggregation (its first operator) is replaced.
      p.ops.push_back(MakeCountMatchOp(c));
      std::vector<OperatorPtr> rest;
      AddProjectionOps(clauses[++ci], &rest);
      for (size_t i = 1; i < rest.size(); ++i) p.ops.push_back(std::move(rest[i]));
      continue;
    }
    switch (c.kind) {
      case ast::ClauseKind::kMatch: p.ops.push_back(MakeMatchOp(clauses, ci)); break;
      case ast::ClauseKind::kUnwind: p.ops.push_back(MakeUnwindOp(c, c.width)); break;
      case ast::ClauseKind::kWith:
      case ast::ClauseKind::kReturn: AddProjectionOps(c, &p.ops); break;
      case ast::ClauseKind::kCreate: p.ops.push_back(MakeCreateOp(c, c.width)); break;
      case ast::ClauseKind::kMerge: p.ops.push_back(MakeMergeOp(c, c.width)); break;
      case ast::ClauseKind::kSet: p.ops.push_back(MakeSetOp(c.set_items, "SetProperties")); break;
      case ast::ClauseKind::kRemove: p.ops.push_back(MakeRemoveOp(c)); break;
      case ast::ClauseKind::kDelete: p.ops.push_back(MakeDeleteOp(c)); break;
      case ast::ClauseKind::kCall:
        p.ops.push_back(MakeCallOp(c, c.width, procedures(c.procedure), standalone));
        break;
    }
  }
  return p;
}

absl::StatusOr<Plan> BuildPlan(const ast::Statement& st, const ProcedureLookup& procedures) {
  Plan plan;
  for (const auto& q : st.parts) {
    plan.updates |= q.updates;
    bool standalone = q.clauses.size() == 1 && q.clauses[0].kind == ast::ClauseKind::kCall;
    plan.pipelines.push_back(PlanClauses(q.clauses, procedures, standalone));
  }
  return plan;
}

std::string RenderPlan(const Plan& plan, const ast::Statement& st, bool profile) {
  std::string out;
  for (size_t pi = 0; pi < plan.pipelines.size(); ++pi) {
    if (plan.pipelines.size() > 1)
      absl::StrAppend(&out, pi ? (st.union_all[pi - 1] ? "UNION ALL\n" : "UNION\n") : "");
    const auto& ops = plan.pipelines[pi].ops;
    int depth = 0;
    for (auto it = ops.rbegin(); it != ops.rend(); ++it, ++depth) {
      std::vector<std::string> lines = (*it)->Describe(st.text);
      std::string indent(size_t(depth) * 2, ' ');
      for (size_t i = 0; i < lines.size(); ++i) {
        absl::StrAppend(&out, indent, i == 0 ? "+ " : "  ", lines[i]);
        if (i == 0 && profile) {
          absl::StrAppend(&out, "  [rows=", (*it)->rows_out, ", time=", (*it)->micros, " us]");
        }
        out += "\n";
      }
    }
  }
  return out;
}

}  // namespace quiver::query
