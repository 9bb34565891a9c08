// query::Bind: semantic analysis of a parsed statement.
//
// Resolves every variable to a row slot (writing the slots into the AST),
// follows scope through WITH, checks aggregation rules, clause composition,
// procedure signatures and what can be checked statically. Errors are
// SemanticError/SyntaxError "(compile time)" with the position and a caret.

#ifndef QUIVER_QUERY_BINDER_BINDER_H_
#define QUIVER_QUERY_BINDER_BINDER_H_

#include <functional>
#include <memory>
#include <string_view>

#include "absl/status/status.h"
#include "query/ast/ast.h"
#include "query/procedures/registry.h"
#include "quiver/value.h"

namespace quiver::query {

using ProcedureLookup =
    std::function<std::shared_ptr<const Procedure>(std::string_view name)>;

absl::Status Bind(ast::Statement& statement, const ValueMap& params,
                  const ProcedureLookup& procedures);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_BINDER_BINDER_H_
