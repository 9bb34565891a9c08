#include "query/exec/subquery.h"

#include <algorithm>
#include <utility>

#include "query/exec/pipeline.h"
#include "query/planner/planner.h"
#include "util/status_macros.h"

namespace quiver::query {

// The operators of one subquery's clauses; read-only (the binder refuses
// updating clauses and writing procedures inside a subquery), so one plan
// serves every row of the statement.
struct SubqueryPlan {
  Pipeline pipeline;
};

namespace {

std::shared_ptr<const SubqueryPlan> PlanOf(const ast::Subquery& subquery, ExecContext& ctx) {
  std::shared_ptr<const SubqueryPlan>& slot = ctx.subquery_plans[&subquery];
  if (!slot) {
    auto plan = std::make_shared<SubqueryPlan>();
    // The registries the statement was bound against (a statement with a
    // CALL is never cached, so they are the same).
    const ProcedureRegistry* local = ctx.local_procedures;
    ProcedureLookup procs = [local](std::string_view name) { return FindProcedure(local, name); };
    plan->pipeline = PlanClauses(subquery.clauses, procs, /*standalone=*/false);
    slot = std::move(plan);
  }
  return slot;
}

}  // namespace

absl::StatusOr<int64_t> CountSubqueryRows(const ast::Subquery& subquery, const Row& row,
                                          ExecContext& ctx, int64_t limit) {
  // A copy of the pointer: a nested subquery may add to the map meanwhile.
  std::shared_ptr<const SubqueryPlan> plan = PlanOf(subquery, ctx);
  // The enclosing query's variables, then the subquery's own slots (unbound,
  // even where the enclosing row reuses them for comprehension variables).
  Row start(row.begin(), row.begin() + std::min<long>(long(row.size()), subquery.outer_width));
  start.resize(size_t(subquery.width));
  int64_t count = 0;
  RowFn sink = [&](Row&) {
    if (count >= limit) return StopStatus();
    ++count;
    return count >= limit ? StopStatus() : absl::OkStatus();
  };
  // An aggregation inside the subquery publishes its group's values in
  // ctx.aggregates; the enclosing projection's must survive it.
  const auto* aggregates = ctx.aggregates;
  ctx.aggregates = nullptr;
  absl::Status s = RunStreamingFrom(plan->pipeline.ops, std::move(start), ctx, sink);
  ctx.aggregates = aggregates;
  QUIVER_RETURN_IF_ERROR(s);
  return count;
}

}  // namespace quiver::query
