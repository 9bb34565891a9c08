// Execution of EXISTS { … } and COUNT { … } for one row of the enclosing
// query.

#ifndef QUIVER_QUERY_EXEC_SUBQUERY_H_
#define QUIVER_QUERY_EXEC_SUBQUERY_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "query/ast/ast.h"
#include "query/exec/context.h"

namespace quiver::query {

// The number of rows `subquery` yields for `row` (its enclosing variables),
// counting no further than `limit` (1 answers EXISTS). Errors of its WHERE
// (a non-boolean, say) and of the store are returned as they are. Planned
// once per statement (ExecContext::subquery_plans).
absl::StatusOr<int64_t> CountSubqueryRows(const ast::Subquery& subquery, const Row& row,
                                          ExecContext& ctx, int64_t limit);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_SUBQUERY_H_
