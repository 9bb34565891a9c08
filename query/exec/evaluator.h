// Evaluation of bound expressions against one row, with openCypher's
// three-valued logic. Functions live in functions.cc.

#ifndef QUIVER_QUERY_EXEC_EVALUATOR_H_
#define QUIVER_QUERY_EXEC_EVALUATOR_H_

#include <string>

#include "absl/status/statusor.h"
#include "query/ast/ast.h"
#include "query/exec/context.h"

namespace quiver::query {

absl::StatusOr<Value> Evaluate(const ast::Expr& expr, const Row& row, ExecContext& ctx);

// A scalar (non-aggregate) function; `name` is lower-cased.
absl::StatusOr<Value> CallFunction(const std::string& name, const ValueList& args,
                                   const ast::Expr& call, ExecContext& ctx);
// A function the embedding program registered: checks the arguments'
// types, calls it, checks its result's type; its error becomes the
// statement's ArgumentError.
absl::StatusOr<Value> CallRegisteredFunction(const Function& function, ValueList args,
                                             const ast::Expr& call, ExecContext& ctx);
bool IsKnownFunction(const std::string& lower_name);
bool IsAggregateFunction(const std::string& lower_name);

// The property `key` of a node, relationship or map; null when absent.
absl::StatusOr<Value> PropertyOf(const Value& target, const std::string& key,
                                 const ast::Expr& at, ExecContext& ctx);

std::string TypeNameOf(const Value& v);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_EXEC_EVALUATOR_H_
