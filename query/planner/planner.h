// query::Plan: a bound statement → operator pipelines, one per UNION part.
// Each MATCH picks its most selective entry point (part_plan.h).

#ifndef QUIVER_QUERY_PLANNER_PLANNER_H_
#define QUIVER_QUERY_PLANNER_PLANNER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "query/ast/ast.h"
#include "query/binder/binder.h"
#include "query/exec/operator.h"

namespace quiver::query {

struct Pipeline {
  std::vector<OperatorPtr> ops;
};

struct Plan {
  std::vector<Pipeline> pipelines;  // One per UNION part.
  bool updates = false;
};

absl::StatusOr<Plan> BuildPlan(const ast::Statement& st, const ProcedureLookup& procedures);

// The operators of one query's clauses (a UNION part, or the inside of an
// EXISTS/COUNT subquery). `standalone`: a lone CALL whose columns are the
// result.
Pipeline PlanClauses(const std::vector<ast::Clause>& clauses, const ProcedureLookup& procedures,
                     bool standalone);

// The plan as an indented tree, last operator first (as Neo4j prints it);
// with `profile`, each operator's rows and time.
std::string RenderPlan(const Plan& plan, const ast::Statement& st, bool profile);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_PLANNER_PLANNER_H_
