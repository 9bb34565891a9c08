// query::BindPrepared: semantic analysis of a parsed statement.
//
// Resolves every variable to a row slot (writing the slots into the AST),
// follows scope through WITH, checks aggregation rules, clause composition,
// procedure signatures and what can be checked statically. Errors are
// SemanticError/SyntaxError "(compile time)" with the position and a caret.

#ifndef QUIVER_QUERY_BINDER_BINDER_H_
#define QUIVER_QUERY_BINDER_BINDER_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "query/ast/ast.h"
#include "query/procedures/registry.h"
#include "quiver/value.h"

namespace quiver::query {

using ProcedureLookup =
    std::function<std::shared_ptr<const Procedure>(std::string_view name)>;
// Functions the embedding program registered (not the built-in ones).
using FunctionLookup =
    std::function<std::shared_ptr<const Function>(std::string_view name)>;

// A parameter the statement needs. Binding depends on which parameters
// are given, never on their values, so a statement is bound once, before
// they are known, and run with any (prepared statements, the engine's
// cache).
struct ParameterNeed {
  std::string name;
  absl::Status missing;  // The statement's error when it is absent.
};

// Each presence check of a parameter is recorded in *needs (the first use
// of a name); CheckParameters makes them when the values are known.
// `functions` finds the functions the embedding program registered.
absl::Status BindPrepared(ast::Statement& statement, const ProcedureLookup& procedures,
                          const FunctionLookup& functions, std::vector<ParameterNeed>* needs);
absl::Status CheckParameters(const std::vector<ParameterNeed>& needs, const ValueMap& params);

}  // namespace quiver::query

#endif  // QUIVER_QUERY_BINDER_BINDER_H_
