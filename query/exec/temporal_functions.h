// The temporal part of the query language (docs/query-language.md,
// "Temporal values"): the constructor functions date(), localtime(), time(),
// localdatetime(), datetime(), duration() and their namespaced forms
// (date.truncate, datetime.statement, duration.between, ...), component
// access (d.year) and arithmetic (instant ± duration, duration × number).
// The values themselves live in util/temporal*.h.

#ifndef QUIVER_QUERY_EXEC_TEMPORAL_FUNCTIONS_H_
#define QUIVER_QUERY_EXEC_TEMPORAL_FUNCTIONS_H_

#include <string>

#include "absl/status/statusor.h"
#include "query/ast/ast.h"
#include "query/exec/context.h"

namespace quiver::query {

// `lower_name` is one of the temporal functions.
bool IsTemporalFunction(const std::string& lower_name);
absl::StatusOr<Value> CallTemporalFunction(const std::string& lower_name, const ValueList& args,
                                           const ast::Expr& call, ExecContext& ctx);

// `value.key` of a temporal value: d.year, t.hour, dt.epochMillis, dur.days.
absl::StatusOr<Value> TemporalComponent(const Value& value, const std::string& key,
                                        const ast::Expr& at, ExecContext& ctx);

// `a op b` when a or b is a temporal value and neither is null.
absl::StatusOr<Value> TemporalArithmetic(ast::Op op, const Value& a, const Value& b,
                                         const ast::Expr& at, ExecContext& ctx);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_TEMPORAL_FUNCTIONS_H_
